package org.sharingledger.access.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.sharingledger.kernel.Role;

/** A user account was created with these roles: from now on this person could do what the roles allow. */
@Revision("1")
public record UserRegistered(
        String username, String displayName, String agencyId, List<Role> roles, Instant recordedAt) {}
