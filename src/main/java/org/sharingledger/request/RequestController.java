package org.sharingledger.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.request.api.Consent;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.EscalateRefusal;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.MakeRequest;
import org.sharingledger.request.api.Method;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.Purpose;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.RefuseRequest;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.ResolveEscalation;
import org.sharingledger.request.api.Scope;
import org.sharingledger.request.api.ShareInformation;
import org.sharingledger.request.api.Stage;
import org.sharingledger.request.api.Urgency;
import org.sharingledger.request.api.WithdrawRequest;
import org.sharingledger.subject.api.PersonalDetails;
import org.sharingledger.subject.api.SubjectDetails;
import org.sharingledger.subject.api.SubjectKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every step of a sharing request, for practitioners and their systems. Reading requests is on the read side.
 */
@RestController
@Tag(name = "Requests", description = "Requests for information about a child, decisions and escalations")
class RequestController {

    static final int TEXT = 4000;

    private final Commands commands;
    private final AgencyDirectory agencies;
    private final SubjectPseudonyms pseudonyms;
    private final SubjectDetails subjectDetails;
    private final DueAllowances allowances;
    private final Clock clock;

    RequestController(
            Commands commands,
            AgencyDirectory agencies,
            SubjectPseudonyms pseudonyms,
            SubjectDetails subjectDetails,
            DueAllowances allowances,
            Clock clock) {
        this.commands = commands;
        this.agencies = agencies;
        this.pseudonyms = pseudonyms;
        this.subjectDetails = subjectDetails;
        this.allowances = allowances;
        this.clock = clock;
    }

    @PostMapping("/api/requests")
    @Operation(
            summary = "Request information about a child from another agency",
            description = "By a PRACTITIONER or NOMINATED_REPRESENTATIVE of requestingAgencyId. The child is given "
                    + "by NHS number (10 digits, spaces allowed, valid check digit) or by the requesting agency's "
                    + "local reference, exactly one; neither is ever stored in clear. subject may also carry the "
                    + "child's name (1 to 200 characters, trimmed) and dateOfBirth (YYYY-MM-DD, not in the future, "
                    + "not before 1990-01-01), each optional, so that practitioners recognise the child. The "
                    + "identifier, name and date of birth are stored only encrypted under a key of the child's own "
                    + "(so that the holding agency can find the child in its records), shown only on "
                    + "GET /api/requests/{id}, and can be erased (POST /api/subjects/erasure). Unknown agency: 400; "
                    + "withdrawn agency: 409. "
                    + "dueBy follows the urgency's allowance.")
    public ResponseEntity<Map<String, Object>> request(@Valid @RequestBody NewRequest body) {
        Actor actor = CurrentActor.get();
        if (!actor.actsFor(body.requestingAgencyId())) {
            throw new NotPermitted(
                    SharingRequest.onlyPractitionersOf(body.requestingAgencyId(), "make a request on its behalf"));
        }
        Child child = child(body);
        String pseudonym = child.pseudonym();
        requireSigned("requestingAgencyId", body.requestingAgencyId());
        requireSigned("holdingAgencyId", body.holdingAgencyId());
        // Always sealed: the identifier lets the holding agency find the child in its own records.
        String sealedDetails = subjectDetails.seal(pseudonym, child.details());
        String requestId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        commands.send(
                new MakeRequest(
                        requestId,
                        actor,
                        body.requestingAgencyId(),
                        body.holdingAgencyId(),
                        pseudonym,
                        body.subject().nhsNumber() != null ? SubjectKind.NHS_NUMBER : SubjectKind.LOCAL_REFERENCE,
                        sealedDetails,
                        body.caseReference(),
                        body.purpose(),
                        body.purposeDetail(),
                        body.lawfulBasis(),
                        new Consent(body.consent().status(), body.consent().detail()),
                        body.urgency(),
                        body.informationSought(),
                        now,
                        allowances.of(body.urgency())),
                actor);
        return ResponseEntity.created(URI.create("/api/requests/" + requestId))
                .body(Map.of(
                        "requestId",
                        requestId,
                        "status",
                        RequestStatus.AWAITING_DECISION,
                        "dueBy",
                        now.plus(allowances.of(body.urgency()))));
    }

    @PostMapping("/api/requests/{requestId}/share")
    @Operation(
            summary = "Share the information, in full or in part",
            description = "By the holding agency. PARTIAL "
                    + "needs withheldReason. occurredAt: when the decision was really made if recorded later; not in the "
                    + "future, not before the request.")
    public Map<String, Object> share(@PathVariable UUID requestId, @Valid @RequestBody Share body) {
        Actor actor = CurrentActor.get();
        return answer(
                requestId,
                commands.send(
                        new ShareInformation(
                                requestId.toString(),
                                actor,
                                body.scope(),
                                body.informationShared(),
                                body.method(),
                                body.rationale(),
                                body.withheldReason(),
                                body.adviceSought(),
                                body.occurredAt(),
                                clock.instant()),
                        actor));
    }

    @PostMapping("/api/requests/{requestId}/refusal")
    @Operation(summary = "Refuse the request, with a reason and a rationale", description = "By the holding agency.")
    public Map<String, Object> refuse(@PathVariable UUID requestId, @Valid @RequestBody Refusal body) {
        Actor actor = CurrentActor.get();
        return answer(
                requestId,
                commands.send(
                        new RefuseRequest(
                                requestId.toString(),
                                actor,
                                body.reason(),
                                body.rationale(),
                                body.adviceSought(),
                                body.occurredAt(),
                                clock.instant()),
                        actor));
    }

