package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** The stage's decision maker ends an open escalation: the information is shared, or the refusal upheld. */
public record ResolveEscalation(
        @TargetAggregateIdentifier String requestId,
        Actor actor,
        Outcome outcome,
        String rationale,
        String informationShared,
        Method method,
        Instant recordedAt) {}
