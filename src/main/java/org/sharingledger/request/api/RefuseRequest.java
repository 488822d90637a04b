package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/**
 * The holding agency refuses, with a reason code and a rationale in its own words.
 *
 * <p>{@code actorAccredited}: whether the actor held a passed, unexpired online information sharing course record on
 * the day of the decision; {@code accreditationRequired}: whether this ledger refuses an unaccredited actor's
 * decision ({@code ledger.training.required}). The request service fills both.
 */
public record RefuseRequest(
        @TargetAggregateIdentifier String requestId,
        Actor actor,
        Reason reason,
        String rationale,
        String adviceSought,
        Instant occurredAt,
        Instant recordedAt,
        boolean actorAccredited,
        boolean accreditationRequired) {}
