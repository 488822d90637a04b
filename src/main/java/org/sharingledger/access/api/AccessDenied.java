package org.sharingledger.access.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.sharingledger.kernel.Role;

/**
 * An authenticated user tried something they may not do, and was refused (HTTP 403). Repeats of the same refusal
 * by the same user within a minute are recorded once, with their count: the first refusal at once (count 1), the
 * repeats that followed it when the minute ends, in one event counting them ({@code since} is when the first repeat
 * happened).
 *
 * @param path          the path asked for, at most 200 characters ({@code pathTruncated} when it was longer)
 * @param count         how many refusals this event stands for; null in events recorded before counts existed, meaning 1
 * @param since         the first of the counted refusals when they were aggregated; null for a single refusal
 * @param pathTruncated whether {@code path} was cut to 200 characters; null meaning false
 */
@Revision("1")
public record AccessDenied(
        String username,
        String agencyId,
        List<Role> roles,
        String method,
        String path,
        String reason,
        Instant recordedAt,
        Integer count,
        Instant since,
        Boolean pathTruncated) {}
