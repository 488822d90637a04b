package org.sharingledger.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** Review the agreement and renew it until {@code nextReviewOn}. */
public record ReviewAgreement(
        @TargetAggregateIdentifier String agreementId,
        Actor actor,
        LocalDate nextReviewOn,
        String note,
        Instant recordedAt) {}
