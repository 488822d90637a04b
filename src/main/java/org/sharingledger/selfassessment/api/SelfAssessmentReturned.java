package org.sharingledger.selfassessment.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A circulated agency returned the round: one answer to each question, in the order asked, and its position
 * statement. An agency may return again; every return is kept and the last one counts.
 *
 * @param late whether it came at or after {@code dueBy} (a late return is still taken)
 */
@Revision("1")
public record SelfAssessmentReturned(
        String selfAssessmentId,
        String agencyId,
        List<QuestionAnswer> answers,
        String statement,
        boolean late,
        Instant recordedAt) {

    public SelfAssessmentReturned {
        answers = List.copyOf(answers);
    }
}
