package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** The holding agency refuses, with a reason code and a rationale in its own words. */
public record RefuseRequest(
        @TargetAggregateIdentifier String requestId,
        Actor actor,
        Reason reason,
        String rationale,
        String adviceSought,
        Instant occurredAt,
        Instant recordedAt) {}
