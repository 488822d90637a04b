package org.sharingledger.timeline.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A case reviewer looked at a child's (or a case's) timeline: looking is itself a sensitive act, so it is recorded
 * with the grant, the reason, the subject's pseudonym, the moment asked about, the export format, and the agencies
 * whose records the timeline touched (each of whose nominated representatives can see it).
 */
@Revision("1")
public record TimelineQueried(
        String grantId,
        String reviewer,
        String review,
        TimelineSubject subject,
        Instant asOf,
        String reason,
        String format,
        List<String> agencies,
        Instant recordedAt) {}
