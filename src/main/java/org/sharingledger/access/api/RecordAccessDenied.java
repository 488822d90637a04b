package org.sharingledger.access.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Role;

/** Record one refusal, or {@code count} repeats of it since {@code since} (see {@link AccessDenied}). */
public record RecordAccessDenied(
        @TargetAggregateIdentifier String username,
        String agencyId,
        List<Role> roles,
        String method,
        String path,
        String reason,
        Instant recordedAt,
        int count,
        Instant since,
        boolean pathTruncated) {}
