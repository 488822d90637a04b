package org.sharingledger.selfassessment.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Circulates a self-assessment round to {@code circulatedTo}, the agencies signed at that moment. */
public record OpenSelfAssessment(
        @TargetAggregateIdentifier String selfAssessmentId,
        String title,
        List<Question> questions,
        Instant dueBy,
        List<String> circulatedTo,
        Instant recordedAt) {

    public OpenSelfAssessment {
        questions = List.copyOf(questions);
        circulatedTo = List.copyOf(circulatedTo);
    }
}
