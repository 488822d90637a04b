package org.sharingledger.timeline.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A case reviewer was granted access to one subject's timeline, for a review, until {@code validUntil}. */
@Revision("1")
public record TimelineAccessGranted(
        String grantId,
        String reviewer,
        String review,
        String reason,
        Instant validUntil,
        TimelineSubject subject,
        Instant recordedAt) {}
