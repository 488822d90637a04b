package org.sharingledger.consultation;

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
import org.sharingledger.consultation.api.AdoptCodeVersion;
import org.sharingledger.consultation.api.CodeVersionAdopted;
import org.sharingledger.consultation.api.CommentOnConsultation;
import org.sharingledger.consultation.api.ConsultationAnswered;
import org.sharingledger.consultation.api.ConsultationClosed;
import org.sharingledger.consultation.api.ConsultationCommented;
import org.sharingledger.consultation.api.ConsultationOpened;
import org.sharingledger.consultation.api.ConsultationResponse;
import org.sharingledger.consultation.api.OpenConsultation;
import org.sharingledger.consultation.api.RespondToConsultation;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;

/**
 * A consultation on a new version of the Code, rule by rule: given what already happened, when an agency answers,
 * someone comments, the closing time passes or the Trust adopts, then what is recorded or which rule refuses it.
 */
class ConsultationFixtureTest {

    private static final String ID = "8a7c1e90-2b3d-4f5e-9a6b-7c8d9e0f1a2b";
    private static final String VERSION = "2010.1";
    private static final String TITLE = "From Protocol to Code of Practice";
    private static final String SUMMARY = "The Protocol becomes a Code of Practice; silence counts as agreement";
    private static final String SCHOOL = "brackenmoor-primary-school";
    private static final String POLICE = "ashcombe-police";
    private static final String HEALTH = "north-middlesex-health";
    private static final String YOUTH = "vale-youth-club";
    private static final String NOT_CIRCULATED = "signed-after-opening";
    private static final List<String> CIRCULATED = List.of(SCHOOL, POLICE, HEALTH, YOUTH);

    private static final Instant OPENED_AT = Instant.parse("2010-01-04T09:00:00Z");
    private static final Duration NOTICE = Duration.ofDays(28);
    private static final Instant RESPOND_BY = OPENED_AT.plus(NOTICE);
    private static final Instant DURING = Instant.parse("2010-01-12T14:30:00Z");
    private static final Instant LATER = Instant.parse("2010-01-20T10:00:00Z");
    private static final Instant AFTER = Instant.parse("2010-02-05T15:00:00Z");
    private static final LocalDate ADOPTED_ON = LocalDate.of(2010, 2, 5);

