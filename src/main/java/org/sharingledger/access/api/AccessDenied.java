package org.sharingledger.access.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.sharingledger.kernel.Role;

/** An authenticated user tried something they may not do, and was refused (HTTP 403). */
@Revision("1")
public record AccessDenied(
        String username,
        String agencyId,
        List<Role> roles,
        String method,
        String path,
        String reason,
        Instant recordedAt) {}
