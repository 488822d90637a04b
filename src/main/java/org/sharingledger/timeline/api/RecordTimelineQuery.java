package org.sharingledger.timeline.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/**
 * A case reviewer looks at a timeline under a grant: allowed only while the grant is live, to its own reviewer, for
 * the subject it names. {@code agencies} are those whose records the timeline touches.
 */
public record RecordTimelineQuery(
        @TargetAggregateIdentifier String grantId,
        Actor actor,
        TimelineSubject subject,
        Instant asOf,
        String reason,
        String format,
        List<String> agencies,
        Instant recordedAt) {}
