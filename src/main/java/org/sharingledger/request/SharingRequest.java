package org.sharingledger.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.EscalateRefusal;
import org.sharingledger.request.api.EscalationResolved;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.InformationShared;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.MakeRequest;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.RefusalEscalated;
import org.sharingledger.request.api.RefuseRequest;
import org.sharingledger.request.api.RequestBecameOverdue;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.RequestSteps;
import org.sharingledger.request.api.RequestWithdrawn;
import org.sharingledger.request.api.ResolveEscalation;
import org.sharingledger.request.api.Scope;
import org.sharingledger.request.api.ShareInformation;
import org.sharingledger.request.api.Stage;
import org.sharingledger.request.api.WithdrawRequest;

/**
 * One request for information about a child, and every step taken on it. The rules of the Code of Practice's
 * procedure live here: one first decision, escalation only of a refusal or partial share and only forward through
 * the stages, withdrawal only before a decision, and a deadline that records the request as overdue.
 */
@Aggregate
class SharingRequest {

    static final String DECISION_DUE = "decision-due";

    @AggregateIdentifier
    private String requestId;

    private String requestingAgencyId;
    private String holdingAgencyId;
    private Instant requestedAt;
    private Instant dueBy;
    private RequestStatus status;
    private Stage lastStage;
    private boolean overdue;

    protected SharingRequest() {}

