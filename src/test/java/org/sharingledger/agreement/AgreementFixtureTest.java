package org.sharingledger.agreement;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.agreement.api.AgreementActivated;
import org.sharingledger.agreement.api.AgreementProposed;
import org.sharingledger.agreement.api.AgreementReviewDue;
import org.sharingledger.agreement.api.AgreementReviewed;
import org.sharingledger.agreement.api.AgreementSigned;
import org.sharingledger.agreement.api.AgreementTerminated;
import org.sharingledger.agreement.api.EndAgreementOnWithdrawal;
import org.sharingledger.agreement.api.ProposeAgreement;
import org.sharingledger.agreement.api.ReviewAgreement;
import org.sharingledger.agreement.api.SignAgreement;
import org.sharingledger.agreement.api.TerminateAgreement;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;

/**
 * An Information Sharing Protocol, rule by rule: given what already happened, when someone acts (or its review date
 * comes), then what is recorded or which rule refuses it.
 */
class AgreementFixtureTest {

    private static final String ID = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
    private static final String POLICE = "ashcombe-police";
    private static final String SOCIAL_CARE = "ashcombe-childrens-services";
    private static final String HEALTH = "ashcombe-health";
    private static final String SCHOOL = "brackenmoor-primary";

    private static final Actor POLICE_NR = new Actor("pat.police", POLICE, List.of(Role.NOMINATED_REPRESENTATIVE));
    private static final Actor SOCIAL_CARE_NR =
            new Actor("sam.social", SOCIAL_CARE, List.of(Role.NOMINATED_REPRESENTATIVE));
    private static final Actor SCHOOL_NR = new Actor("sue.school", SCHOOL, List.of(Role.NOMINATED_REPRESENTATIVE));
    private static final Actor POLICE_OFFICER = new Actor("olly.officer", POLICE, List.of(Role.PRACTITIONER));
    private static final Actor TRUST = new Actor("tessa.trust", null, List.of(Role.TRUST_REVIEWER));
    private static final Actor ADMIN = new Actor("admin", null, List.of(Role.ADMIN));

    private static final Instant PROPOSED_AT = Instant.parse("2009-04-01T10:00:00Z");
    private static final Instant SIGNED_AT = Instant.parse("2009-04-03T11:00:00Z");
    private static final Instant LATER = Instant.parse("2009-04-06T09:00:00Z");
    private static final LocalDate REVIEW_ON = LocalDate.of(2010, 4, 1);
    private static final Instant REVIEW_DUE_AT =
            REVIEW_ON.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final LocalDate NEXT_REVIEW_ON = LocalDate.of(2011, 4, 1);
    private static final List<String> PARTIES = List.of(POLICE, SOCIAL_CARE);
    private static final List<String> ITEMS = List.of("Domestic abuse call-outs", "Child protection plans");
    private static final String GATEWAYS = "Children Act 1989 s47; Crime and Disorder Act 1998 s115";

