package org.sharingledger.timeline.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Let one case reviewer see one subject's timeline for a stated review, until a time. {@code grantedBy} is the user
 * giving the grant, who may not be the reviewer.
 */
public record GrantTimelineAccess(
        @TargetAggregateIdentifier String grantId,
        String reviewer,
        String review,
        String reason,
        Instant validUntil,
        TimelineSubject subject,
        Instant recordedAt,
        String grantedBy) {}
