package org.sharingledger.agreement.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** End the agreement, by a party's nominated representative or the Trust. */
public record TerminateAgreement(
        @TargetAggregateIdentifier String agreementId, Actor actor, String reason, Instant recordedAt) {}
