package org.sharingledger.request;

import static org.hamcrest.Matchers.containsString;
import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.request.api.Consent;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.EscalateRefusal;
import org.sharingledger.request.api.EscalationResolved;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.InformationShared;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.MakeRequest;
import org.sharingledger.request.api.Method;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.Purpose;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.RefusalEscalated;
import org.sharingledger.request.api.RefuseRequest;
import org.sharingledger.request.api.RequestBecameOverdue;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.RequestWithdrawn;
import org.sharingledger.request.api.ResolveEscalation;
import org.sharingledger.request.api.Scope;
import org.sharingledger.request.api.ShareInformation;
import org.sharingledger.request.api.Stage;
import org.sharingledger.request.api.Urgency;
import org.sharingledger.request.api.WithdrawRequest;
import org.sharingledger.subject.api.SubjectKind;

/**
 * The procedure of a sharing request, rule by rule: given what already happened, when someone acts (or the due time
 * passes), then what is recorded or which rule refuses it.
 */
class SharingRequestFixtureTest {

    private static final String REQUEST_ID = "3f1c9a52-8d4e-4b7a-9c21-5e6f7a8b9c0d";
    private static final String REQUESTING = "lowmarsh-childrens-services";
    private static final String HOLDING = "brackenmoor-primary-school";
    private static final String ELSEWHERE = "north-middlesex-health";

    private static final Actor SOCIAL_WORKER = new Actor("lisa.arthurworrey", REQUESTING, List.of(Role.PRACTITIONER));
    private static final Actor REQUESTING_NR =
            new Actor("maria.ward", REQUESTING, List.of(Role.NOMINATED_REPRESENTATIVE));
    private static final Actor REQUESTING_CASE_REVIEWER =
            new Actor("colin.review", REQUESTING, List.of(Role.CASE_REVIEWER));
    private static final Actor TEACHER = new Actor("tom.head", HOLDING, List.of(Role.PRACTITIONER));
    private static final Actor SCHOOL_NR = new Actor("sue.dsl", HOLDING, List.of(Role.NOMINATED_REPRESENTATIVE));
    private static final Actor HEALTH_VISITOR = new Actor("hana.visitor", ELSEWHERE, List.of(Role.PRACTITIONER));
    private static final Actor TRUST_REVIEWER = new Actor("tessa.trust", null, List.of(Role.TRUST_REVIEWER));

    private static final Instant REQUESTED_AT = Instant.parse("2009-03-31T09:15:00Z");
    private static final Duration ALLOWANCE = Duration.ofHours(24);
    private static final Instant DUE_BY = REQUESTED_AT.plus(ALLOWANCE);
    private static final Instant DECIDED_AT = Instant.parse("2009-03-31T15:40:00Z");
    private static final Instant AFTER_DUE = DUE_BY.plus(Duration.ofHours(3));
    private static final Instant ESCALATED_AT = Instant.parse("2009-04-02T10:00:00Z");
    private static final Instant RESOLVED_AT = Instant.parse("2009-04-06T14:30:00Z");
    private static final Instant LATER_STILL = Instant.parse("2009-04-09T11:00:00Z");

    private static final Consent CONSENT_NOT_SOUGHT =
            new Consent(ConsentStatus.NOT_SOUGHT, "Seeking consent would put the child at risk of significant harm");
    private static final String PSEUDONYM = "pseudonym-7f3a9c";
    /** What SubjectDetails.seal gives: base64 of IV, ciphertext and tag. The aggregate never sees clear details. */
    private static final String SEALED_DETAILS = "q83vEjRWeJq8Cg3f2Xk1c0cHbWVhcmx5LWhlbHAtc2VhbGVk";

    private static final String CASE_REFERENCE = "CP-2009-0142";
    private static final String PURPOSE_DETAIL = "Section 47 enquiry after a referral from the school nurse";
    private static final String SOUGHT = "Attendance since September 2008 and any welfare concerns recorded";
    private static final String SHARED_TEXT = "Attendance register extract and two welfare notes";
    private static final String RATIONALE = "Necessary and proportionate to protect the child";
    private static final String ADVICE = "Discussed with the designated safeguarding lead";

