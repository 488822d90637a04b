package org.sharingledger.selfassessment.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.rules.FreeText;

/**
 * Self-assessment rounds (the Laming review's position statements), with every rule that goes with them: the one way
 * in for the JSON API and the web pages alike. A broken rule is thrown as the platform's {@code InvalidInput} (400),
 * {@code NotPermitted} (403), {@code NotFound} (404) or {@code StepNotAllowed} (409), and nothing is recorded.
 *
 * <p>Who may: open, a {@code TRUST_REVIEWER}; return, the agency's own {@code NOMINATED_REPRESENTATIVE}.
 */
public interface SelfAssessments {

    /** The largest title. */
    int TITLE = 200;
    /** The largest question. */
    int QUESTION = 1000;
    /** The most questions in a round. */
    int QUESTIONS = 50;
    /** The largest evidence for one answer. */
    int EVIDENCE = 4000;
    /** The largest position statement. */
    int STATEMENT = 10000;

    /** Circulates a round to every agency signed at this moment, for returns by {@code dueBy} (any time ahead). */
    Opened open(Actor actor, NewSelfAssessment round);

    /** Records an agency's return; {@code late} when it comes at or after the round's due time. */
    Returned submit(Actor actor, UUID selfAssessmentId, Return answers);

    /** A round opened: its id, status and how many agencies it was circulated to. */
    record Opened(String selfAssessmentId, SelfAssessmentStatus status, int circulatedTo) {}

    /** A return recorded: whether it was the agency's first, and whether it was late. */
    record Returned(String selfAssessmentId, String agencyId, boolean first, boolean late) {}

    record NewSelfAssessment(
            @FreeText @NotBlank @Size(max = TITLE) String title,
            @NotEmpty @Size(max = QUESTIONS) List<@Valid @NotNull NewQuestion> questions,
            @NotNull Instant dueBy) {}

    /**
     * One question of a new round.
     *
     * @param id how returns name it: letters, digits, dots, hyphens or underscores (unique in the round)
     */
    record NewQuestion(
            @FreeText
            @NotBlank
            @Size(max = 20)
            @Pattern(
                    regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "must be letters, digits, dots, hyphens or underscores, starting with a letter or digit")
            String id,

            @FreeText @NotBlank @Size(max = QUESTION) String text) {}

    record Return(
            @FreeText @NotBlank @Size(max = 64) String agencyId,
            @NotEmpty @Size(max = QUESTIONS) List<@Valid @NotNull Answer> answers,
            @FreeText @NotBlank @Size(max = STATEMENT) String statement) {}

    /**
     * An answer to one question of a return.
     *
     * @param evidence required for {@code PARTLY} and {@code NO}
     */
    record Answer(
            @FreeText @NotBlank @Size(max = 20) String questionId,
            @NotNull SelfAssessmentAnswer answer,
            @FreeText @Size(max = EVIDENCE) String evidence) {}
}
