package org.sharingledger.access.api;

import java.util.List;
import org.sharingledger.kernel.Role;

/** An account as an administrator sees it (never its password). */
public record UserSummary(
        String username,
        String displayName,
        String agencyId,
        List<Role> roles,
        UserStatus status,
        boolean mustChangePassword) {}
