package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/**
 * The stage's decision maker ends an open escalation: the information is shared, or the refusal upheld.
 *
 * <p>{@code actorAccredited}: whether the actor held a passed, unexpired online information sharing course record on
 * the day of the decision; {@code accreditationRequired}: whether this ledger refuses an unaccredited actor's
 * decision ({@code ledger.training.required}). The request service fills both.
 */
public record ResolveEscalation(
        @TargetAggregateIdentifier String requestId,
        Actor actor,
        Outcome outcome,
        String rationale,
        String informationShared,
        Method method,
        Instant recordedAt,
        boolean actorAccredited,
        boolean accreditationRequired) {}
