package org.sharingledger.selfassessment;

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
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.selfassessment.api.OpenSelfAssessment;
import org.sharingledger.selfassessment.api.Question;
import org.sharingledger.selfassessment.api.QuestionAnswer;
import org.sharingledger.selfassessment.api.ReturnSelfAssessment;
import org.sharingledger.selfassessment.api.SelfAssessmentAnswer;
import org.sharingledger.selfassessment.api.SelfAssessmentOpened;
import org.sharingledger.selfassessment.api.SelfAssessmentOverdue;
import org.sharingledger.selfassessment.api.SelfAssessmentReturned;
import org.sharingledger.selfassessment.api.SelfAssessments;

/**
 * A self-assessment round, rule by rule: given what already happened, when the Trust opens it, an agency returns it
 * or its due time passes, then what is recorded or which rule refuses it.
 */
class SelfAssessmentFixtureTest {

    private static final String ID = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String TITLE = "Position statement for the Laming review";
    private static final Question Q1 =
            new Question("q1", "Do your staff know how to share information about a child at risk?");
    private static final Question Q2 = new Question("q2", "Have your staff attended the multi-agency course?");
    private static final Question Q3 = new Question("q3", "Does your agency have a named safeguarding lead?");
    private static final List<Question> QUESTIONS = List.of(Q1, Q2, Q3);
    private static final String SCHOOL = "brackenmoor-primary-school";
    private static final String POLICE = "ashcombe-police";
    private static final String HEALTH = "north-middlesex-health";
    private static final String NOT_CIRCULATED = "signed-after-opening";
    private static final List<String> CIRCULATED = List.of(SCHOOL, POLICE, HEALTH);

    private static final Instant OPENED_AT = Instant.parse("2009-03-02T09:00:00Z");
    private static final Duration NOTICE = Duration.ofDays(21);
    private static final Instant DUE_BY = OPENED_AT.plus(NOTICE);
    private static final Instant DURING = Instant.parse("2009-03-10T11:00:00Z");
    private static final Instant LATER = Instant.parse("2009-03-16T16:00:00Z");
    private static final Instant AFTER = Instant.parse("2009-03-30T10:00:00Z");
    private static final String STATEMENT = "The school shares information under the Code; training is under way.";