    private AggregateTestFixture<SharingRequest> fixture;
    private Clock clockBefore;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SharingRequest.class);
        clockBefore = GenericEventMessage.clock;
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = clockBefore;
    }

    // ---------------------------------------------------------------- making a request

    @Test
    void requestRecordsDueTimeFromAllowanceAndSchedulesTheDecisionDeadline() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(SOCIAL_WORKER, HOLDING, LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT))
                .expectScheduledDeadlineWithName(DUE_BY, SharingRequest.DECISION_DUE);
    }

    @Test
    void theChildsPersonalDetailsAreRecordedOnlyAsSealed() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(SOCIAL_WORKER, HOLDING, LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT, SEALED_DETAILS))
                .expectEvents(requested(LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT, SEALED_DETAILS));
    }

    @Test
    void aRequestUnderAnInformationSharingProtocolRecordsTheAgreement() {
        String agreementId = "5b0c7e1d-2f3a-4b5c-8d6e-7f8091a2b3c4";
        MakeRequest plain = makeRequest();
        MakeRequest underAgreement = new MakeRequest(
                plain.requestId(),
                plain.actor(),
                plain.requestingAgencyId(),
                plain.holdingAgencyId(),
                plain.subjectPseudonym(),
                plain.subjectKind(),
                plain.subjectDetails(),
                plain.caseReference(),
                plain.purpose(),
                plain.purposeDetail(),
                plain.lawfulBasis(),
                plain.consent(),
                plain.urgency(),
                plain.informationSought(),
                plain.recordedAt(),
                plain.allowance(),
                agreementId);
        InformationRequested expected = requested();
        fixture.givenNoPriorActivity()
                .when(underAgreement)
                .expectEvents(new InformationRequested(
                        expected.requestId(),
                        expected.requestingAgencyId(),
                        expected.holdingAgencyId(),
                        expected.subjectPseudonym(),
                        expected.subjectKind(),
                        expected.caseReference(),
                        expected.purpose(),
                        expected.purposeDetail(),
                        expected.lawfulBasis(),
                        expected.consent(),
                        expected.urgency(),
                        expected.informationSought(),
                        expected.requestedAt(),
                        expected.dueBy(),
                        expected.subjectDetails(),
                        agreementId));
    }

    @Test
    void nominatedRepresentativeMayMakeRequestsForTheirAgency() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(REQUESTING_NR, HOLDING, LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT))
                .expectEvents(requested(LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT));
    }

    @Test
    void cannotRequestFromOwnAgency() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(SOCIAL_WORKER, REQUESTING, LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT))
                .expectException(invalidInputOn("holdingAgencyId"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void consentBasisNeedsConsentGiven() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(
                        SOCIAL_WORKER,
                        HOLDING,
                        LawfulBasis.CONSENT,
                        new Consent(ConsentStatus.REFUSED, "Parents refused at the strategy meeting")))
                .expectException(invalidInputOn("consent.status"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void consentBasisWithConsentGivenNeedsNoDetail() {
        Consent given = new Consent(ConsentStatus.GIVEN, null);
        fixture.givenNoPriorActivity()
                .when(makeRequest(SOCIAL_WORKER, HOLDING, LawfulBasis.CONSENT, given))
                .expectEvents(requested(LawfulBasis.CONSENT, given));
    }

    @Test
    void consentDetailRequiredUnlessConsentGiven() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(
                        SOCIAL_WORKER, HOLDING, LawfulBasis.PUBLIC_TASK, new Consent(ConsentStatus.NOT_SOUGHT, "   ")))
                .expectException(invalidInputOn("consent.detail"))
                .expectNoEvents();
    }

    @Test
    void everyBrokenRequestRuleIsReportedTogether() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(
                        SOCIAL_WORKER, REQUESTING, LawfulBasis.CONSENT, new Consent(ConsentStatus.NOT_REQUIRED, null)))
                .expectException(invalidInputOn("holdingAgencyId", "consent.status", "consent.detail"))
                .expectNoEvents();
    }

    @Test
    void onlyRequestingAgencyMayRequest() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(HEALTH_VISITOR, HOLDING, LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT))
                .expectException(NotPermitted.class)
                .expectExceptionMessage("only a PRACTITIONER or NOMINATED_REPRESENTATIVE of " + REQUESTING
                        + " may make a request on its behalf")
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void requesterNeedsPractitionerOrNominatedRepresentativeRole() {
        fixture.givenNoPriorActivity()
                .when(makeRequest(REQUESTING_CASE_REVIEWER, HOLDING, LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT))
                .expectException(NotPermitted.class)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    // ---------------------------------------------------------------- first decision: share or refuse

    @Test
    void fullShareRecordsSharedInTimeAndCancelsDeadline() {
        fixture.givenCommands(makeRequest())
                .when(share(TEACHER, Scope.FULL, null, null, DECIDED_AT))
                .expectEvents(shared(Scope.FULL, null, DECIDED_AT, DECIDED_AT, false))
                .expectResultMessagePayload(RequestStatus.SHARED)
                .expectNoScheduledDeadlines();
    }

    @Test
    void fullShareDropsAnyWithheldReason() {
        fixture.given(requested())
                .when(share(TEACHER, Scope.FULL, Reason.THIRD_PARTY_CONFIDENTIALITY, null, DECIDED_AT))
                .expectEvents(shared(Scope.FULL, null, DECIDED_AT, DECIDED_AT, false))
                .expectResultMessagePayload(RequestStatus.SHARED);
    }

    @Test
    void partialShareRecordsPartiallySharedWithWithheldReason() {
        fixture.givenCommands(makeRequest())
                .when(share(TEACHER, Scope.PARTIAL, Reason.THIRD_PARTY_CONFIDENTIALITY, null, DECIDED_AT))
                .expectEvents(shared(Scope.PARTIAL, Reason.THIRD_PARTY_CONFIDENTIALITY, DECIDED_AT, DECIDED_AT, false))
                .expectResultMessagePayload(RequestStatus.PARTIALLY_SHARED)
                .expectNoScheduledDeadlines();
    }

    @Test
    void partialShareNeedsWithheldReason() {
        fixture.givenCommands(makeRequest())
                .when(share(TEACHER, Scope.PARTIAL, null, null, DECIDED_AT))
                .expectException(invalidInputOn("withheldReason"))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(DUE_BY, SharingRequest.DECISION_DUE);
    }

    @Test
    void holdingAgencyNominatedRepresentativeMayDecide() {
        fixture.given(requested())
                .when(share(SCHOOL_NR, Scope.FULL, null, null, DECIDED_AT))
                .expectEvents(shared(Scope.FULL, null, DECIDED_AT, DECIDED_AT, false));
    }

    @Test
    void onlyHoldingAgencyMayShare() {
        fixture.given(requested())
                .when(share(HEALTH_VISITOR, Scope.FULL, null, null, DECIDED_AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void requestingAgencyCannotAnswerItsOwnRequest() {
        fixture.given(requested())
                .when(share(SOCIAL_WORKER, Scope.FULL, null, null, DECIDED_AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void onlyHoldingAgencyMayRefuse() {
        fixture.given(requested())
                .when(refuse(HEALTH_VISITOR, null, DECIDED_AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void refusalRecordsRefusedAndCancelsDeadline() {
        fixture.givenCommands(makeRequest())
                .when(refuse(TEACHER, null, DECIDED_AT))
                .expectEvents(refused(DECIDED_AT, DECIDED_AT, false))
                .expectResultMessagePayload(RequestStatus.REFUSED)
                .expectNoScheduledDeadlines();
    }

    @Test
    void cannotShareAfterRefusal() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false))
                .when(share(TEACHER, Scope.FULL, null, null, RESOLVED_AT))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotRefuseAfterSharing() {
        fixture.given(requested(), shared(Scope.FULL, null, DECIDED_AT, DECIDED_AT, false))
                .when(refuse(TEACHER, null, RESOLVED_AT))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotShareTwice() {
        fixture.given(requested(), shared(Scope.PARTIAL, Reason.STATUTORY_BAR, DECIDED_AT, DECIDED_AT, false))
                .when(share(TEACHER, Scope.FULL, null, null, RESOLVED_AT))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotDecideWithdrawnRequest() {
        fixture.given(requested(), withdrawn())
                .when(refuse(TEACHER, null, RESOLVED_AT))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void decisionCannotHaveOccurredInTheFuture() {
        fixture.given(requested())
                .when(share(TEACHER, Scope.FULL, null, DECIDED_AT.plusSeconds(1), DECIDED_AT))
                .expectException(invalidInputOn("occurredAt"))
                .expectNoEvents();
    }

    @Test
    void refusalCannotHaveOccurredInTheFuture() {
        fixture.given(requested())
                .when(refuse(TEACHER, DECIDED_AT.plusSeconds(1), DECIDED_AT))
                .expectException(invalidInputOn("occurredAt"))
                .expectNoEvents();
    }

    @Test
    void decisionCannotHaveOccurredBeforeTheRequest() {
        fixture.given(requested())
                .when(share(TEACHER, Scope.FULL, null, REQUESTED_AT.minusSeconds(1), DECIDED_AT))
                .expectException(invalidInputOn("occurredAt"))
                .expectNoEvents();
    }

    @Test
    void refusalCannotHaveOccurredBeforeTheRequest() {
        fixture.given(requested())
                .when(refuse(TEACHER, REQUESTED_AT.minusSeconds(1), DECIDED_AT))
                .expectException(invalidInputOn("occurredAt"))
                .expectNoEvents();
    }

    @Test
    void decisionRecordedLaterKeepsWhenItOccurred() {
        Instant occurred = REQUESTED_AT.plus(Duration.ofHours(2));
        fixture.given(requested())
                .when(share(TEACHER, Scope.FULL, null, occurred, DECIDED_AT))
                .expectEvents(shared(Scope.FULL, null, DECIDED_AT, occurred, false));
    }

    @Test
    void refusalRecordedLaterKeepsWhenItOccurred() {
        Instant occurred = REQUESTED_AT.plus(Duration.ofHours(2));
        fixture.given(requested())
                .when(refuse(TEACHER, occurred, DECIDED_AT))
                .expectEvents(refused(DECIDED_AT, occurred, false));
    }

    @Test
    void decisionMayHaveOccurredTheMomentTheRequestWasMade() {
        fixture.given(requested())
                .when(refuse(TEACHER, REQUESTED_AT, DECIDED_AT))
                .expectEvents(refused(DECIDED_AT, REQUESTED_AT, false));
    }

    @Test
    void decisionAtExactlyTheDueTimeIsInTime() {
        fixture.given(requested())
                .when(share(TEACHER, Scope.FULL, null, null, DUE_BY))
                .expectEvents(shared(Scope.FULL, null, DUE_BY, DUE_BY, false));
    }

    @Test
    void lateIsJudgedByWhenTheDecisionOccurredNotWhenItWasRecorded() {
        Instant occurredInTime = DUE_BY.minus(Duration.ofMinutes(30));
        fixture.given(requested(), overdue(DUE_BY))
                .when(refuse(TEACHER, occurredInTime, AFTER_DUE))
                .expectEvents(refused(AFTER_DUE, occurredInTime, false));
    }

    // ---------------------------------------------------------------- the due time

    @Test
    void requestBecomesOverdueWhenDueTimePassesWithoutDecision() {
        wallClockAt(DUE_BY);
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGivenCommands(makeRequest())
                .whenTimeElapses(ALLOWANCE)
                .expectTriggeredDeadlinesWithName(SharingRequest.DECISION_DUE)
                .expectEvents(overdue(DUE_BY))
                .expectNoScheduledDeadlines();
    }

    @Test
    void requestIsNotOverdueBeforeItsDueTime() {
        wallClockAt(DUE_BY.minusSeconds(1));
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGivenCommands(makeRequest())
                .whenTimeElapses(ALLOWANCE.minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents()
                .expectScheduledDeadlineWithName(DUE_BY, SharingRequest.DECISION_DUE);
    }

    @Test
    void overdueIsRecordedWhenTheDeadlineActuallyFired() {
        Instant firedLate = DUE_BY.plus(Duration.ofMinutes(7));
        wallClockAt(firedLate);
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGivenCommands(makeRequest())
                .whenTimeAdvancesTo(firedLate)
                .expectEvents(overdue(firedLate));
    }

    @Test
    void overdueIsNeverRecordedBeforeTheDueTime() {
        // a scheduler whose clock runs slightly behind still records the request overdue at its due time
        wallClockAt(DUE_BY.minusSeconds(2));
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGivenCommands(makeRequest())
                .whenTimeElapses(ALLOWANCE)
                .expectEvents(overdue(DUE_BY));
    }

    @Test
    void noOverdueAfterTimelyDecisionBecauseDeadlineWasCancelled() {
        wallClockAt(AFTER_DUE);
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGivenCommands(makeRequest(), share(TEACHER, Scope.FULL, null, null, DECIDED_AT))
                .whenTimeAdvancesTo(AFTER_DUE)
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void deadlineFiringAfterDecisionRecordsNothing() {
        // the deadline is still scheduled (as if cancelling it had failed) but the request was shared meanwhile
        wallClockAt(DUE_BY);
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGivenCommands(makeRequest())
                .andGiven(shared(Scope.FULL, null, DECIDED_AT, DECIDED_AT, false))
                .whenTimeElapses(ALLOWANCE)
                .expectTriggeredDeadlinesWithName(SharingRequest.DECISION_DUE)
                .expectNoEvents();
    }

    @Test
    void deadlineFiringAfterWithdrawalRecordsNothing() {
        wallClockAt(DUE_BY);
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGivenCommands(makeRequest())
                .andGiven(withdrawn())
                .whenTimeElapses(ALLOWANCE)
                .expectTriggeredDeadlinesWithName(SharingRequest.DECISION_DUE)
                .expectNoEvents();
    }

    @Test
    void requestBecomesOverdueOnlyOnce() {
        wallClockAt(DUE_BY);
        fixture.givenCurrentTime(REQUESTED_AT)
                .andGivenCommands(makeRequest())
                .andGiven(overdue(DUE_BY))
                .whenTimeElapses(ALLOWANCE)
                .expectTriggeredDeadlinesWithName(SharingRequest.DECISION_DUE)
                .expectNoEvents();
    }

    @Test
    void shareAfterOverdueIsAcceptedAndMarkedLate() {
        fixture.given(requested(), overdue(DUE_BY))
                .when(share(TEACHER, Scope.FULL, null, null, AFTER_DUE))
                .expectEvents(shared(Scope.FULL, null, AFTER_DUE, AFTER_DUE, true))
                .expectResultMessagePayload(RequestStatus.SHARED);
    }

    @Test
    void refusalAfterOverdueIsAcceptedAndMarkedLate() {
        fixture.given(requested(), overdue(DUE_BY))
                .when(refuse(TEACHER, null, AFTER_DUE))
                .expectEvents(refused(AFTER_DUE, AFTER_DUE, true))
                .expectResultMessagePayload(RequestStatus.REFUSED);
    }

    // ---------------------------------------------------------------- escalation

    @Test
    void refusalCanBeEscalated() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false))
                .when(escalate(SOCIAL_WORKER, Stage.LINE_MANAGER))
                .expectEvents(escalated(Stage.LINE_MANAGER))
                .expectResultMessagePayload(RequestStatus.ESCALATED);
    }

    @Test
    void partialShareCanBeEscalated() {
        fixture.given(requested(), shared(Scope.PARTIAL, Reason.STATUTORY_BAR, DECIDED_AT, DECIDED_AT, false))
                .when(escalate(SOCIAL_WORKER, Stage.NOMINATED_REPRESENTATIVE))
                .expectEvents(escalated(Stage.NOMINATED_REPRESENTATIVE))
                .expectResultMessagePayload(RequestStatus.ESCALATED);
    }

    @Test
    void refusalCanGoStraightToTheSafeguardingPartnership() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false))
                .when(escalate(REQUESTING_NR, Stage.SAFEGUARDING_PARTNERSHIP))
                .expectEvents(escalated(Stage.SAFEGUARDING_PARTNERSHIP));
    }

    @Test
    void cannotEscalateFullShare() {
        fixture.given(requested(), shared(Scope.FULL, null, DECIDED_AT, DECIDED_AT, false))
                .when(escalate(SOCIAL_WORKER, Stage.LINE_MANAGER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotEscalateBeforeDecision() {
        fixture.given(requested())
                .when(escalate(SOCIAL_WORKER, Stage.LINE_MANAGER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotEscalateWithdrawnRequest() {
        fixture.given(requested(), withdrawn())
                .when(escalate(SOCIAL_WORKER, Stage.LINE_MANAGER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotEscalateWhileEscalationIsOpen() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(escalate(SOCIAL_WORKER, Stage.DATA_PROTECTION_OFFICER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"LINE_MANAGER", "NOMINATED_REPRESENTATIVE"})
    void afterRefusalUpheldCannotEscalateToEarlierOrSameStage(Stage stage) {
        fixture.given(
                        requested(),
                        refused(DECIDED_AT, DECIDED_AT, false),
                        escalated(Stage.NOMINATED_REPRESENTATIVE),
                        upheld(Stage.NOMINATED_REPRESENTATIVE))
                .when(escalate(SOCIAL_WORKER, stage))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(
            value = Stage.class,
            names = {"DATA_PROTECTION_OFFICER", "SAFEGUARDING_PARTNERSHIP"})
    void afterRefusalUpheldCanEscalateToLaterStage(Stage stage) {
        fixture.given(
                        requested(),
                        refused(DECIDED_AT, DECIDED_AT, false),
                        escalated(Stage.NOMINATED_REPRESENTATIVE),
                        upheld(Stage.NOMINATED_REPRESENTATIVE))
                .when(escalate(SOCIAL_WORKER, stage))
                .expectEvents(escalated(stage))
                .expectResultMessagePayload(RequestStatus.ESCALATED);
    }

    @Test
    void nothingLeftToEscalateAfterSafeguardingPartnershipUpholds() {
        fixture.given(
                        requested(),
                        refused(DECIDED_AT, DECIDED_AT, false),
                        escalated(Stage.SAFEGUARDING_PARTNERSHIP),
                        upheld(Stage.SAFEGUARDING_PARTNERSHIP))
                .when(escalate(SOCIAL_WORKER, Stage.SAFEGUARDING_PARTNERSHIP))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotEscalateAfterSharedOnEscalation() {
        fixture.given(
                        requested(),
                        refused(DECIDED_AT, DECIDED_AT, false),
                        escalated(Stage.LINE_MANAGER),
                        sharedOnEscalation(Stage.LINE_MANAGER))
                .when(escalate(SOCIAL_WORKER, Stage.DATA_PROTECTION_OFFICER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void holdingAgencyCannotEscalate() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false))
                .when(escalate(TEACHER, Stage.LINE_MANAGER))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void escalatingNeedsPractitionerOrNominatedRepresentativeRole() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false))
                .when(escalate(REQUESTING_CASE_REVIEWER, Stage.LINE_MANAGER))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- resolving an escalation

    @Test
    void cannotResolveWithoutOpenEscalation() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false))
                .when(resolve(SCHOOL_NR, Outcome.REFUSAL_UPHELD, null, null))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotResolveAnEscalationAlreadyResolved() {
        fixture.given(
                        requested(),
                        refused(DECIDED_AT, DECIDED_AT, false),
                        escalated(Stage.LINE_MANAGER),
                        upheld(Stage.LINE_MANAGER))
                .when(resolve(SCHOOL_NR, Outcome.SHARED, SHARED_TEXT, Method.SECURE_EMAIL))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void holdingNominatedRepresentativeUpholdsRefusalAtAgencyStage() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolve(SCHOOL_NR, Outcome.REFUSAL_UPHELD, null, null))
                .expectEvents(upheld(Stage.LINE_MANAGER))
                .expectResultMessagePayload(RequestStatus.REFUSAL_UPHELD);
    }

    @Test
    void holdingNominatedRepresentativeSharesOnEscalationAtAgencyStage() {
        fixture.given(
                        requested(),
                        shared(Scope.PARTIAL, Reason.STATUTORY_BAR, DECIDED_AT, DECIDED_AT, false),
                        escalated(Stage.DATA_PROTECTION_OFFICER))
                .when(resolve(SCHOOL_NR, Outcome.SHARED, SHARED_TEXT, Method.SECURE_EMAIL))
                .expectEvents(sharedOnEscalation(Stage.DATA_PROTECTION_OFFICER))
                .expectResultMessagePayload(RequestStatus.SHARED_AFTER_ESCALATION);
    }

    @Test
    void upheldRefusalRecordsNoSharedInformation() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolve(SCHOOL_NR, Outcome.REFUSAL_UPHELD, SHARED_TEXT, Method.SECURE_EMAIL))
                .expectEvents(upheld(Stage.LINE_MANAGER));
    }

    @Test
    void holdingPractitionerCannotResolveAtAgencyStage() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolve(TEACHER, Outcome.REFUSAL_UPHELD, null, null))
                .expectException(NotPermitted.class)
                .expectExceptionMessage(
                        "only a NOMINATED_REPRESENTATIVE of " + HOLDING + " may resolve an escalation at LINE_MANAGER")
                .expectNoEvents();
    }

    @Test
    void requestingAgencyCannotResolveItsOwnEscalation() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolve(REQUESTING_NR, Outcome.SHARED, SHARED_TEXT, Method.SECURE_EMAIL))
                .expectException(NotPermitted.class)
                .expectExceptionMessage("only a NOMINATED_REPRESENTATIVE of " + HOLDING
                        + " (at LINE_MANAGER, NOMINATED_REPRESENTATIVE or "
                        + "DATA_PROTECTION_OFFICER) or a TRUST_REVIEWER (at SAFEGUARDING_PARTNERSHIP) may resolve an "
                        + "escalation of this request")
                .expectNoEvents();
    }

    @Test
    void trustReviewerCannotResolveAtAgencyStage() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.NOMINATED_REPRESENTATIVE))
                .when(resolve(TRUST_REVIEWER, Outcome.REFUSAL_UPHELD, null, null))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void trustReviewerResolvesAtSafeguardingPartnership() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.SAFEGUARDING_PARTNERSHIP))
                .when(resolve(TRUST_REVIEWER, Outcome.SHARED, SHARED_TEXT, Method.SECURE_EMAIL))
                .expectEvents(sharedOnEscalation(Stage.SAFEGUARDING_PARTNERSHIP))
                .expectResultMessagePayload(RequestStatus.SHARED_AFTER_ESCALATION);
    }

    @Test
    void holdingNominatedRepresentativeCannotResolveAtSafeguardingPartnership() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.SAFEGUARDING_PARTNERSHIP))
                .when(resolve(SCHOOL_NR, Outcome.REFUSAL_UPHELD, null, null))
                .expectException(NotPermitted.class)
                .expectExceptionMessage("only a TRUST_REVIEWER may resolve an escalation at SAFEGUARDING_PARTNERSHIP")
                .expectNoEvents();
    }

    @Test
    void sharedOutcomeNeedsInformationSharedAndMethod() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolve(SCHOOL_NR, Outcome.SHARED, " ", null))
                .expectException(invalidInputOn("informationShared", "method"))
                .expectNoEvents();
    }

    @Test
    void sharedOutcomeNeedsMethod() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolve(SCHOOL_NR, Outcome.SHARED, SHARED_TEXT, null))
                .expectException(invalidInputOn("method"))
                .expectNoEvents();
    }

    @Test
    void sharedOutcomeNeedsInformationShared() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolve(SCHOOL_NR, Outcome.SHARED, null, Method.TELEPHONE))
                .expectException(invalidInputOn("informationShared"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- whether the actor was accredited

    @Test
    void aShareRecordsThatItsActorWasAccredited() {
        fixture.given(requested())
                .when(shareBy(TEACHER, true, false))
                .expectEvents(sharedBy(true))
                .expectResultMessagePayload(RequestStatus.SHARED);
    }

    @Test
    void aShareByAnUnaccreditedActorIsRecordedAsSuchWhenTrainingIsNotRequired() {
        fixture.given(requested())
                .when(shareBy(TEACHER, false, false))
                .expectEvents(sharedBy(false))
                .expectResultMessagePayload(RequestStatus.SHARED);
    }

    @Test
    void aRefusalRecordsWhetherItsActorWasAccredited() {
        fixture.given(requested()).when(refuseBy(TEACHER, false, false)).expectEvents(refusedBy(false));
    }

    @Test
    void aResolutionRecordsWhetherItsActorWasAccredited() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolveBy(SCHOOL_NR, false, false))
                .expectEvents(upheldBy(false))
                .expectResultMessagePayload(RequestStatus.REFUSAL_UPHELD);
    }

    @Test
    void decisionsRecordedBeforeTrainingWasTrackedStillRebuildTheRequest() {
        InformationRefused unknown = new InformationRefused(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                Reason.WOULD_PREJUDICE_INVESTIGATION,
                RATIONALE,
                ADVICE,
                DECIDED_AT,
                DECIDED_AT,
                false,
                null);
        fixture.given(requested(), unknown)
                .when(escalate(SOCIAL_WORKER, Stage.LINE_MANAGER))
                .expectEvents(escalated(Stage.LINE_MANAGER));
    }

    // ---------------------------------------------------------------- when training is required

    @Test
    void whenTrainingIsRequiredAnUnaccreditedActorCannotShare() {
        fixture.givenCommands(makeRequest())
                .when(shareBy(TEACHER, false, true))
                .expectException(StepNotAllowed.class)
                .expectExceptionMessage(containsString(
                        "has no passed, unexpired online information sharing course (ONLINE_INFORMATION_SHARING)"))
                .expectNoEvents()
                .expectScheduledDeadlineWithName(DUE_BY, SharingRequest.DECISION_DUE);
    }

    @Test
    void whenTrainingIsRequiredAnUnaccreditedActorCannotRefuse() {
        fixture.given(requested())
                .when(refuseBy(TEACHER, false, true))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void whenTrainingIsRequiredAnUnaccreditedActorCannotResolve() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false), escalated(Stage.LINE_MANAGER))
                .when(resolveBy(SCHOOL_NR, false, true))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void whenTrainingIsRequiredAnAccreditedActorDecidesAsBefore() {
        fixture.given(requested()).when(shareBy(TEACHER, true, true)).expectEvents(sharedBy(true));
    }

    @Test
    void whoMayDecideIsCheckedBeforeAccreditation() {
        fixture.given(requested())
                .when(shareBy(HEALTH_VISITOR, false, true))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void aRequestAlreadyDecidedSaysSoBeforeAccreditation() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false))
                .when(shareBy(TEACHER, false, true))
                .expectException(StepNotAllowed.class)
                .expectExceptionMessage(containsString("has already had its decision"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- withdrawal

    @Test
    void withdrawBeforeDecisionRecordsWithdrawnAndCancelsDeadline() {
        fixture.givenCommands(makeRequest())
                .when(withdraw(SOCIAL_WORKER))
                .expectEvents(withdrawn())
                .expectResultMessagePayload(RequestStatus.WITHDRAWN)
                .expectNoScheduledDeadlines();
    }

    @Test
    void overdueRequestCanStillBeWithdrawn() {
        fixture.given(requested(), overdue(DUE_BY))
                .when(withdraw(REQUESTING_NR))
                .expectEvents(withdrawn())
                .expectResultMessagePayload(RequestStatus.WITHDRAWN);
    }

    @Test
    void cannotWithdrawAfterDecision() {
        fixture.given(requested(), refused(DECIDED_AT, DECIDED_AT, false))
                .when(withdraw(SOCIAL_WORKER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawTwice() {
        fixture.given(requested(), withdrawn())
                .when(withdraw(SOCIAL_WORKER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void holdingAgencyCannotWithdraw() {
        fixture.givenCommands(makeRequest())
                .when(withdraw(TEACHER))
                .expectException(NotPermitted.class)
                .expectNoEvents()
                .expectScheduledDeadlineWithName(DUE_BY, SharingRequest.DECISION_DUE);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The fixture sets the event clock while it handles commands, but not while it triggers deadlines: the deadline
     * handler then reads this clock to learn "now".
     */
    private static void wallClockAt(Instant now) {
        GenericEventMessage.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static MakeRequest makeRequest() {
        return makeRequest(SOCIAL_WORKER, HOLDING, LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT);
    }

    private static MakeRequest makeRequest(Actor actor, String holdingAgencyId, LawfulBasis basis, Consent consent) {
        return makeRequest(actor, holdingAgencyId, basis, consent, null);
    }

    private static MakeRequest makeRequest(
            Actor actor, String holdingAgencyId, LawfulBasis basis, Consent consent, String sealedDetails) {
        return new MakeRequest(
                REQUEST_ID,
                actor,
                REQUESTING,
                holdingAgencyId,
                PSEUDONYM,
                SubjectKind.NHS_NUMBER,
                sealedDetails,
                CASE_REFERENCE,
                Purpose.CHILD_PROTECTION_ENQUIRY,
                PURPOSE_DETAIL,
                basis,
                consent,
                Urgency.URGENT,
                SOUGHT,
                REQUESTED_AT,
                ALLOWANCE);
    }

    private static InformationRequested requested() {
        return requested(LawfulBasis.PUBLIC_TASK, CONSENT_NOT_SOUGHT);
    }

    private static InformationRequested requested(LawfulBasis basis, Consent consent) {
        return requested(basis, consent, null);
    }

    private static InformationRequested requested(LawfulBasis basis, Consent consent, String sealedDetails) {
        return new InformationRequested(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                PSEUDONYM,
                SubjectKind.NHS_NUMBER,
                CASE_REFERENCE,
                Purpose.CHILD_PROTECTION_ENQUIRY,
                PURPOSE_DETAIL,
                basis,
                consent,
                Urgency.URGENT,
                SOUGHT,
                REQUESTED_AT,
                DUE_BY,
                sealedDetails,
                null);
    }

    private static ShareInformation share(
            Actor actor, Scope scope, Reason withheld, Instant occurredAt, Instant recordedAt) {
        return new ShareInformation(
                REQUEST_ID,
                actor,
                scope,
                SHARED_TEXT,
                Method.SECURE_PORTAL,
                RATIONALE,
                withheld,
                ADVICE,
                occurredAt,
                recordedAt,
                true,
                false);
    }

    private static InformationShared shared(
            Scope scope, Reason withheld, Instant recordedAt, Instant occurredAt, boolean late) {
        return new InformationShared(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                scope,
                SHARED_TEXT,
                Method.SECURE_PORTAL,
                RATIONALE,
                withheld,
                ADVICE,
                recordedAt,
                occurredAt,
                late,
                true);
    }

    private static RefuseRequest refuse(Actor actor, Instant occurredAt, Instant recordedAt) {
        return new RefuseRequest(
                REQUEST_ID,
                actor,
                Reason.WOULD_PREJUDICE_INVESTIGATION,
                RATIONALE,
                ADVICE,
                occurredAt,
                recordedAt,
                true,
                false);
    }

    private static InformationRefused refused(Instant recordedAt, Instant occurredAt, boolean late) {
        return new InformationRefused(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                Reason.WOULD_PREJUDICE_INVESTIGATION,
                RATIONALE,
                ADVICE,
                recordedAt,
                occurredAt,
                late,
                true);
    }

    private static EscalateRefusal escalate(Actor actor, Stage stage) {
        return new EscalateRefusal(
                REQUEST_ID, actor, stage, "The child is at risk; the refusal leaves a gap", ESCALATED_AT);
    }

    private static RefusalEscalated escalated(Stage stage) {
        return new RefusalEscalated(
                REQUEST_ID, REQUESTING, HOLDING, stage, "The child is at risk; the refusal leaves a gap", ESCALATED_AT);
    }

    private static ResolveEscalation resolve(Actor actor, Outcome outcome, String informationShared, Method method) {
        return new ResolveEscalation(
                REQUEST_ID,
                actor,
                outcome,
                "Reviewed against the Code of Practice",
                informationShared,
                method,
                RESOLVED_AT,
                true,
                false);
    }

    private static EscalationResolved upheld(Stage stage) {
        return new EscalationResolved(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                stage,
                Outcome.REFUSAL_UPHELD,
                "Reviewed against the Code of Practice",
                null,
                null,
                RESOLVED_AT,
                true);
    }

    private static EscalationResolved sharedOnEscalation(Stage stage) {
        return new EscalationResolved(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                stage,
                Outcome.SHARED,
                "Reviewed against the Code of Practice",
                SHARED_TEXT,
                Method.SECURE_EMAIL,
                RESOLVED_AT,
                true);
    }

    private static ShareInformation shareBy(Actor actor, boolean accredited, boolean required) {
        return new ShareInformation(
                REQUEST_ID,
                actor,
                Scope.FULL,
                SHARED_TEXT,
                Method.SECURE_PORTAL,
                RATIONALE,
                null,
                ADVICE,
                null,
                DECIDED_AT,
                accredited,
                required);
    }

    private static InformationShared sharedBy(boolean accredited) {
        return new InformationShared(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                Scope.FULL,
                SHARED_TEXT,
                Method.SECURE_PORTAL,
                RATIONALE,
                null,
                ADVICE,
                DECIDED_AT,
                DECIDED_AT,
                false,
                accredited);
    }

    private static RefuseRequest refuseBy(Actor actor, boolean accredited, boolean required) {
        return new RefuseRequest(
                REQUEST_ID,
                actor,
                Reason.WOULD_PREJUDICE_INVESTIGATION,
                RATIONALE,
                ADVICE,
                null,
                DECIDED_AT,
                accredited,
                required);
    }

    private static InformationRefused refusedBy(boolean accredited) {
        return new InformationRefused(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                Reason.WOULD_PREJUDICE_INVESTIGATION,
                RATIONALE,
                ADVICE,
                DECIDED_AT,
                DECIDED_AT,
                false,
                accredited);
    }

    private static ResolveEscalation resolveBy(Actor actor, boolean accredited, boolean required) {
        return new ResolveEscalation(
                REQUEST_ID,
                actor,
                Outcome.REFUSAL_UPHELD,
                "Reviewed against the Code of Practice",
                null,
                null,
                RESOLVED_AT,
                accredited,
                required);
    }

    private static EscalationResolved upheldBy(boolean accredited) {
        return new EscalationResolved(
                REQUEST_ID,
                REQUESTING,
                HOLDING,
                Stage.LINE_MANAGER,
                Outcome.REFUSAL_UPHELD,
                "Reviewed against the Code of Practice",
                null,
                null,
                RESOLVED_AT,
                accredited);
    }

    private static WithdrawRequest withdraw(Actor actor) {
        return new WithdrawRequest(REQUEST_ID, actor, "The child has moved out of the area", LATER_STILL);
    }

    private static RequestWithdrawn withdrawn() {
        return new RequestWithdrawn(
                REQUEST_ID, REQUESTING, HOLDING, "The child has moved out of the area", LATER_STILL);
    }

    private static RequestBecameOverdue overdue(Instant recordedAt) {
        return new RequestBecameOverdue(REQUEST_ID, REQUESTING, HOLDING, DUE_BY, recordedAt);
    }
}
