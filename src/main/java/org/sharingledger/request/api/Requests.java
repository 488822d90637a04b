package org.sharingledger.request.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.rules.FreeText;

/**
 * Every step of a sharing request, with all its checks: the one way in for the JSON API and the web pages alike.
 * Each method checks its input (the constraints on the records below, the child's identifier, name and date of
 * birth, the agencies), then sends the command, whose aggregate holds the rules of the procedure. A broken rule is
 * thrown as the platform's {@code InvalidInput} (400), {@code NotPermitted} (403), {@code StepNotAllowed} (409) or
 * {@code NotFound} (404), and nothing is recorded.
 */
public interface Requests {

    /** The largest free text a step takes. */
    int TEXT = 4000;

    /** Ask another agency for information about a child, for {@code request.requestingAgencyId()}. */
    Made make(Actor actor, NewRequest request);

    RequestStatus share(Actor actor, UUID requestId, Share share);

    RequestStatus refuse(Actor actor, UUID requestId, Refusal refusal);

    RequestStatus escalate(Actor actor, UUID requestId, Escalation escalation);

    RequestStatus resolve(Actor actor, UUID requestId, Resolution resolution);

    RequestStatus withdraw(Actor actor, UUID requestId, Withdrawal withdrawal);

    /** How long the holding agency has to decide a request of this urgency. */
    Duration allowance(Urgency urgency);

    /** A request made: its id, its status and when its decision is due. */
    record Made(String requestId, RequestStatus status, Instant dueBy) {}

    record NewRequest(
            @FreeText @NotBlank @Size(max = 64) String requestingAgencyId,
            @FreeText @NotBlank @Size(max = 64) String holdingAgencyId,
            @NotNull @Valid Subject subject,
            @FreeText @Size(max = 100) String caseReference,
            @NotNull Purpose purpose,
            @FreeText @NotBlank @Size(max = TEXT) String purposeDetail,
            @NotNull LawfulBasis lawfulBasis,
            @NotNull @Valid ConsentBody consent,
            @NotNull Urgency urgency,
            @FreeText @NotBlank @Size(max = TEXT) String informationSought,
            UUID agreementId) {

        /** A request under no Information Sharing Protocol. */
        public NewRequest(
                String requestingAgencyId,
                String holdingAgencyId,
                Subject subject,
                String caseReference,
                Purpose purpose,
                String purposeDetail,
                LawfulBasis lawfulBasis,
                ConsentBody consent,
                Urgency urgency,
                String informationSought) {
            this(
                    requestingAgencyId,
                    holdingAgencyId,
                    subject,
                    caseReference,
                    purpose,
                    purposeDetail,
                    lawfulBasis,
                    consent,
                    urgency,
                    informationSought,
                    null);
        }
    }

    /**
     * Exactly one of nhsNumber and localReference; name and dateOfBirth optional ({@link ValidSubject} checks them).
     * Never printed: {@link #toString()} hides them all.
     */
    @ValidSubject
    record Subject(
            @Size(max = 20) String nhsNumber,
            @Size(max = 100) String localReference,
            String name,
            LocalDate dateOfBirth) {
        @Override
        public String toString() {
            return "Subject[redacted]";
        }
    }

    record ConsentBody(
            @NotNull ConsentStatus status,
            @FreeText @Size(max = TEXT) String detail) {}

    record Share(
            @NotNull Scope scope,
            @FreeText @NotBlank @Size(max = TEXT) String informationShared,
            @NotNull Method method,
            @FreeText @NotBlank @Size(max = TEXT) String rationale,
            Reason withheldReason,
            @FreeText @Size(max = TEXT) String adviceSought,
            Instant occurredAt) {}

    record Refusal(
            @NotNull Reason reason,
            @FreeText @NotBlank @Size(max = TEXT) String rationale,
            @FreeText @Size(max = TEXT) String adviceSought,
            Instant occurredAt) {}

    record Escalation(
            @NotNull Stage stage,
            @FreeText @NotBlank @Size(max = TEXT) String reason) {}

    record Resolution(
            @NotNull Outcome outcome,
            @FreeText @NotBlank @Size(max = TEXT) String rationale,
            @FreeText @Size(max = TEXT) String informationShared,
            Method method) {}

    record Withdrawal(@FreeText @NotBlank @Size(max = TEXT) String reason) {}
}
