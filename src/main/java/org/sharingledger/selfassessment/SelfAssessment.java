package org.sharingledger.selfassessment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.selfassessment.api.OpenSelfAssessment;
import org.sharingledger.selfassessment.api.Question;
import org.sharingledger.selfassessment.api.QuestionAnswer;
import org.sharingledger.selfassessment.api.ReturnSelfAssessment;
import org.sharingledger.selfassessment.api.SelfAssessmentOpened;
import org.sharingledger.selfassessment.api.SelfAssessmentOverdue;
import org.sharingledger.selfassessment.api.SelfAssessmentReturned;
import org.sharingledger.selfassessment.api.SelfAssessmentStatus;
import org.sharingledger.selfassessment.api.SelfAssessments;

/**
 * One self-assessment round: circulated to the agencies signed when it opened, returned (and returned again) by them,
 * and at {@code dueBy}, by a deadline that survives restarts, the agencies that had not returned are recorded
 * overdue. A return after {@code dueBy} is still taken, marked late; the overdue fact stays in the history.
 */
@Aggregate
class SelfAssessment {

    static final String DUE_BY = "due-by";

    @AggregateIdentifier
    private String selfAssessmentId;

    private Instant dueBy;
    private List<String> circulatedTo;
    private List<String> questionIds;
    private final Set<String> returned = new HashSet<>();
    private SelfAssessmentStatus status;

    protected SelfAssessment() {}

    @CommandHandler
    SelfAssessment(OpenSelfAssessment command, DeadlineManager deadlines) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.dueBy() == null || !command.dueBy().isAfter(command.recordedAt())) {
            problems.add(new FieldProblem("dueBy", "must be in the future"));
        }
        if (command.questions().isEmpty()) {
            problems.add(new FieldProblem("questions", "must ask at least one question"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < command.questions().size(); i++) {
            String id = command.questions().get(i).id();
            if (isBlank(id)) {
                problems.add(new FieldProblem("questions[" + i + "].id", "must not be blank"));
            } else if (!ids.add(id)) {
                problems.add(new FieldProblem("questions[" + i + "].id", "repeats the id " + id));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (command.circulatedTo().isEmpty()) {
            throw new StepNotAllowed("no agency is signed: there is no one to circulate the round to");
        }
        apply(new SelfAssessmentOpened(
                command.selfAssessmentId(),
                command.title(),
                command.questions(),
                command.dueBy(),
                command.circulatedTo(),
                command.recordedAt()));
        deadlines.schedule(command.dueBy(), DUE_BY);
    }

    @CommandHandler
    SelfAssessments.Returned handle(ReturnSelfAssessment command) {
        if (!circulatedTo.contains(command.agencyId())) {
            throw new StepNotAllowed(
                    "the round was not circulated to " + command.agencyId() + ": it may not return it");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> answered = new HashMap<>();
        List<QuestionAnswer> answers = command.answers();
        for (int i = 0; i < answers.size(); i++) {
            QuestionAnswer answer = answers.get(i);
            String field = "answers[" + i + "]";
            if (!questionIds.contains(answer.questionId())) {
                problems.add(new FieldProblem(field + ".questionId", "is not a question of this round"));
            } else if (answered.putIfAbsent(answer.questionId(), i) != null) {
                problems.add(new FieldProblem(field + ".questionId", "answers " + answer.questionId() + " again"));
            }
            if (answer.answer() == null) {
                problems.add(new FieldProblem(field + ".answer", "must be YES, PARTLY or NO"));
            } else if (answer.answer().needsEvidence() && isBlank(answer.evidence())) {
                problems.add(new FieldProblem(field + ".evidence", "is required with " + answer.answer()));
            }
        }
        Set<String> unanswered = new LinkedHashSet<>(questionIds);
        unanswered.removeAll(answered.keySet());
        if (!unanswered.isEmpty()) {
            problems.add(new FieldProblem("answers", "must answer every question: " + String.join(", ", unanswered)));
        }
        if (isBlank(command.statement())) {
            problems.add(new FieldProblem("statement", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        List<QuestionAnswer> inOrder = new ArrayList<>(answers);
        inOrder.sort(
                (a, b) -> Integer.compare(questionIds.indexOf(a.questionId()), questionIds.indexOf(b.questionId())));
        SelfAssessmentReturned event = new SelfAssessmentReturned(
                selfAssessmentId,
                command.agencyId(),
                inOrder.stream()
                        .map(a -> new QuestionAnswer(
                                a.questionId(), a.answer(), isBlank(a.evidence()) ? null : a.evidence()))
                        .toList(),
                command.statement(),
                !command.recordedAt().isBefore(dueBy),
                command.recordedAt());
        boolean first = !returned.contains(command.agencyId());
        apply(event);
        return new SelfAssessments.Returned(selfAssessmentId, command.agencyId(), first, event.late());
    }

    /** The due time passed. If it was recorded already, nothing happens. */
    @DeadlineHandler(deadlineName = DUE_BY)
    void onDueBy() {
        if (status == SelfAssessmentStatus.OPEN) {
            Instant now = GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<String> outstanding = circulatedTo.stream()
                    .filter(agency -> !returned.contains(agency))
                    .toList();
            apply(
                    new SelfAssessmentOverdue(selfAssessmentId, outstanding, now.isBefore(dueBy) ? dueBy : now),
                    MetaData.from(ActorMetaData.of(Actor.SYSTEM, null)));
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    @EventSourcingHandler
    void on(SelfAssessmentOpened event) {
        selfAssessmentId = event.selfAssessmentId();
        dueBy = event.dueBy();
        circulatedTo = event.circulatedTo();
        questionIds = event.questions().stream().map(Question::id).toList();
        status = SelfAssessmentStatus.OPEN;
    }

    @EventSourcingHandler
    void on(SelfAssessmentReturned event) {
        returned.add(event.agencyId());
    }

    @EventSourcingHandler
    void on(SelfAssessmentOverdue event) {
        status = SelfAssessmentStatus.CLOSED;
    }
}
