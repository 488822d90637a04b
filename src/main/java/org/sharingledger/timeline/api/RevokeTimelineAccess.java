package org.sharingledger.timeline.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a grant before its time. */
public record RevokeTimelineAccess(
        @TargetAggregateIdentifier String grantId, String reason, Instant recordedAt) {}
