package org.sharingledger.selfassessment.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agency's return to a round: an answer to every question and its position statement. */
public record ReturnSelfAssessment(
        @TargetAggregateIdentifier String selfAssessmentId,
        String agencyId,
        List<QuestionAnswer> answers,
        String statement,
        Instant recordedAt) {

    public ReturnSelfAssessment {
        answers = answers == null ? List.of() : List.copyOf(answers);
    }
}
