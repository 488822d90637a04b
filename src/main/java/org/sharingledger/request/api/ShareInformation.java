package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/**
 * The holding agency shares in full or in part; {@code occurredAt} is when it really decided, if earlier.
 *
 * <p>{@code actorAccredited}: whether the actor held a passed, unexpired online information sharing course record on
 * the day of the decision; {@code accreditationRequired}: whether this ledger refuses an unaccredited actor's
 * decision ({@code ledger.training.required}). The request service fills both.
 */
public record ShareInformation(
        @TargetAggregateIdentifier String requestId,
        Actor actor,
        Scope scope,
        String informationShared,
        Method method,
        String rationale,
        Reason withheldReason,
        String adviceSought,
        Instant occurredAt,
        Instant recordedAt,
        boolean actorAccredited,
        boolean accreditationRequired) {}
