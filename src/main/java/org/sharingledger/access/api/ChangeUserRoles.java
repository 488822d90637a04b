package org.sharingledger.access.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Role;

/** Replace an account's roles and agency (null: no agency), under the same rules as registration. */
public record ChangeUserRoles(
        @TargetAggregateIdentifier String username,
        String agencyId,
        List<Role> roles,
        String changedBy,
        Instant recordedAt) {}
