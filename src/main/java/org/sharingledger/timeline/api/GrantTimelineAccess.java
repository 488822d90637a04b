package org.sharingledger.timeline.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let one case reviewer see one subject's timeline for a stated review, until a time. */
public record GrantTimelineAccess(
        @TargetAggregateIdentifier String grantId,
        String reviewer,
        String review,
        String reason,
        Instant validUntil,
        TimelineSubject subject,
        Instant recordedAt) {}
