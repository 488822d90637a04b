package org.sharingledger.access.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.sharingledger.kernel.Role;

/** An account's roles and agency were replaced: from now on this person could do what these roles allow. */
@Revision("1")
public record UserRolesChanged(
        String username, String agencyId, List<Role> roles, String changedBy, Instant recordedAt) {}
