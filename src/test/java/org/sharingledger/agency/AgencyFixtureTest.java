package org.sharingledger.agency;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.agency.api.AgencyMovedToCodeVersion;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.agency.api.AgencySignedAgain;
import org.sharingledger.agency.api.AgencyWithdrawn;
import org.sharingledger.agency.api.ChangeNominatedRepresentative;
import org.sharingledger.agency.api.MoveToCodeVersion;
import org.sharingledger.agency.api.NominatedRepresentative;
import org.sharingledger.agency.api.NominatedRepresentativeChanged;
import org.sharingledger.agency.api.NotificationAddressSet;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.agency.api.SetNotificationAddress;
import org.sharingledger.agency.api.SignAgency;
import org.sharingledger.agency.api.SignAgencyAgain;
import org.sharingledger.agency.api.WithdrawAgency;
import org.sharingledger.platform.rules.StepNotAllowed;

/** The register of signatories: signing, changing the nominated representative, withdrawing. */
class AgencyFixtureTest {

    private static final String AGENCY_ID = "brackenmoor-primary-school";
    private static final String NAME = "Brackenmoor Primary School";
    private static final String AREA = "Tottenham";
    private static final String CODE_VERSION = "2009.1";
    private static final LocalDate SIGNED_ON = LocalDate.parse("2009-03-02");
    private static final Instant SIGN_RECORDED = Instant.parse("2009-03-03T10:00:00Z");
    private static final Instant CHANGE_RECORDED = Instant.parse("2009-06-15T08:30:00Z");
    private static final Instant WITHDRAW_RECORDED = Instant.parse("2010-01-11T16:45:00Z");
    private static final LocalDate WITHDRAWN_ON = LocalDate.parse("2010-01-08");

    private static final NominatedRepresentative SUE =
            new NominatedRepresentative("Sue Dsl", "sue.dsl@brackenmoor.example");
    private static final NominatedRepresentative RAJ =
            new NominatedRepresentative("Rafe Penhallow", "rafe.penhallow@brackenmoor.example");
    private static final NominatedRepresentative ANN =
            new NominatedRepresentative("Annis Leabrook", "annis.leabrook@brackenmoor.example");

    private static final String INBOX = "info-sharing@brackenmoor.example";