    @CommandHandler
    SharingRequest(MakeRequest command, DeadlineManager deadlines) {
        requirePractitionerOf(command.actor(), command.requestingAgencyId(), "make a request on its behalf");
        List<FieldProblem> problems = new ArrayList<>();
        if (command.requestingAgencyId().equals(command.holdingAgencyId())) {
            problems.add(new FieldProblem("holdingAgencyId", "must be another agency than the requesting agency"));
        }
        if (command.lawfulBasis() == LawfulBasis.CONSENT && command.consent().status() != ConsentStatus.GIVEN) {
            problems.add(new FieldProblem("consent.status", "must be GIVEN when the lawful basis is CONSENT"));
        }
        if (command.consent().status() != ConsentStatus.GIVEN
                && isBlank(command.consent().detail())) {
            problems.add(new FieldProblem("consent.detail", "is required unless consent was given"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Instant requested = command.recordedAt();
        Instant due = requested.plus(command.allowance());
        apply(new InformationRequested(
                command.requestId(),
                command.requestingAgencyId(),
                command.holdingAgencyId(),
                command.subjectPseudonym(),
                command.subjectKind(),
                command.caseReference(),
                command.purpose(),
                command.purposeDetail(),
                command.lawfulBasis(),
                command.consent(),
                command.urgency(),
                command.informationSought(),
                requested,
                due,
                command.subjectDetails(),
                command.agreementId()));
        deadlines.schedule(due, DECISION_DUE);
    }

    @CommandHandler
    RequestStatus handle(ShareInformation command, DeadlineManager deadlines) {
        requirePractitionerOf(command.actor(), holdingAgencyId, "share or refuse this request");
        requireAwaitingDecision("shared");
        requireAccredited(command.actor(), command.actorAccredited(), command.accreditationRequired());
        if (command.scope() == Scope.PARTIAL && command.withheldReason() == null) {
            throw new InvalidInput("withheldReason", "is required when only part of the information is shared");
        }
        Instant occurred = occurredAt(command.occurredAt(), command.recordedAt());
        apply(new InformationShared(
                requestId,
                requestingAgencyId,
                holdingAgencyId,
                command.scope(),
                command.informationShared(),
                command.method(),
                command.rationale(),
                command.scope() == Scope.PARTIAL ? command.withheldReason() : null,
                command.adviceSought(),
                command.recordedAt(),
                occurred,
                occurred.isAfter(dueBy),
                command.actorAccredited()));
        deadlines.cancelAllWithinScope(DECISION_DUE);
        return status;
    }

    @CommandHandler
    RequestStatus handle(RefuseRequest command, DeadlineManager deadlines) {
        requirePractitionerOf(command.actor(), holdingAgencyId, "share or refuse this request");
        requireAwaitingDecision("refused");
        requireAccredited(command.actor(), command.actorAccredited(), command.accreditationRequired());
        Instant occurred = occurredAt(command.occurredAt(), command.recordedAt());
        apply(new InformationRefused(
                requestId,
                requestingAgencyId,
                holdingAgencyId,
                command.reason(),
                command.rationale(),
                command.adviceSought(),
                command.recordedAt(),
                occurred,
                occurred.isAfter(dueBy),
                command.actorAccredited()));
        deadlines.cancelAllWithinScope(DECISION_DUE);
        return status;
    }

    @CommandHandler
    RequestStatus handle(EscalateRefusal command) {
        requirePractitionerOf(command.actor(), requestingAgencyId, "escalate this request");
        if (!RequestSteps.escalationStages(status, lastStage).contains(command.stage())) {
            throw new StepNotAllowed(
                    switch (status) {
                        case REFUSAL_UPHELD ->
                            "the refusal was upheld at " + lastStage + "; it can only be escalated to a later stage";
                        case ESCALATED -> "an escalation at " + lastStage + " is still open";
                        default -> "only a refusal or a partial share can be escalated; the request is " + status;
                    });
        }
        apply(new RefusalEscalated(
                requestId,
                requestingAgencyId,
                holdingAgencyId,
                command.stage(),
                command.reason(),
                command.recordedAt()));
        return status;
    }

    @CommandHandler
    RequestStatus handle(ResolveEscalation command) {
        Actor actor = command.actor();
        if (!actor.actsFor(holdingAgencyId) && !actor.has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only a NOMINATED_REPRESENTATIVE of " + holdingAgencyId
                    + " (at LINE_MANAGER, NOMINATED_REPRESENTATIVE or DATA_PROTECTION_OFFICER) or a TRUST_REVIEWER"
                    + " (at SAFEGUARDING_PARTNERSHIP) may resolve an escalation of this request");
        }
        if (status != RequestStatus.ESCALATED) {
            throw new StepNotAllowed("there is no open escalation; the request is " + status);
        }
        if (!RequestSteps.resolvesAt(actor, holdingAgencyId, lastStage)) {
            throw new NotPermitted(
                    lastStage.isAgencyStage()
                            ? "only a NOMINATED_REPRESENTATIVE of " + holdingAgencyId + " may resolve an escalation at "
                                    + lastStage
                            : "only a TRUST_REVIEWER may resolve an escalation at SAFEGUARDING_PARTNERSHIP");
        }
        requireAccredited(actor, command.actorAccredited(), command.accreditationRequired());
        if (command.outcome() == Outcome.SHARED) {
            List<FieldProblem> problems = new ArrayList<>();
            if (isBlank(command.informationShared())) {
                problems.add(new FieldProblem("informationShared", "is required when the outcome is SHARED"));
            }
            if (command.method() == null) {
                problems.add(new FieldProblem("method", "is required when the outcome is SHARED"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
        }
        boolean shared = command.outcome() == Outcome.SHARED;
        apply(new EscalationResolved(
                requestId,
                requestingAgencyId,
                holdingAgencyId,
                lastStage,
                command.outcome(),
                command.rationale(),
                shared ? command.informationShared() : null,
                shared ? command.method() : null,
                command.recordedAt(),
                command.actorAccredited()));
        return status;
    }

    @CommandHandler
    RequestStatus handle(WithdrawRequest command, DeadlineManager deadlines) {
        requirePractitionerOf(command.actor(), requestingAgencyId, "withdraw this request");
        if (!RequestSteps.awaitsDecision(status)) {
            throw new StepNotAllowed("a request can only be withdrawn before a decision; it is " + status);
        }
        apply(new RequestWithdrawn(
                requestId, requestingAgencyId, holdingAgencyId, command.reason(), command.recordedAt()));
        deadlines.cancelAllWithinScope(DECISION_DUE);
        return status;
    }

    /** The due time passed. If a decision came first (or the request was withdrawn), nothing happens. */
    @DeadlineHandler(deadlineName = DECISION_DUE)
    void onDecisionDue() {
        if (status == RequestStatus.AWAITING_DECISION && !overdue) {
            Instant now = GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            apply(
                    new RequestBecameOverdue(
                            requestId, requestingAgencyId, holdingAgencyId, dueBy, now.isBefore(dueBy) ? dueBy : now),
                    MetaData.from(ActorMetaData.of(Actor.SYSTEM, null)));
        }
    }

    private void requireAwaitingDecision(String step) {
        if (!RequestSteps.awaitsDecision(status)) {
            throw new StepNotAllowed(
                    "the request cannot be " + step + ": it is " + status + " and has already had its decision");
        }
    }

    /**
     * Where the ledger requires training ({@code ledger.training.required}), a decision (share, refusal, resolution)
     * is only taken by an actor accredited on its day: otherwise a step not allowed, and nothing is recorded. Checked
     * after who may take the step and whether it may be taken now, so that those answers stay as they were.
     */
    private static void requireAccredited(Actor actor, boolean accredited, boolean required) {
        if (required && !accredited) {
            throw new StepNotAllowed(actor.username()
                    + " has no passed, unexpired online information sharing course (ONLINE_INFORMATION_SHARING)"
                    + " record for the day of this decision, and this ledger requires one before a share, refusal or"
                    + " resolution (ledger.training.required): ask the agency's nominated representative to record"
                    + " the course");
        }
    }

    private Instant occurredAt(Instant given, Instant recordedAt) {
        if (given == null) {
            return recordedAt;
        }
        if (given.isAfter(recordedAt)) {
            throw new InvalidInput("occurredAt", "must not be in the future");
        }
        if (given.isBefore(requestedAt)) {
            throw new InvalidInput("occurredAt", "must not be before the request was made (" + requestedAt + ")");
        }
        return given;
    }

    private static void requirePractitionerOf(Actor actor, String agencyId, String doing) {
        if (!RequestSteps.practitionerOf(actor, agencyId)) {
            throw new NotPermitted(onlyPractitionersOf(agencyId, doing));
        }
    }

    /** Who may take a step that an agency's practitioners take: the words of every such 403. */
    static String onlyPractitionersOf(String agencyId, String doing) {
        return "only a PRACTITIONER or NOMINATED_REPRESENTATIVE of " + agencyId + " may " + doing;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(InformationRequested event) {
        requestId = event.requestId();
        requestingAgencyId = event.requestingAgencyId();
        holdingAgencyId = event.holdingAgencyId();
        requestedAt = event.requestedAt();
        dueBy = event.dueBy();
        status = RequestStatus.AWAITING_DECISION;
    }

    @EventSourcingHandler
    void on(InformationShared event) {
        status = event.scope() == Scope.FULL ? RequestStatus.SHARED : RequestStatus.PARTIALLY_SHARED;
    }

    @EventSourcingHandler
    void on(InformationRefused event) {
        status = RequestStatus.REFUSED;
    }

    @EventSourcingHandler
    void on(RefusalEscalated event) {
        status = RequestStatus.ESCALATED;
        lastStage = event.stage();
    }

    @EventSourcingHandler
    void on(EscalationResolved event) {
        status = event.outcome() == Outcome.SHARED
                ? RequestStatus.SHARED_AFTER_ESCALATION
                : RequestStatus.REFUSAL_UPHELD;
    }

    @EventSourcingHandler
    void on(RequestWithdrawn event) {
        status = RequestStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(RequestBecameOverdue event) {
        overdue = true;
    }
}