    @PostMapping("/api/requests/{requestId}/escalations")
    @Operation(
            summary = "Escalate a refusal or partial share",
            description = "By the requesting agency, after "
                    + "REFUSED or PARTIALLY_SHARED, or after REFUSAL_UPHELD to a strictly later stage.")
    public Map<String, Object> escalate(@PathVariable UUID requestId, @Valid @RequestBody Escalation body) {
        Actor actor = CurrentActor.get();
        return answer(
                requestId,
                commands.send(
                        new EscalateRefusal(requestId.toString(), actor, body.stage(), body.reason(), clock.instant()),
                        actor));
    }

    @PostMapping("/api/requests/{requestId}/escalations/resolution")
    @Operation(
            summary = "Resolve the open escalation",
            description = "By the holding agency's "
                    + "NOMINATED_REPRESENTATIVE at agency stages, a TRUST_REVIEWER at SAFEGUARDING_PARTNERSHIP. SHARED needs "
                    + "informationShared and method.")
    public Map<String, Object> resolve(@PathVariable UUID requestId, @Valid @RequestBody Resolution body) {
        Actor actor = CurrentActor.get();
        return answer(
                requestId,
                commands.send(
                        new ResolveEscalation(
                                requestId.toString(),
                                actor,
                                body.outcome(),
                                body.rationale(),
                                body.informationShared(),
                                body.method(),
                                clock.instant()),
                        actor));
    }

    @PostMapping("/api/requests/{requestId}/withdrawal")
    @Operation(summary = "Withdraw the request", description = "By the requesting agency, before any decision.")
    public Map<String, Object> withdraw(@PathVariable UUID requestId, @Valid @RequestBody Withdrawal body) {
        Actor actor = CurrentActor.get();
        return answer(
                requestId,
                commands.send(new WithdrawRequest(requestId.toString(), actor, body.reason(), clock.instant()), actor));
    }

    private static Map<String, Object> answer(UUID requestId, Object status) {
        return Map.of("requestId", requestId.toString(), "status", status);
    }

    /**
     * The child a request names: their pseudonym, and what is sealed about them (identifier, name, birth date).
     * {@link ValidSubject} has already checked the subject.
     */
    private record Child(String pseudonym, PersonalDetails details) {}

    private Child child(NewRequest body) {
        Subject subject = body.subject();
        boolean hasNhs = subject.nhsNumber() != null && !subject.nhsNumber().isBlank();
        Optional<NhsNumber> nhsNumber = hasNhs ? NhsNumber.parse(subject.nhsNumber()) : Optional.empty();
        String pseudonym = nhsNumber
                .map(pseudonyms::of)
                .orElseGet(() -> pseudonyms.ofLocalReference(body.requestingAgencyId(), subject.localReference()));
        String localReference = hasNhs ? null : subject.localReference().strip();
        return new Child(
                pseudonym,
                PersonalDetails.of(nhsNumber.orElse(null), localReference, subject.name(), subject.dateOfBirth()));
    }

    private void requireSigned(String field, String agencyId) {
        var agency = agencies.find(agencyId).orElseThrow(() -> new InvalidInput(field, "is not a registered agency"));
        if (!agency.signed()) {
            throw new StepNotAllowed("agency " + agencyId + " has withdrawn from the Code of Practice and can "
                    + "neither make nor receive new requests");
        }
    }

    record NewRequest(
            @NotBlank @Size(max = 64) String requestingAgencyId,
            @NotBlank @Size(max = 64) String holdingAgencyId,
            @NotNull @Valid Subject subject,
            @Size(max = 100) String caseReference,
            @NotNull Purpose purpose,
            @NotBlank @Size(max = TEXT) String purposeDetail,
            @NotNull LawfulBasis lawfulBasis,
            @NotNull @Valid ConsentBody consent,
            @NotNull Urgency urgency,
            @NotBlank @Size(max = TEXT) String informationSought) {}

    /**
     * Exactly one of nhsNumber and localReference; name and dateOfBirth optional. Never printed: {@link #toString()}
     * hides them all.
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
            @NotNull ConsentStatus status, @Size(max = TEXT) String detail) {}

    record Share(
            @NotNull Scope scope,
            @NotBlank @Size(max = TEXT) String informationShared,
            @NotNull Method method,
            @NotBlank @Size(max = TEXT) String rationale,
            Reason withheldReason,
            @Size(max = TEXT) String adviceSought,
            Instant occurredAt) {}

    record Refusal(
            @NotNull Reason reason,
            @NotBlank @Size(max = TEXT) String rationale,
            @Size(max = TEXT) String adviceSought,
            Instant occurredAt) {}

    record Escalation(
            @NotNull Stage stage,
            @NotBlank @Size(max = TEXT) String reason) {}

    record Resolution(
            @NotNull Outcome outcome,
            @NotBlank @Size(max = TEXT) String rationale,
            @Size(max = TEXT) String informationShared,
            Method method) {}

    record Withdrawal(@NotBlank @Size(max = TEXT) String reason) {}
}
