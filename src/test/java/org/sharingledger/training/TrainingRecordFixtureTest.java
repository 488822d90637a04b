package org.sharingledger.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.training.api.Course;
import org.sharingledger.training.api.RecordTraining;
import org.sharingledger.training.api.TrainingRecorded;
import org.sharingledger.training.api.TrainingRecords;

/** The rules of one attendance, on Axon's fixture: each broken rule is a 400 that records nothing. */
class TrainingRecordFixtureTest {

    private static final String AGENCY_ID = "brackenmoor-primary-school";
    private static final Instant RECORDED = Instant.parse("2009-03-31T16:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2009-03-31");

    private AggregateTestFixture<TrainingRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TrainingRecord.class);
    }

    private static RecordTraining record(
            String practitioner, Course course, LocalDate completedOn, Boolean passed, LocalDate validUntil) {
        return new RecordTraining(
                TrainingRecords.recordId(AGENCY_ID, practitioner, course, completedOn),
                AGENCY_ID,
                practitioner,
                null,
                course,
                completedOn,
                passed,
                validUntil,
                RECORDED);
    }

    private static TrainingRecorded recorded(RecordTraining command, String practitioner) {
        return new TrainingRecorded(
                command.recordId(),
                command.agencyId(),
                practitioner,
                command.username(),
                command.course(),
                command.completedOn(),
                command.assessmentPassed(),
                command.validUntil(),
                command.recordedAt());
    }

    @Test
    void anAttendanceIsRecordedWithTheNameTidied() {
        RecordTraining command = record("  Sue   Dsl ", Course.MULTI_AGENCY_COURSE, TODAY.minusYears(1), null, null);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded(command, "Sue Dsl"));
    }

    @Test
    void aCourseMayBeRecordedOnTheDayItWasCompleted() {
        RecordTraining command = record("Sue Dsl", Course.AGENCY_COURSE, TODAY, null, null);
        fixture.givenNoPriorActivity().when(command).expectEvents(recorded(command, "Sue Dsl"));
    }

    @Test
    void completedOnMustNotBeInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(record("Sue Dsl", Course.MULTI_AGENCY_COURSE, TODAY.plusDays(1), null, null))
                .expectException(invalidInputOn("completedOn"))
                .expectNoEvents();
    }

    @Test
    void validUntilMustNotBeBeforeCompletedOn() {
        fixture.givenNoPriorActivity()
                .when(record("Sue Dsl", Course.ONLINE_INFORMATION_SHARING, TODAY, true, TODAY.minusDays(1)))
                .expectException(invalidInputOn("validUntil"))
                .expectNoEvents();
    }

    @Test
    void validUntilMayBeTheDayOfCompletion() {
        RecordTraining command = record("Sue Dsl", Course.ONLINE_INFORMATION_SHARING, TODAY, true, TODAY);
        fixture.givenNoPriorActivity().when(command).expectEvents(recorded(command, "Sue Dsl"));
    }

    @Test
    void theOnlineCourseNeedsItsAssessmentResult() {
        fixture.givenNoPriorActivity()
                .when(record("Sue Dsl", Course.ONLINE_INFORMATION_SHARING, TODAY, null, null))
                .expectException(invalidInputOn("assessmentPassed"))
                .expectNoEvents();
    }

    @Test
    void aFailedOnlineAssessmentIsRecordedToo() {
        RecordTraining command = record("Sue Dsl", Course.ONLINE_INFORMATION_SHARING, TODAY, false, null);
        fixture.givenNoPriorActivity().when(command).expectEvents(recorded(command, "Sue Dsl"));
    }

    @Test
    void otherCoursesNeedNoAssessmentResult() {
        RecordTraining command = record("Sue Dsl", Course.MULTI_AGENCY_COURSE, TODAY, null, null);
        fixture.givenNoPriorActivity().when(command).expectEvents(recorded(command, "Sue Dsl"));
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(record("Sue Dsl", Course.ONLINE_INFORMATION_SHARING, TODAY.plusDays(2), null, TODAY))
                .expectException(invalidInputOn("completedOn", "validUntil", "assessmentPassed"))
                .expectNoEvents();
    }

    @Test
    void theImportChecksTheSameRulesWithoutTheAggregate() {
        assertThat(TrainingRecord.problems(
                        record("Sue Dsl", Course.ONLINE_INFORMATION_SHARING, TODAY.plusDays(1), null, null)))
                .extracting(FieldProblem::field)
                .containsExactly("completedOn", "assessmentPassed");
        assertThat(TrainingRecord.problems(record("Sue Dsl", Course.MULTI_AGENCY_COURSE, TODAY, null, null)))
                .isEmpty();
    }
}
