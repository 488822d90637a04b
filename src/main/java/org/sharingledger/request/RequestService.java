package org.sharingledger.request;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.agreement.api.AgreementDirectory;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.request.api.Consent;
import org.sharingledger.request.api.EscalateRefusal;
import org.sharingledger.request.api.MakeRequest;
import org.sharingledger.request.api.RefuseRequest;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.Requests;
import org.sharingledger.request.api.ResolveEscalation;
import org.sharingledger.request.api.ShareInformation;
import org.sharingledger.request.api.Urgency;
import org.sharingledger.request.api.WithdrawRequest;
import org.sharingledger.subject.api.PersonalDetails;
import org.sharingledger.subject.api.SubjectDetails;
import org.sharingledger.subject.api.SubjectKind;
import org.sharingledger.training.api.Accreditations;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * The checks before each step (the input's constraints, the child's identity, the agencies) and the command that
 * takes it. The aggregate, {@link SharingRequest}, holds the rules of the procedure itself.
 */
@Service
class RequestService implements Requests {

    /** The setting that makes training a condition of every decision. */
    static final String TRAINING_REQUIRED = "ledger.training.required";

    private final Commands commands;
    private final AgencyDirectory agencies;
    private final AgreementDirectory agreements;
    private final SubjectPseudonyms pseudonyms;
    private final SubjectDetails subjectDetails;
    private final DueAllowances allowances;
    private final Accreditations accreditations;
    private final Environment environment;
    private final Validator validator;
    private final Clock clock;

