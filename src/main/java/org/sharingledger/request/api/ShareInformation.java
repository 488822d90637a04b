package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** The holding agency shares in full or in part; {@code occurredAt} is when it really decided, if earlier. */
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
        Instant recordedAt) {}
