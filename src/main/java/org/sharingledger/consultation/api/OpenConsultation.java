package org.sharingledger.consultation.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Circulates a new version of the Code to {@code circulatedTo}, the agencies signed at that moment. */
public record OpenConsultation(
        @TargetAggregateIdentifier String consultationId,
        String codeVersion,
        String title,
        String summaryOfChanges,
        Instant respondBy,
        List<String> circulatedTo,
        Instant recordedAt) {

    public OpenConsultation {
        circulatedTo = List.copyOf(circulatedTo);
    }
}
