package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** The requesting agency takes a refusal (or partial share) to a stage of the escalation procedure. */
public record EscalateRefusal(
        @TargetAggregateIdentifier String requestId, Actor actor, Stage stage, String reason, Instant recordedAt) {}
