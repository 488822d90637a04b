package org.sharingledger.agreement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.agreement.api.AgreementActivated;
import org.sharingledger.agreement.api.AgreementProposed;
import org.sharingledger.agreement.api.AgreementReviewDue;
import org.sharingledger.agreement.api.AgreementReviewed;
import org.sharingledger.agreement.api.AgreementSigned;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.agreement.api.AgreementTerminated;
import org.sharingledger.agreement.api.EndAgreementOnWithdrawal;
import org.sharingledger.agreement.api.ProposeAgreement;
import org.sharingledger.agreement.api.ReviewAgreement;
import org.sharingledger.agreement.api.SignAgreement;
import org.sharingledger.agreement.api.TerminateAgreement;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;

/**
 * One Information Sharing Protocol between signatories, and every step taken on it: proposed by a party's nominated
 * representative or the Trust, signed by each party's nominated representative (in force once all have signed),
 * marked due for review by a stored deadline on its review date, renewed by a review, ended by a termination or by a
 * party's withdrawal from the Code.
 */
@Aggregate
class Agreement {

    static final String REVIEW_DUE = "agreement-review-due";

    @AggregateIdentifier
    private String agreementId;

    private List<String> parties;
    private final Set<String> signed = new LinkedHashSet<>();
    private LocalDate reviewOn;
    private AgreementStatus status;

    protected Agreement() {}

    @CommandHandler
    Agreement(ProposeAgreement command) {
        List<String> parties = command.parties().stream().map(String::strip).toList();
        Actor actor = command.actor();
        if (!actor.has(Role.TRUST_REVIEWER)
                && !(actor.has(Role.NOMINATED_REPRESENTATIVE) && parties.contains(actor.agencyId()))) {
            throw new NotPermitted(
                    "only a NOMINATED_REPRESENTATIVE of one of its parties or a TRUST_REVIEWER may propose an "
                            + "Information Sharing Protocol");
        }
        List<InvalidInput.FieldProblem> problems = new ArrayList<>();
        if (new LinkedHashSet<>(parties).size() != parties.size()) {
            problems.add(new InvalidInput.FieldProblem("parties", "must not name an agency twice"));
        } else if (parties.size() < 2) {
            problems.add(new InvalidInput.FieldProblem("parties", "must name at least two agencies"));
        }
        if (!command.reviewOn().isAfter(today(command.recordedAt()))) {
            problems.add(new InvalidInput.FieldProblem("reviewOn", "must be in the future"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        apply(new AgreementProposed(
                command.agreementId(),
                command.title(),
                parties,
                command.purpose(),
                command.dataItems(),
                command.lawfulBasis(),
                command.reviewOn(),
                command.recordedAt()));
    }

    @CommandHandler
    AgreementStatus handle(SignAgreement command, DeadlineManager deadlines) {
        Actor actor = command.actor();
        String agencyId = command.agencyId();
        if (!parties.contains(agencyId) || !actor.has(Role.NOMINATED_REPRESENTATIVE) || !actor.actsFor(agencyId)) {
            throw new NotPermitted("only the NOMINATED_REPRESENTATIVE of a party (" + String.join(", ", parties)
                    + ") may sign this agreement, for their own agency");
        }
        if (status != AgreementStatus.AWAITING_SIGNATURES) {
            throw new StepNotAllowed("the agreement is " + status + ": it takes no more signatures");
        }
        if (signed.contains(agencyId)) {
            throw new StepNotAllowed(agencyId + " has already signed this agreement");
        }
        apply(new AgreementSigned(agreementId, agencyId, command.recordedAt()));
        if (signed.containsAll(parties)) {
            apply(new AgreementActivated(agreementId, reviewOn, command.recordedAt()));
            deadlines.schedule(startOf(reviewOn), REVIEW_DUE);
        }
        return status;
    }

    @CommandHandler
    AgreementStatus handle(ReviewAgreement command, DeadlineManager deadlines) {
        requirePartyRepresentativeOrTrust(command.actor(), "review");
        if (status != AgreementStatus.ACTIVE && status != AgreementStatus.REVIEW_DUE) {
            throw new StepNotAllowed("only an agreement in force or due for review can be reviewed; it is " + status);
        }
        if (!command.nextReviewOn().isAfter(today(command.recordedAt()))) {
            throw new InvalidInput("nextReviewOn", "must be in the future");
        }
        apply(new AgreementReviewed(
                agreementId, reviewOn, command.nextReviewOn(), command.note(), command.recordedAt()));
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        deadlines.schedule(startOf(command.nextReviewOn()), REVIEW_DUE);
        return status;
    }

    @CommandHandler
    AgreementStatus handle(TerminateAgreement command, DeadlineManager deadlines) {
        requirePartyRepresentativeOrTrust(command.actor(), "terminate");
        if (status == AgreementStatus.TERMINATED) {
            throw new StepNotAllowed("the agreement is already terminated");
        }
        apply(new AgreementTerminated(agreementId, command.reason(), null, command.recordedAt()));
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        return status;
    }

    /** An agreement already ended records nothing: the withdrawal it reacts to must not fail for it. */
    @CommandHandler
    AgreementStatus handle(EndAgreementOnWithdrawal command, DeadlineManager deadlines) {
        if (status == AgreementStatus.TERMINATED || !parties.contains(command.agencyId())) {
            return status;
        }
        apply(new AgreementTerminated(
                agreementId,
                "party " + command.agencyId() + " withdrew from the Code of Practice on " + command.withdrawnOn() + ": "
                        + command.withdrawalReason(),
                command.agencyId(),
                command.recordedAt()));
        deadlines.cancelAllWithinScope(REVIEW_DUE);
        return status;
    }

    /** The review date came. If the agreement was reviewed or ended meanwhile, nothing happens. */
    @DeadlineHandler(deadlineName = REVIEW_DUE)
    void onReviewDue() {
        if (status == AgreementStatus.ACTIVE) {
            Instant now = GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Instant due = startOf(reviewOn);
            apply(
                    new AgreementReviewDue(agreementId, reviewOn, now.isBefore(due) ? due : now),
                    MetaData.from(ActorMetaData.of(Actor.SYSTEM, null)));
        }
    }

    private void requirePartyRepresentativeOrTrust(Actor actor, String step) {
        boolean partyRepresentative = actor.has(Role.NOMINATED_REPRESENTATIVE)
                && actor.agencyId() != null
                && parties.contains(actor.agencyId());
        if (!partyRepresentative && !actor.has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only the NOMINATED_REPRESENTATIVE of a party (" + String.join(", ", parties)
                    + ") or a TRUST_REVIEWER may " + step + " this agreement");
        }
    }

    /** The review falls due at the start of its day, in UTC, as every date of the ledger. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    @EventSourcingHandler
    void on(AgreementProposed event) {
        agreementId = event.agreementId();
        parties = event.parties();
        reviewOn = event.reviewOn();
        status = AgreementStatus.AWAITING_SIGNATURES;
    }

    @EventSourcingHandler
    void on(AgreementSigned event) {
        signed.add(event.agencyId());
    }

    @EventSourcingHandler
    void on(AgreementActivated event) {
        status = AgreementStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AgreementReviewDue event) {
        status = AgreementStatus.REVIEW_DUE;
    }

    @EventSourcingHandler
    void on(AgreementReviewed event) {
        reviewOn = event.nextReviewOn();
        status = AgreementStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AgreementTerminated event) {
        status = AgreementStatus.TERMINATED;
    }
}
