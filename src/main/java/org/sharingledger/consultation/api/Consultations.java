package org.sharingledger.consultation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.rules.FreeText;

/**
 * Consultations on a new version of the Code of Practice, with every rule that goes with them: the one way in for the
 * JSON API and the web pages alike. A broken rule is thrown as the platform's {@code InvalidInput} (400),
 * {@code NotPermitted} (403), {@code NotFound} (404) or {@code StepNotAllowed} (409), and nothing is recorded.
 *
 * <p>Who may: open, a {@code TRUST_REVIEWER} or an {@code ADMIN}; answer, the agency's own
 * {@code NOMINATED_REPRESENTATIVE}; comment, a {@code TRUST_REVIEWER} (for the Trust) or a circulated agency's
 * {@code NOMINATED_REPRESENTATIVE}; adopt, a {@code TRUST_REVIEWER}.
 */
public interface Consultations {

    /** The largest free text a step takes. */
    int TEXT = 4000;

    /**
     * Circulates a new version to every agency signed at this moment, for answers by {@code respondBy} (at least
     * {@code ledger.consultations.minimum-notice} ahead).
     */
    Opened open(Actor actor, NewConsultation consultation);

    void respond(Actor actor, UUID consultationId, Answer answer);

    void comment(Actor actor, UUID consultationId, Comment comment);

    void adopt(Actor actor, UUID consultationId, Adoption adoption);

    /** A consultation opened: its id and how many agencies it was circulated to. */
    record Opened(String consultationId, ConsultationStatus status, int circulatedTo) {}

    record NewConsultation(
            @FreeText
            @NotBlank
            @Size(max = 50)
            @Pattern(
                    regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
                    message = "must be letters, digits, dots, hyphens or underscores, starting with a letter or digit")
            String codeVersion,

            @FreeText @NotBlank @Size(max = 200) String title,
            @FreeText @NotBlank @Size(max = TEXT) String summaryOfChanges,
            @NotNull Instant respondBy) {}

    record Answer(
            @FreeText @NotBlank @Size(max = 64) String agencyId,
            @NotNull ConsultationResponse response,
            @FreeText @Size(max = TEXT) String comments) {}

    record Comment(@FreeText @NotBlank @Size(max = TEXT) String text) {}

    record Adoption(
            @NotNull LocalDate adoptedOn,
            @FreeText @Size(max = TEXT) String note) {}
}