    private AggregateTestFixture<SelfAssessment> fixture;
    private Clock clockBefore;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SelfAssessment.class);
        clockBefore = GenericEventMessage.clock;
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = clockBefore;
    }

    // ---------------------------------------------------------------- opening

    @Test
    void openingFixesTheCirculatedAgenciesAndSchedulesTheDueTime() {
        fixture.givenNoPriorActivity()
                .when(open(QUESTIONS, DUE_BY, CIRCULATED))
                .expectEvents(opened())
                .expectScheduledDeadlineWithName(DUE_BY, SelfAssessment.DUE_BY);
    }

    @Test
    void aDueTimeSecondsAheadIsEnoughThereIsNoMinimumNotice() {
        Instant soon = OPENED_AT.plusSeconds(3);
        fixture.givenNoPriorActivity()
                .when(open(QUESTIONS, soon, CIRCULATED))
                .expectEvents(new SelfAssessmentOpened(ID, TITLE, QUESTIONS, soon, CIRCULATED, OPENED_AT));
    }

    @Test
    void aDueTimeNowOrInThePastIsRefused() {
        fixture.givenNoPriorActivity()
                .when(open(QUESTIONS, OPENED_AT, CIRCULATED))
                .expectException(invalidInputOn("dueBy"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRoundAsksAtLeastOneQuestion() {
        fixture.givenNoPriorActivity()
                .when(open(List.of(), DUE_BY, CIRCULATED))
                .expectException(invalidInputOn("questions"));
    }

    @Test
    void questionIdsAreUniqueAndNotBlank() {
        fixture.givenNoPriorActivity()
                .when(open(
                        List.of(Q1, new Question(" ", "Blank id?"), new Question("q1", "Again?")), DUE_BY, CIRCULATED))
                .expectException(invalidInputOn("questions[1].id", "questions[2].id"))
                .expectNoEvents();
    }

    @Test
    void withNoSignedAgencyThereIsNoOneToAsk() {
        fixture.givenNoPriorActivity().when(open(QUESTIONS, DUE_BY, List.of())).expectException(StepNotAllowed.class);
    }

    // ---------------------------------------------------------------- returning

    @Test
    void aCirculatedAgencyReturnsAnAnswerToEveryQuestionAndAStatement() {
        fixture.given(opened())
                .when(giveBack(SCHOOL, allYes(), STATEMENT, DURING))
                .expectEvents(returned(SCHOOL, allYes(), false, DURING))
                .expectResultMessagePayload(new SelfAssessments.Returned(ID, SCHOOL, true, false));
    }

    @Test
    void answersAreRecordedInTheOrderTheQuestionsWereAsked() {
        List<QuestionAnswer> shuffled = List.of(yes("q3"), yes("q1"), yes("q2"));
        fixture.given(opened())
                .when(giveBack(SCHOOL, shuffled, STATEMENT, DURING))
                .expectEvents(returned(SCHOOL, allYes(), false, DURING));
    }

    @Test
    void partlyAndNoNeedEvidence() {
        fixture.given(opened())
                .when(giveBack(
                        POLICE,
                        List.of(
                                yes("q1"),
                                answer("q2", SelfAssessmentAnswer.PARTLY, " "),
                                answer("q3", SelfAssessmentAnswer.NO, null)),
                        STATEMENT,
                        DURING))
                .expectException(invalidInputOn("answers[1].evidence", "answers[2].evidence"))
                .expectNoEvents();
    }

    @Test
    void partlyAndNoWithEvidenceAreRecorded() {
        List<QuestionAnswer> answers = List.of(
                yes("q1"),
                answer("q2", SelfAssessmentAnswer.PARTLY, "Half the team attended in 2008"),
                answer("q3", SelfAssessmentAnswer.NO, "The post is being recruited"));
        fixture.given(opened())
                .when(giveBack(POLICE, answers, STATEMENT, DURING))
                .expectEvents(returned(POLICE, answers, false, DURING));
    }

    @Test
    void everyQuestionIsAnswered() {
        fixture.given(opened())
                .when(giveBack(SCHOOL, List.of(yes("q1"), yes("q3")), STATEMENT, DURING))
                .expectException(invalidInputOn("answers"))
                .expectNoEvents();
    }

    @Test
    void noQuestionIsAnsweredTwiceNorAnUnknownOne() {
        fixture.given(opened())
                .when(giveBack(
                        SCHOOL, List.of(yes("q1"), yes("q2"), yes("q9"), yes("q3"), yes("q2")), STATEMENT, DURING))
                .expectException(invalidInputOn("answers[2].questionId", "answers[4].questionId"))
                .expectNoEvents();
    }

    @Test
    void aStatementIsRequired() {
        fixture.given(opened())
                .when(giveBack(SCHOOL, allYes(), "  ", DURING))
                .expectException(invalidInputOn("statement"))
                .expectNoEvents();
    }

    @Test
    void anAgencyTheRoundWasNotCirculatedToMayNotReturnIt() {
        fixture.given(opened())
                .when(giveBack(NOT_CIRCULATED, allYes(), STATEMENT, DURING))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void anAgencyMayReturnAgainAndEveryReturnIsKept() {
        List<QuestionAnswer> revised =
                List.of(yes("q1"), answer("q2", SelfAssessmentAnswer.NO, "Course postponed"), yes("q3"));
        fixture.given(opened(), returned(HEALTH, allYes(), false, DURING))
                .when(giveBack(HEALTH, revised, "Revised after the board", LATER))
                .expectEvents(new SelfAssessmentReturned(ID, HEALTH, revised, "Revised after the board", false, LATER))
                .expectResultMessagePayload(new SelfAssessments.Returned(ID, HEALTH, false, false));
    }

    @Test
    void aReturnAtOrAfterTheDueTimeIsTakenAndMarkedLate() {
        fixture.given(opened(), overdue(CIRCULATED))
                .when(giveBack(POLICE, allYes(), STATEMENT, AFTER))
                .expectEvents(returned(POLICE, allYes(), true, AFTER));
        fixture.given(opened())
                .when(giveBack(POLICE, allYes(), STATEMENT, DUE_BY))
                .expectEvents(returned(POLICE, allYes(), true, DUE_BY));
    }

    // ---------------------------------------------------------------- the due time

    @Test
    void atTheDueTimeEveryAgencyThatHasNotReturnedIsRecordedOverdue() {
        wallClockAt(DUE_BY);
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(QUESTIONS, DUE_BY, CIRCULATED), giveBack(POLICE, allYes(), STATEMENT, DURING))
                .whenTimeElapses(NOTICE)
                .expectTriggeredDeadlinesWithName(SelfAssessment.DUE_BY)
                .expectEvents(overdue(List.of(SCHOOL, HEALTH)));
    }

    @Test
    void whenEveryAgencyReturnedNoneIsOverdueButTheDueTimeIsStillRecorded() {
        wallClockAt(DUE_BY);
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(
                        open(QUESTIONS, DUE_BY, CIRCULATED),
                        giveBack(SCHOOL, allYes(), STATEMENT, DURING),
                        giveBack(POLICE, allYes(), STATEMENT, DURING),
                        giveBack(HEALTH, allYes(), STATEMENT, DURING))
                .whenTimeElapses(NOTICE)
                .expectEvents(overdue(List.of()));
    }

    @Test
    void nothingIsOverdueBeforeTheDueTime() {
        wallClockAt(DUE_BY.minusSeconds(1));
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(QUESTIONS, DUE_BY, CIRCULATED))
                .whenTimeElapses(NOTICE.minusSeconds(1))
                .expectTriggeredDeadlinesWithName()
                .expectNoEvents();
    }

    @Test
    void aDeadlineFiredLateRecordsTheTimeItFired() {
        Instant firedLate = DUE_BY.plusSeconds(90);
        wallClockAt(firedLate);
        fixture.givenCurrentTime(OPENED_AT)
                .andGivenCommands(open(QUESTIONS, DUE_BY, CIRCULATED))
                .whenTimeAdvancesTo(firedLate)
                .expectEvents(new SelfAssessmentOverdue(ID, CIRCULATED, firedLate));
    }

    @Test
    void aLateReturnLeavesTheOverdueFactInTheHistory() {
        fixture.given(opened(), overdue(CIRCULATED), returned(SCHOOL, allYes(), true, AFTER))
                .when(giveBack(SCHOOL, allYes(), "Again", AFTER.plusSeconds(60)))
                .expectEvents(returned(SCHOOL, allYes(), "Again", true, AFTER.plusSeconds(60)));
    }

    // ---------------------------------------------------------------- helpers

    private static OpenSelfAssessment open(List<Question> questions, Instant dueBy, List<String> circulated) {
        return new OpenSelfAssessment(ID, TITLE, questions, dueBy, circulated, OPENED_AT);
    }

    private static SelfAssessmentOpened opened() {
        return new SelfAssessmentOpened(ID, TITLE, QUESTIONS, DUE_BY, CIRCULATED, OPENED_AT);
    }

    private static ReturnSelfAssessment giveBack(
            String agencyId, List<QuestionAnswer> answers, String statement, Instant at) {
        return new ReturnSelfAssessment(ID, agencyId, answers, statement, at);
    }

    private static SelfAssessmentReturned returned(
            String agencyId, List<QuestionAnswer> answers, boolean late, Instant at) {
        return returned(agencyId, answers, STATEMENT, late, at);
    }

    private static SelfAssessmentReturned returned(
            String agencyId, List<QuestionAnswer> answers, String statement, boolean late, Instant at) {
        return new SelfAssessmentReturned(ID, agencyId, answers, statement, late, at);
    }

    private static SelfAssessmentOverdue overdue(List<String> outstanding) {
        return new SelfAssessmentOverdue(ID, outstanding, DUE_BY);
    }

    private static List<QuestionAnswer> allYes() {
        return List.of(yes("q1"), yes("q2"), yes("q3"));
    }

    private static QuestionAnswer yes(String questionId) {
        return answer(questionId, SelfAssessmentAnswer.YES, null);
    }

    private static QuestionAnswer answer(String questionId, SelfAssessmentAnswer answer, String evidence) {
        return new QuestionAnswer(questionId, answer, evidence);
    }

    /** The clock a deadline handler reads when it fires. */
    private static void wallClockAt(Instant instant) {
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }
}