    RequestService(
            Commands commands,
            AgencyDirectory agencies,
            AgreementDirectory agreements,
            SubjectPseudonyms pseudonyms,
            SubjectDetails subjectDetails,
            DueAllowances allowances,
            Accreditations accreditations,
            Environment environment,
            Validator validator,
            Clock clock) {
        this.commands = commands;
        this.agencies = agencies;
        this.agreements = agreements;
        this.pseudonyms = pseudonyms;
        this.subjectDetails = subjectDetails;
        this.allowances = allowances;
        this.accreditations = accreditations;
        this.environment = environment;
        trainingRequired(); // a value that is not a boolean stops the start, not every decision
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Made make(Actor actor, NewRequest body) {
        if (body.requestingAgencyId() == null || !actor.actsFor(body.requestingAgencyId())) {
            throw new NotPermitted(
                    SharingRequest.onlyPractitionersOf(body.requestingAgencyId(), "make a request on its behalf"));
        }
        check(body);
        Child child = child(body);
        String pseudonym = child.pseudonym();
        requireSigned("requestingAgencyId", body.requestingAgencyId());
        requireSigned("holdingAgencyId", body.holdingAgencyId());
        String agreementId = agreementBetween(body);
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
                        allowances.of(body.urgency()),
                        agreementId),
                actor);
        return new Made(requestId, RequestStatus.AWAITING_DECISION, now.plus(allowances.of(body.urgency())));
    }

    @Override
    public RequestStatus share(Actor actor, UUID requestId, Share body) {
        check(body);
        Instant now = clock.instant();
        boolean accredited = accredited(actor, body.occurredAt(), now);
        return commands.send(
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
                        now,
                        accredited,
                        trainingRequired()),
                actor);
    }

    @Override
    public RequestStatus refuse(Actor actor, UUID requestId, Refusal body) {
        check(body);
        Instant now = clock.instant();
        boolean accredited = accredited(actor, body.occurredAt(), now);
        return commands.send(
                new RefuseRequest(
                        requestId.toString(),
                        actor,
                        body.reason(),
                        body.rationale(),
                        body.adviceSought(),
                        body.occurredAt(),
                        now,
                        accredited,
                        trainingRequired()),
                actor);
    }

    @Override
    public RequestStatus escalate(Actor actor, UUID requestId, Escalation body) {
        check(body);
        return commands.send(
                new EscalateRefusal(requestId.toString(), actor, body.stage(), body.reason(), clock.instant()), actor);
    }

    @Override
    public RequestStatus resolve(Actor actor, UUID requestId, Resolution body) {
        check(body);
        Instant now = clock.instant();
        boolean accredited = accredited(actor, null, now);
        return commands.send(
                new ResolveEscalation(
                        requestId.toString(),
                        actor,
                        body.outcome(),
                        body.rationale(),
                        body.informationShared(),
                        body.method(),
                        now,
                        accredited,
                        trainingRequired()),
                actor);
    }

    @Override
    public RequestStatus withdraw(Actor actor, UUID requestId, Withdrawal body) {
        check(body);
        return commands.send(new WithdrawRequest(requestId.toString(), actor, body.reason(), clock.instant()), actor);
    }

    @Override
    public Duration allowance(Urgency urgency) {
        return allowances.of(urgency);
    }

    /**
     * Whether the actor held a passed, unexpired online information sharing course record on the UTC day of the
     * decision: the day it really happened ({@code occurredAt}, when given and not in the future; the aggregate
     * refuses one in the future or before the request), otherwise today.
     */
    private boolean accredited(Actor actor, Instant occurredAt, Instant now) {
        Instant decided = occurredAt != null && !occurredAt.isAfter(now) ? occurredAt : now;
        return accreditations.accredited(actor.username(), LocalDate.ofInstant(decided, ZoneOffset.UTC));
    }

    /**
     * Whether an unaccredited actor's decision is refused ({@code ledger.training.required}, default false). Read at
     * each decision, so that a test may turn it on for its own duration without a context of its own.
     */
    private boolean trainingRequired() {
        return environment.getProperty(TRAINING_REQUIRED, Boolean.class, false);
    }

    /**
     * The constraints declared on the step's record, one problem per field (named as in the JSON body, e.g.
     * {@code subject.nhsNumber}); the API has already answered them before this, the pages have not.
     */
    private void check(Object body) {
        List<FieldProblem> problems = violations(body);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    private List<FieldProblem> violations(Object body) {
        Set<ConstraintViolation<Object>> violations = validator.validate(body);
        List<FieldProblem> problems = new ArrayList<>();
        violations.forEach(violation ->
                problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage())));
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        return problems;
    }

    /**
     * The child a request names, once the whole body is checked (the subject by {@link
     * org.sharingledger.request.api.ValidSubject}): their pseudonym, and what is sealed about them (identifier, name,
     * birth date).
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

    /**
     * The agreement the request cites, if any: only an Information Sharing Protocol in force (ACTIVE) with both
     * agencies among its parties may be cited; any other (unknown, awaiting signatures, due for review, terminated,
     * or not between these two) is a step not allowed now, and nothing is recorded.
     */
    private String agreementBetween(NewRequest body) {
        if (body.agreementId() == null) {
            return null;
        }
        String agreementId = body.agreementId().toString();
        var agreement = agreements.find(agreementId);
        if (agreement.isEmpty()) {
            throw new StepNotAllowed("there is no Information Sharing Protocol " + agreementId);
        }
        if (!agreement.get().inForceBetween(body.requestingAgencyId(), body.holdingAgencyId())) {
            throw new StepNotAllowed("Information Sharing Protocol " + agreementId + " is "
                    + agreement.get().status()
                    + (agreement.get().parties().contains(body.requestingAgencyId())
                                    && agreement.get().parties().contains(body.holdingAgencyId())
                            ? ""
                            : " and is not between " + body.requestingAgencyId() + " and " + body.holdingAgencyId())
                    + ": only an agreement in force (ACTIVE) between the two agencies may be cited");
        }
        return agreementId;
    }

    private void requireSigned(String field, String agencyId) {
        var agency = agencies.find(agencyId).orElseThrow(() -> new InvalidInput(field, "is not a registered agency"));
        if (!agency.signed()) {
            throw new StepNotAllowed("agency " + agencyId + " has withdrawn from the Code of Practice and can "
                    + "neither make nor receive new requests");
        }
    }
}
