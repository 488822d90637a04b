package org.sharingledger.selfassessment.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The Trust circulated a self-assessment round (the position statements of the Laming review) for returns by
 * {@code dueBy}.
 *
 * @param questions    the questions in the order asked, each with an id unique in the round
 * @param circulatedTo the agencies signed when it opened, fixed here: only they may return, and those of them that
 *                     have not returned by {@code dueBy} are recorded overdue
 */
@Revision("1")
public record SelfAssessmentOpened(
        String selfAssessmentId,
        String title,
        List<Question> questions,
        Instant dueBy,
        List<String> circulatedTo,
        Instant recordedAt) {

    public SelfAssessmentOpened {
        questions = List.copyOf(questions);
        circulatedTo = List.copyOf(circulatedTo);
    }
}
