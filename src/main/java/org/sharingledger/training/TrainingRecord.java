package org.sharingledger.training;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.training.api.Course;
import org.sharingledger.training.api.RecordTraining;
import org.sharingledger.training.api.TrainingRecorded;

/**
 * One attendance of a course by a member of an agency's staff. Its id is derived from the agency, the person, the
 * course and the day, so the event store itself refuses to record the same attendance twice.
 */
@Aggregate
class TrainingRecord {

    @AggregateIdentifier
    @SuppressWarnings("UnusedVariable") // Axon reads it as the aggregate's identifier
    private String recordId;

    protected TrainingRecord() {}

    @CommandHandler
    TrainingRecord(RecordTraining command) {
        List<FieldProblem> problems = problems(command);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        apply(new TrainingRecorded(
                command.recordId(),
                command.agencyId(),
                command.practitioner().strip().replaceAll("\\s+", " "),
                command.username(),
                command.course(),
                command.completedOn(),
                command.assessmentPassed(),
                command.validUntil(),
                command.recordedAt()));
    }

    /** The rules of one attendance, each broken one named by its field (the import names its line too). */
    static List<FieldProblem> problems(RecordTraining command) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(command.recordedAt(), ZoneOffset.UTC);
        if (command.completedOn().isAfter(today)) {
            problems.add(new FieldProblem("completedOn", "must not be in the future"));
        }
        if (command.validUntil() != null && command.validUntil().isBefore(command.completedOn())) {
            problems.add(new FieldProblem("validUntil", "must not be before completedOn"));
        }
        if (command.course() == Course.ONLINE_INFORMATION_SHARING && command.assessmentPassed() == null) {
            problems.add(
                    new FieldProblem("assessmentPassed", "is required for ONLINE_INFORMATION_SHARING (true or false)"));
        }
        return problems;
    }

    @EventSourcingHandler
    void on(TrainingRecorded event) {
        recordId = event.recordId();
    }
}