    private AggregateTestFixture<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
    }

    @Test
    void signingRecordsTheSignatory() {
        fixture.givenNoPriorActivity()
                .when(sign(SIGNED_ON, SIGN_RECORDED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(signed(SIGNED_ON, SIGN_RECORDED));
    }

    @Test
    void agencyMaySignOnTheDayItIsRecorded() {
        Instant sameDay = Instant.parse("2009-03-02T23:59:59Z");
        fixture.givenNoPriorActivity().when(sign(SIGNED_ON, sameDay)).expectEvents(signed(SIGNED_ON, sameDay));
    }

    @Test
    void cannotSignInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(sign(LocalDate.parse("2009-03-04"), SIGN_RECORDED))
                .expectException(invalidInputOn("signedOn"))
                .expectNoEvents();
    }

    @Test
    void withdrawingRecordsTheWithdrawal() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(withdraw(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED));
    }

    @Test
    void agencyMayWithdrawOnTheDayItSigned() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(withdraw(SIGNED_ON, WITHDRAW_RECORDED))
                .expectEvents(withdrawn(SIGNED_ON, WITHDRAW_RECORDED));
    }

    @Test
    void cannotWithdrawTwice() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED), withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(withdraw(WITHDRAWN_ON, WITHDRAW_RECORDED.plusSeconds(60)))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawBeforeSigning() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(withdraw(SIGNED_ON.minusDays(1), WITHDRAW_RECORDED))
                .expectException(invalidInputOn("withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void cannotWithdrawInTheFuture() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(withdraw(LocalDate.parse("2010-01-12"), WITHDRAW_RECORDED))
                .expectException(invalidInputOn("withdrawnOn"))
                .expectNoEvents();
    }

    @Test
    void changingRepresentativeRecordsPreviousAndCurrent() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(new ChangeNominatedRepresentative(AGENCY_ID, RAJ, CHANGE_RECORDED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NominatedRepresentativeChanged(AGENCY_ID, SUE, RAJ, CHANGE_RECORDED));
    }

    @Test
    void nextChangeStartsFromTheLatestRepresentative() {
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        new NominatedRepresentativeChanged(AGENCY_ID, SUE, RAJ, CHANGE_RECORDED))
                .when(new ChangeNominatedRepresentative(AGENCY_ID, ANN, WITHDRAW_RECORDED))
                .expectEvents(new NominatedRepresentativeChanged(AGENCY_ID, RAJ, ANN, WITHDRAW_RECORDED));
    }

    @Test
    void cannotChangeRepresentativeOfWithdrawnAgency() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED), withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(new ChangeNominatedRepresentative(AGENCY_ID, RAJ, WITHDRAW_RECORDED.plusSeconds(60)))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void settingTheNotificationAddressRecordsIt() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(new SetNotificationAddress(AGENCY_ID, INBOX, CHANGE_RECORDED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new NotificationAddressSet(AGENCY_ID, null, INBOX, CHANGE_RECORDED));
    }

    @Test
    void aNewNotificationAddressNamesTheOneItReplaces() {
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        new NotificationAddressSet(AGENCY_ID, null, INBOX, CHANGE_RECORDED))
                .when(new SetNotificationAddress(AGENCY_ID, "safeguarding@brackenmoor.example", WITHDRAW_RECORDED))
                .expectEvents(new NotificationAddressSet(
                        AGENCY_ID, INBOX, "safeguarding@brackenmoor.example", WITHDRAW_RECORDED));
    }

    @Test
    void settingTheSameNotificationAddressAgainRecordsNothing() {
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        new NotificationAddressSet(AGENCY_ID, null, INBOX, CHANGE_RECORDED))
                .when(new SetNotificationAddress(AGENCY_ID, INBOX, WITHDRAW_RECORDED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void notificationAddressMustNotBeBlank() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(new SetNotificationAddress(AGENCY_ID, " ", CHANGE_RECORDED))
                .expectException(invalidInputOn("email"))
                .expectNoEvents();
    }

    @Test
    void cannotSetTheNotificationAddressOfWithdrawnAgency() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED), withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(new SetNotificationAddress(AGENCY_ID, INBOX, WITHDRAW_RECORDED.plusSeconds(60)))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    private static final Instant SIGN_AGAIN_RECORDED = Instant.parse("2012-09-04T09:00:00Z");
    private static final LocalDate SIGNED_AGAIN_ON = LocalDate.parse("2012-09-03");

    @Test
    void aWithdrawnAgencyMaySignAgain() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED), withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(new SignAgencyAgain(AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", RAJ, SIGN_AGAIN_RECORDED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgencySignedAgain(
                        AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", RAJ, WITHDRAWN_ON, SIGN_AGAIN_RECORDED));
    }

    @Test
    void signingAgainWithoutARepresentativeKeepsTheLastOne() {
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        new NominatedRepresentativeChanged(AGENCY_ID, SUE, ANN, CHANGE_RECORDED),
                        withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(new SignAgencyAgain(AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", null, SIGN_AGAIN_RECORDED))
                .expectEvents(new AgencySignedAgain(
                        AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", ANN, WITHDRAWN_ON, SIGN_AGAIN_RECORDED));
    }

    @Test
    void aSignedAgencyCannotSignAgain() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(new SignAgencyAgain(AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", RAJ, SIGN_AGAIN_RECORDED))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void anAgencySignedAgainCannotSignAgainUntilItWithdrawsAgain() {
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED),
                        new AgencySignedAgain(
                                AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", RAJ, WITHDRAWN_ON, SIGN_AGAIN_RECORDED))
                .when(new SignAgencyAgain(AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", RAJ, SIGN_AGAIN_RECORDED))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotSignAgainBeforeTheWithdrawal() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED), withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(new SignAgencyAgain(AGENCY_ID, WITHDRAWN_ON.minusDays(1), "2012.1", RAJ, SIGN_AGAIN_RECORDED))
                .expectException(invalidInputOn("signedOn"))
                .expectNoEvents();
    }

    @Test
    void maySignAgainOnTheDayItWithdrew() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED), withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(new SignAgencyAgain(AGENCY_ID, WITHDRAWN_ON, "2009.1", SUE, WITHDRAW_RECORDED))
                .expectEvents(
                        new AgencySignedAgain(AGENCY_ID, WITHDRAWN_ON, "2009.1", SUE, WITHDRAWN_ON, WITHDRAW_RECORDED));
    }

    @Test
    void cannotSignAgainInTheFuture() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED), withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(new SignAgencyAgain(AGENCY_ID, LocalDate.parse("2012-09-05"), "2012.1", RAJ, SIGN_AGAIN_RECORDED))
                .expectException(invalidInputOn("signedOn"))
                .expectNoEvents();
    }

    @Test
    void anAgencySignedAgainMayWithdrawAgainButNotBeforeItSignedAgain() {
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED),
                        new AgencySignedAgain(
                                AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", RAJ, WITHDRAWN_ON, SIGN_AGAIN_RECORDED))
                .when(withdraw(SIGNED_AGAIN_ON.minusDays(1), SIGN_AGAIN_RECORDED))
                .expectException(invalidInputOn("withdrawnOn"))
                .expectNoEvents();
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED),
                        new AgencySignedAgain(
                                AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", RAJ, WITHDRAWN_ON, SIGN_AGAIN_RECORDED))
                .when(withdraw(SIGNED_AGAIN_ON, SIGN_AGAIN_RECORDED))
                .expectEvents(withdrawn(SIGNED_AGAIN_ON, SIGN_AGAIN_RECORDED));
    }

    private static final Instant ADOPTION_RECORDED = Instant.parse("2013-04-02T11:00:00Z");
    private static final LocalDate ADOPTED_ON = LocalDate.parse("2013-04-01");

    @Test
    void aSignedAgencyMovesToAnAdoptedVersion() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(new MoveToCodeVersion(AGENCY_ID, "2013.1", "consultation-1", ADOPTED_ON, ADOPTION_RECORDED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AgencyMovedToCodeVersion(
                        AGENCY_ID, CODE_VERSION, "2013.1", "consultation-1", ADOPTED_ON, ADOPTION_RECORDED));
    }

    @Test
    void theNextMoveStartsFromTheVersionItMovedTo() {
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        new AgencyMovedToCodeVersion(
                                AGENCY_ID, CODE_VERSION, "2013.1", "consultation-1", ADOPTED_ON, ADOPTION_RECORDED))
                .when(new MoveToCodeVersion(AGENCY_ID, "2015.1", "consultation-2", ADOPTED_ON, ADOPTION_RECORDED))
                .expectEvents(new AgencyMovedToCodeVersion(
                        AGENCY_ID, "2013.1", "2015.1", "consultation-2", ADOPTED_ON, ADOPTION_RECORDED));
    }

    @Test
    void movingToTheVersionItIsOnRecordsNothing() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(new MoveToCodeVersion(AGENCY_ID, CODE_VERSION, "consultation-1", ADOPTED_ON, ADOPTION_RECORDED))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAgencySignedAgainIsOnTheVersionItSignedThen() {
        fixture.given(
                        signed(SIGNED_ON, SIGN_RECORDED),
                        withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED),
                        new AgencySignedAgain(
                                AGENCY_ID, SIGNED_AGAIN_ON, "2012.1", RAJ, WITHDRAWN_ON, SIGN_AGAIN_RECORDED))
                .when(new MoveToCodeVersion(AGENCY_ID, "2012.1", "consultation-1", ADOPTED_ON, ADOPTION_RECORDED))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAgencyDoesNotMove() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED), withdrawn(WITHDRAWN_ON, WITHDRAW_RECORDED))
                .when(new MoveToCodeVersion(AGENCY_ID, "2013.1", "consultation-1", ADOPTED_ON, ADOPTION_RECORDED))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void anAgencyMovesOnlyToANamedVersion() {
        fixture.given(signed(SIGNED_ON, SIGN_RECORDED))
                .when(new MoveToCodeVersion(AGENCY_ID, " ", "consultation-1", ADOPTED_ON, ADOPTION_RECORDED))
                .expectException(invalidInputOn("codeVersion"))
                .expectNoEvents();
    }

    private static SignAgency sign(LocalDate signedOn, Instant recordedAt) {
        return new SignAgency(AGENCY_ID, NAME, Sector.EDUCATION, AREA, SUE, signedOn, CODE_VERSION, recordedAt);
    }

    private static AgencySigned signed(LocalDate signedOn, Instant recordedAt) {
        return new AgencySigned(AGENCY_ID, NAME, Sector.EDUCATION, AREA, SUE, signedOn, CODE_VERSION, recordedAt);
    }

    private static WithdrawAgency withdraw(LocalDate withdrawnOn, Instant recordedAt) {
        return new WithdrawAgency(AGENCY_ID, withdrawnOn, "School closed and merged", recordedAt);
    }

    private static AgencyWithdrawn withdrawn(LocalDate withdrawnOn, Instant recordedAt) {
        return new AgencyWithdrawn(AGENCY_ID, withdrawnOn, "School closed and merged", recordedAt);
    }
}