    private AggregateTestFixture<Consultation> fixture;
    private Clock clockBefore;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Consultation.class);
        clockBefore = GenericEventMessage.clock;
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = clockBefore;
    }

    // ---------------------------------------------------------------- opening

    @Test
    void openingFixesTheCirculatedAgenciesAndSchedulesTheClosing() {
        fixture.givenNoPriorActivity()
                .when(open())
                .expectEvents(opened())
                .expectScheduledDeadlineWithName(RESPOND_BY, Consultation.RESPOND_BY);
    }

    @Test
    void aClosingTimeInThePastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation(ID, VERSION, TITLE, SUMMARY, OPENED_AT, CIRCULATED, OPENED_AT))
                .expectException(InvalidInput.class)
                .expectException(invalidInputOn("respondBy"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void withNoSignedAgencyThereIsNoOneToConsult() {
        fixture.givenNoPriorActivity()
                .when(new OpenConsultation(ID, VERSION, TITLE, SUMMARY, RESPOND_BY, List.of(), OPENED_AT))
                .expectException(StepNotAllowed.class);
    }

    // ---------------------------------------------------------------- answering

    @Test
    void aCirculatedAgencyAnswers() {
        fixture.given(opened())
                .when(answer(SCHOOL, ConsultationResponse.AGREE, null, DURING))
                .expectEvents(answered(SCHOOL, ConsultationResponse.AGREE, null, DURING));
    }

    @Test
    void anObjectionNeedsComments() {
        fixture.given(opened())
                .when(answer(POLICE, ConsultationResponse.OBJECT, "  ", DURING))
                .expectException(invalidInputOn("comments"))
                .expectNoEvents();
    }

    @Test
    void anObjectionWithCommentsIsRecorded() {
        fixture.given(opened())
                .when(answer(POLICE, ConsultationResponse.OBJECT, "Section 4 conflicts with our guidance", DURING))
                .expectEvents(
                        answered(POLICE, ConsultationResponse.OBJECT, "Section 4 conflicts with our guidance", DURING));
    }

    @Test
    void anAgencyMayChangeItsAnswerUntilTheClosingTimeAndEveryAnswerIsKept() {
        fixture.given(opened(), answered(HEALTH, ConsultationResponse.AGREE, null, DURING))
                .when(answer(HEALTH, ConsultationResponse.WITHDRAW, "Our board declined", LATER))
                .expectEvents(answered(HEALTH, ConsultationResponse.WITHDRAW, "Our board declined", LATER));
    }

    @Test
    void anAgencyTheConsultationWasNotCirculatedToMayNotAnswer() {
        fixture.given(opened())
                .when(answer(NOT_CIRCULATED, ConsultationResponse.AGREE, null, DURING))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void noAnswerIsTakenAtOrAfterTheClosingTimeEvenBeforeTheDeadlineFires() {
        fixture.given(opened())
                .when(answer(SCHOOL, ConsultationResponse.AGREE, null, RESPOND_BY))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void noAnswerIsTakenOnceClosed() {
        fixture.given(opened(), closed(CIRCULATED))
                .when(answer(SCHOOL, ConsultationResponse.AGREE, null, DURING))
                .expectException(StepNotAllowed.class);
    }

    // ---------------------------------------------------------------- the discussion

    @Test
    void theTrustAndCirculatedAgenciesComment() {
        fixture.given(opened())
                .when(new CommentOnConsultation(ID, null, "Please read section 4 with the guidance", DURING))
                .expectEvents(new ConsultationCommented(ID, null, "Please read section 4 with the guidance", DURING));
        fixture.given(opened())
                .when(new CommentOnConsultation(ID, POLICE, "Could section 4 name the guidance?", DURING))
                .expectEvents(new ConsultationCommented(ID, POLICE, "Could section 4 name the guidance?", DURING));
    }

    @Test
    void anAgencyTheConsultationWasNotCirculatedToMayNotComment() {
        fixture.given(opened())
                .when(new CommentOnConsultation(ID, NOT_CIRCULATED, "May we join?", DURING))
                .expectException(NotPermitted.class);
    }

    @Test
    void theDiscussionGoesOnAfterClosingButEndsWithAdoption() {
        fixture.given(opened(), closed(CIRCULATED))
                .when(new CommentOnConsultation(ID, null, "We will adopt next week", AFTER))
                .expectEvents(new ConsultationCommented(ID, null, "We will adopt next week", AFTER));
        fixture.given(opened(), closed(CIRCULATED), adopted(CIRCULATED, List.of()))
                .when(new CommentOnConsultation(ID, null, "Too late", AFTER))
                .expectException(StepNotAllowed.class);
    }

    // ---------------------------------------------------------------- closing

    @Test
    void atTheClosingTimeEveryAgencyThatNeverAnsweredIsDeemedToAgreeWithNoQuorum() {
        wallClockAt(RESPOND_BY);
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(
                        open(),
                        answer(SCHOOL, ConsultationResponse.AGREE, null, DURING),
                        answer(POLICE, ConsultationResponse.OBJECT, "Section 4", DURING))
                .whenTimeElapses(NOTICE)
                .expectTriggeredDeadlinesWithName(Consultation.RESPOND_BY)
                .expectEvents(new ConsultationClosed(ID, VERSION, List.of(HEALTH, YOUTH), RESPOND_BY));
    }

    @Test
    void nothingClosesBeforeTheClosingTime() {
        wallClockAt(RESPOND_BY.minusSeconds(1));
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open())
                .whenTimeElapses(NOTICE.minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void aDeadlineFiredLateClosesAtTheTimeItFired() {
        Instant firedLate = RESPOND_BY.plusSeconds(90);
        wallClockAt(firedLate);
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open())
                .whenTimeAdvancesTo(firedLate)
                .expectEvents(new ConsultationClosed(ID, VERSION, CIRCULATED, firedLate));
    }

    // ---------------------------------------------------------------- adoption

    @Test
    void adoptionMovesEveryAgencyButThoseWhoseLastAnswerWasWithdraw() {
        fixture.given(
                        opened(),
                        answered(SCHOOL, ConsultationResponse.WITHDRAW, "Not for us", DURING),
                        answered(SCHOOL, ConsultationResponse.AGREE, null, LATER),
                        answered(POLICE, ConsultationResponse.OBJECT, "Section 4", DURING),
                        answered(HEALTH, ConsultationResponse.WITHDRAW, "Our board declined", LATER),
                        closed(List.of(YOUTH)))
                .when(new AdoptCodeVersion(ID, ADOPTED_ON, "Adopted at the Trust board", AFTER))
                .expectEvents(new CodeVersionAdopted(
                        ID,
                        VERSION,
                        TITLE,
                        ADOPTED_ON,
                        "Adopted at the Trust board",
                        List.of(SCHOOL, POLICE, YOUTH),
                        List.of(HEALTH),
                        AFTER));
    }

    @Test
    void aVersionIsNotAdoptedWhileItsConsultationIsOpen() {
        fixture.given(opened())
                .when(new AdoptCodeVersion(ID, LocalDate.of(2010, 1, 12), null, DURING))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void adoptionAfterTheClosingTimeClosesTheConsultationFirstIfItsDeadlineHasNotFired() {
        fixture.given(opened())
                .when(new AdoptCodeVersion(ID, ADOPTED_ON, null, AFTER))
                .expectEvents(
                        new ConsultationClosed(ID, VERSION, CIRCULATED, RESPOND_BY),
                        new CodeVersionAdopted(ID, VERSION, TITLE, ADOPTED_ON, null, CIRCULATED, List.of(), AFTER))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aVersionIsAdoptedOnlyOnce() {
        fixture.given(opened(), closed(CIRCULATED), adopted(CIRCULATED, List.of()))
                .when(new AdoptCodeVersion(ID, ADOPTED_ON, null, AFTER))
                .expectException(StepNotAllowed.class);
    }

    @Test
    void adoptionIsNotDatedBeforeTheConsultationOpened() {
        fixture.given(opened(), closed(CIRCULATED))
                .when(new AdoptCodeVersion(ID, LocalDate.of(2010, 1, 3), null, AFTER))
                .expectException(invalidInputOn("adoptedOn"));
    }

    @Test
    void adoptionIsNotDatedInTheFuture() {
        fixture.given(opened(), closed(CIRCULATED))
                .when(new AdoptCodeVersion(ID, LocalDate.of(2010, 2, 8), null, AFTER))
                .expectException(invalidInputOn("adoptedOn"));
    }

    // ---------------------------------------------------------------- helpers

    private static OpenConsultation open() {
        return new OpenConsultation(ID, VERSION, TITLE, SUMMARY, RESPOND_BY, CIRCULATED, OPENED_AT);
    }

    /** The clock a deadline handler reads when it fires. */
    private static void wallClockAt(Instant instant) {
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static ConsultationOpened opened() {
        return new ConsultationOpened(ID, VERSION, TITLE, SUMMARY, RESPOND_BY, CIRCULATED, OPENED_AT);
    }

    private static RespondToConsultation answer(
            String agencyId, ConsultationResponse response, String comments, Instant at) {
        return new RespondToConsultation(ID, agencyId, response, comments, at);
    }

    private static ConsultationAnswered answered(
            String agencyId, ConsultationResponse response, String comments, Instant at) {
        return new ConsultationAnswered(ID, agencyId, response, comments, at);
    }

    private static ConsultationClosed closed(List<String> deemed) {
        return new ConsultationClosed(ID, VERSION, deemed, RESPOND_BY);
    }

    private static CodeVersionAdopted adopted(List<String> moving, List<String> withdrawing) {
        return new CodeVersionAdopted(ID, VERSION, TITLE, ADOPTED_ON, null, moving, withdrawing, AFTER);
    }
}