    private AggregateTestFixture<Agreement> fixture;
    private Clock clockBefore;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agreement.class);
        clockBefore = GenericEventMessage.clock;
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = clockBefore;
    }

    // ---------------------------------------------------------------- proposing

    @Test
    void aPartysNominatedRepresentativeProposesAnAgreementThatAwaitsSignatures() {
        fixture.givenNoPriorActivity()
                .when(propose(POLICE_NR, PARTIES, REVIEW_ON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(proposed(PARTIES))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theTrustMayProposeAnAgreementBetweenOthers() {
        fixture.givenNoPriorActivity().when(propose(TRUST, PARTIES, REVIEW_ON)).expectEvents(proposed(PARTIES));
    }

    @Test
    void aNonPartysRepresentativeMayNotProposeIt() {
        fixture.givenNoPriorActivity()
                .when(propose(SCHOOL_NR, PARTIES, REVIEW_ON))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void aPractitionerOrAnAdministratorMayNotProposeIt() {
        fixture.givenNoPriorActivity()
                .when(propose(POLICE_OFFICER, PARTIES, REVIEW_ON))
                .expectException(NotPermitted.class);
        fixture.givenNoPriorActivity().when(propose(ADMIN, PARTIES, REVIEW_ON)).expectException(NotPermitted.class);
    }

    @Test
    void anAgreementNeedsTwoDistinctParties() {
        fixture.givenNoPriorActivity()
                .when(propose(POLICE_NR, List.of(POLICE), REVIEW_ON))
                .expectException(invalidInputOn("parties"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(propose(POLICE_NR, List.of(POLICE, POLICE), REVIEW_ON))
                .expectException(invalidInputOn("parties"))
                .expectNoEvents();
    }

    @Test
    void theReviewDateMustBeInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(propose(POLICE_NR, PARTIES, LocalDate.of(2009, 4, 1)))
                .expectException(invalidInputOn("reviewOn"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- signing

    @Test
    void eachPartySignsAndTheLastSignatureBringsItIntoForceWithItsReviewDeadline() {
        fixture.given(proposed(PARTIES), signed(POLICE))
                .when(sign(SOCIAL_CARE_NR, SOCIAL_CARE, SIGNED_AT))
                .expectEvents(signed(SOCIAL_CARE), new AgreementActivated(ID, REVIEW_ON, SIGNED_AT))
                .expectScheduledDeadlineWithName(REVIEW_DUE_AT, Agreement.REVIEW_DUE);
    }

    @Test
    void aSignatureBeforeTheLastLeavesItAwaitingSignatures() {
        fixture.given(proposed(List.of(POLICE, SOCIAL_CARE, HEALTH)))
                .when(sign(POLICE_NR, POLICE, SIGNED_AT))
                .expectEvents(signed(POLICE))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPartySignsOnlyOnce() {
        fixture.given(proposed(List.of(POLICE, SOCIAL_CARE, HEALTH)), signed(POLICE))
                .when(sign(POLICE_NR, POLICE, LATER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void onlyTheNominatedRepresentativeOfThatPartySignsForIt() {
        fixture.given(proposed(PARTIES))
                .when(sign(SOCIAL_CARE_NR, POLICE, SIGNED_AT))
                .expectException(NotPermitted.class);
        fixture.given(proposed(PARTIES))
                .when(sign(POLICE_OFFICER, POLICE, SIGNED_AT))
                .expectException(NotPermitted.class);
        fixture.given(proposed(PARTIES)).when(sign(TRUST, POLICE, SIGNED_AT)).expectException(NotPermitted.class);
    }

    @Test
    void aNonPartyMayNotSign() {
        fixture.given(proposed(PARTIES))
                .when(sign(SCHOOL_NR, SCHOOL, SIGNED_AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void aTerminatedAgreementTakesNoSignature() {
        fixture.given(proposed(PARTIES), terminated("No longer needed"))
                .when(sign(POLICE_NR, POLICE, LATER))
                .expectException(StepNotAllowed.class);
    }

    // ---------------------------------------------------------------- the review date

    @Test
    void theReviewDateMarksAnAgreementInForceAsDueForReview() {
        wallClockAt(REVIEW_DUE_AT);
        fixture.givenCurrentTime(PROPOSED_AT)
                .andGivenCommands(
                        propose(POLICE_NR, PARTIES, REVIEW_ON),
                        sign(POLICE_NR, POLICE, PROPOSED_AT),
                        sign(SOCIAL_CARE_NR, SOCIAL_CARE, PROPOSED_AT))
                .whenTimeAdvancesTo(REVIEW_DUE_AT)
                .expectTriggeredDeadlinesWithName(Agreement.REVIEW_DUE)
                .expectEvents(new AgreementReviewDue(ID, REVIEW_ON, REVIEW_DUE_AT));
    }

    @Test
    void nothingIsDueBeforeTheReviewDate() {
        wallClockAt(REVIEW_DUE_AT.minusSeconds(1));
        fixture.givenCurrentTime(PROPOSED_AT)
                .andGivenCommands(
                        propose(POLICE_NR, PARTIES, REVIEW_ON),
                        sign(POLICE_NR, POLICE, PROPOSED_AT),
                        sign(SOCIAL_CARE_NR, SOCIAL_CARE, PROPOSED_AT))
                .whenTimeAdvancesTo(REVIEW_DUE_AT.minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents()
                .expectScheduledDeadlineWithName(REVIEW_DUE_AT, Agreement.REVIEW_DUE);
    }

    @Test
    void aReviewDueDeadlineOnATerminatedAgreementRecordsNothing() {
        wallClockAt(REVIEW_DUE_AT);
        fixture.givenCurrentTime(PROPOSED_AT)
                .andGivenCommands(
                        propose(POLICE_NR, PARTIES, REVIEW_ON),
                        sign(POLICE_NR, POLICE, PROPOSED_AT),
                        sign(SOCIAL_CARE_NR, SOCIAL_CARE, PROPOSED_AT))
                .andGiven(terminated("Replaced by a county-wide protocol"))
                .whenTimeAdvancesTo(REVIEW_DUE_AT)
                .expectTriggeredDeadlinesWithName(Agreement.REVIEW_DUE)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- review

    @Test
    void aReviewRenewsAnAgreementDueForReviewAndMovesItsDeadline() {
        fixture.given(proposed(PARTIES), signed(POLICE), signed(SOCIAL_CARE), activated(), reviewDue())
                .when(new ReviewAgreement(ID, SOCIAL_CARE_NR, NEXT_REVIEW_ON, "Still needed", LATER_THAN_DUE))
                .expectEvents(new AgreementReviewed(ID, REVIEW_ON, NEXT_REVIEW_ON, "Still needed", LATER_THAN_DUE))
                .expectScheduledDeadlineWithName(
                        NEXT_REVIEW_ON.atStartOfDay(ZoneOffset.UTC).toInstant(), Agreement.REVIEW_DUE);
    }

    @Test
    void aReviewOfAnAgreementInForceCancelsItsOldDeadline() {
        fixture.givenCurrentTime(PROPOSED_AT)
                .andGivenCommands(
                        propose(POLICE_NR, PARTIES, REVIEW_ON),
                        sign(POLICE_NR, POLICE, PROPOSED_AT),
                        sign(SOCIAL_CARE_NR, SOCIAL_CARE, PROPOSED_AT))
                .when(new ReviewAgreement(ID, TRUST, NEXT_REVIEW_ON, "Reviewed early at the Trust", LATER))
                .expectEvents(
                        new AgreementReviewed(ID, REVIEW_ON, NEXT_REVIEW_ON, "Reviewed early at the Trust", LATER))
                .expectScheduledDeadlineWithName(
                        NEXT_REVIEW_ON.atStartOfDay(ZoneOffset.UTC).toInstant(), Agreement.REVIEW_DUE)
                .expectNoScheduledDeadlineWithName(REVIEW_DUE_AT, Agreement.REVIEW_DUE);
    }

    @Test
    void theNextReviewDateMustBeInTheFuture() {
        fixture.given(proposed(PARTIES), signed(POLICE), signed(SOCIAL_CARE), activated(), reviewDue())
                .when(new ReviewAgreement(ID, POLICE_NR, REVIEW_ON, "Still needed", LATER_THAN_DUE))
                .expectException(invalidInputOn("nextReviewOn"))
                .expectNoEvents();
    }

    @Test
    void onlyAnAgreementInForceOrDueForReviewIsReviewed() {
        fixture.given(proposed(PARTIES))
                .when(new ReviewAgreement(ID, POLICE_NR, NEXT_REVIEW_ON, "Early", LATER))
                .expectException(StepNotAllowed.class);
        fixture.given(proposed(PARTIES), terminated("Ended"))
                .when(new ReviewAgreement(ID, POLICE_NR, NEXT_REVIEW_ON, "Too late", LATER))
                .expectException(StepNotAllowed.class);
    }

    @Test
    void onlyAPartysRepresentativeOrTheTrustReviews() {
        fixture.given(proposed(PARTIES), signed(POLICE), signed(SOCIAL_CARE), activated())
                .when(new ReviewAgreement(ID, SCHOOL_NR, NEXT_REVIEW_ON, "Not mine", LATER))
                .expectException(NotPermitted.class);
        fixture.given(proposed(PARTIES), signed(POLICE), signed(SOCIAL_CARE), activated())
                .when(new ReviewAgreement(ID, POLICE_OFFICER, NEXT_REVIEW_ON, "Not a representative", LATER))
                .expectException(NotPermitted.class);
    }

    // ---------------------------------------------------------------- termination

    @Test
    void aPartysRepresentativeTerminatesItAndItsDeadlineGoes() {
        fixture.givenCurrentTime(PROPOSED_AT)
                .andGivenCommands(
                        propose(POLICE_NR, PARTIES, REVIEW_ON),
                        sign(POLICE_NR, POLICE, PROPOSED_AT),
                        sign(SOCIAL_CARE_NR, SOCIAL_CARE, PROPOSED_AT))
                .when(new TerminateAgreement(ID, POLICE_NR, "Replaced by a county-wide protocol", LATER))
                .expectEvents(terminated("Replaced by a county-wide protocol"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theTrustMayTerminateAnAgreementAwaitingSignatures() {
        fixture.given(proposed(PARTIES))
                .when(new TerminateAgreement(ID, TRUST, "Proposed in error", LATER))
                .expectEvents(terminated("Proposed in error"));
    }

    @Test
    void aTerminatedAgreementIsNotTerminatedAgain() {
        fixture.given(proposed(PARTIES), terminated("Ended"))
                .when(new TerminateAgreement(ID, POLICE_NR, "Again", LATER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void onlyAPartysRepresentativeOrTheTrustTerminates() {
        fixture.given(proposed(PARTIES))
                .when(new TerminateAgreement(ID, SCHOOL_NR, "Not mine", LATER))
                .expectException(NotPermitted.class);
        fixture.given(proposed(PARTIES))
                .when(new TerminateAgreement(ID, ADMIN, "Not the Trust", LATER))
                .expectException(NotPermitted.class);
    }

    // ---------------------------------------------------------------- a party withdraws from the Code

    @Test
    void aPartysWithdrawalEndsTheAgreementNamingTheWithdrawal() {
        fixture.givenCurrentTime(PROPOSED_AT)
                .andGivenCommands(
                        propose(POLICE_NR, PARTIES, REVIEW_ON),
                        sign(POLICE_NR, POLICE, PROPOSED_AT),
                        sign(SOCIAL_CARE_NR, SOCIAL_CARE, PROPOSED_AT))
                .when(new EndAgreementOnWithdrawal(ID, POLICE, LocalDate.of(2009, 4, 5), "Merged", LATER))
                .expectEvents(new AgreementTerminated(
                        ID,
                        "party " + POLICE + " withdrew from the Code of Practice on 2009-04-05: Merged",
                        POLICE,
                        LATER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aWithdrawalEndsNothingAlreadyTerminated() {
        fixture.given(proposed(PARTIES), terminated("Ended"))
                .when(new EndAgreementOnWithdrawal(ID, POLICE, LocalDate.of(2009, 4, 5), "Merged", LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- helpers

    private static final Instant LATER_THAN_DUE = REVIEW_DUE_AT.plus(Duration.ofDays(3));

    private static void wallClockAt(Instant instant) {
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static ProposeAgreement propose(Actor actor, List<String> parties, LocalDate reviewOn) {
        return new ProposeAgreement(
                ID,
                actor,
                "Domestic abuse notifications",
                parties,
                "Protecting children",
                ITEMS,
                GATEWAYS,
                reviewOn,
                PROPOSED_AT);
    }

    private static AgreementProposed proposed(List<String> parties) {
        return new AgreementProposed(
                ID,
                "Domestic abuse notifications",
                parties,
                "Protecting children",
                ITEMS,
                GATEWAYS,
                REVIEW_ON,
                PROPOSED_AT);
    }

    private static SignAgreement sign(Actor actor, String agencyId, Instant at) {
        return new SignAgreement(ID, actor, agencyId, at);
    }

    private static AgreementSigned signed(String agencyId) {
        return new AgreementSigned(ID, agencyId, SIGNED_AT);
    }

    private static AgreementActivated activated() {
        return new AgreementActivated(ID, REVIEW_ON, SIGNED_AT);
    }

    private static AgreementReviewDue reviewDue() {
        return new AgreementReviewDue(ID, REVIEW_ON, REVIEW_DUE_AT);
    }

    private static AgreementTerminated terminated(String reason) {
        return new AgreementTerminated(ID, reason, null, LATER);
    }
}
