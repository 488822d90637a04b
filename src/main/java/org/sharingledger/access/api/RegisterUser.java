package org.sharingledger.access.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Role;

/** Create a user account; its password is kept apart, in the credentials table. */
public record RegisterUser(
        @TargetAggregateIdentifier String username,
        String displayName,
        String agencyId,
        List<Role> roles,
        Instant recordedAt) {}
