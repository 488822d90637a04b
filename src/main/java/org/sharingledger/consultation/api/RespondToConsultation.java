package org.sharingledger.consultation.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RespondToConsultation(
        @TargetAggregateIdentifier String consultationId,
        String agencyId,
        ConsultationResponse response,
        String comments,
        Instant recordedAt) {}
