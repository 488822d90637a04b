package org.sharingledger.training;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sharingledger.access.api.AccountDirectory;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.InvalidLines;
import org.sharingledger.platform.rules.InvalidLines.LineProblem;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.BodyText;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.training.api.Accreditations;
import org.sharingledger.training.api.Course;
import org.sharingledger.training.api.RecordTraining;
import org.sharingledger.training.api.TrainingRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks before a training record (who may, that the agency is registered, that a linked username is one of its
 * users, that it is new) and the command that records it; the import of a whole file, checked line by line first. The
 * aggregate, {@link TrainingRecord}, holds the rules of the record itself, and the import asks the same rules of
 * every line ({@link TrainingRecord#problems}) before it records any.
 */
@Service
class TrainingService implements TrainingRecords {

    private static final String COURSES =
            Arrays.stream(Course.values()).map(Course::name).collect(Collectors.joining(", "));

    private final Commands commands;
    private final AgencyDirectory agencies;
    private final AccountDirectory accounts;
    private final Accreditations records;
    private final Validator validator;
    private final Clock clock;

    TrainingService(
            Commands commands,
            AgencyDirectory agencies,
            AccountDirectory accounts,
            Accreditations records,
            Validator validator,
            Clock clock) {
        this.commands = commands;
        this.agencies = agencies;
        this.accounts = accounts;
        this.records = records;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Recorded record(Actor actor, NewRecord record) {
        requireMayRecordFor(actor, record.agencyId());
        if (agencies.find(record.agencyId()).isEmpty()) {
            throw new InvalidInput("agencyId", "is not a registered agency");
        }
        FieldProblem username = usernameProblem(actor, record);
        if (username != null) {
            throw new InvalidInput(List.of(username));
        }
        String recordId = TrainingRecords.recordId(
                record.agencyId(), record.practitioner(), record.course(), record.completedOn());
        if (records.recorded(recordId)) {
            return new Recorded(recordId, false);
        }
        commands.send(command(recordId, record, clock.instant()), actor);
        return new Recorded(recordId, true);
    }

    @Override
    @Transactional
    public Imported importCsv(Actor actor, byte[] file) {
        if (!actor.hasAny(Role.ADMIN, Role.TRUST_REVIEWER)
                && !(actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null)) {
            throw new NotPermitted("only an ADMIN, a TRUST_REVIEWER or an agency's NOMINATED_REPRESENTATIVE may import"
                    + " training records");
        }
        TrainingCsv.Parsed parsed = TrainingCsv.rows(file);
        List<TrainingCsv.Row> rows = parsed.rows();
        Instant now = clock.instant();
        List<LineProblem> problems = new ArrayList<>(parsed.problems());
        Map<String, RecordTraining> fresh = new LinkedHashMap<>();
        Map<String, Boolean> registered = new HashMap<>();
        int already = 0;
        for (TrainingCsv.Row row : rows) {
            List<FieldProblem> found = new ArrayList<>();
            NewRecord record = read(row.fields(), found);
            if (found.isEmpty()) {
                found.addAll(lineProblems(actor, record, registered));
            }
            RecordTraining command = null;
            if (found.isEmpty()) {
                String recordId = TrainingRecords.recordId(
                        record.agencyId(), record.practitioner(), record.course(), record.completedOn());
                command = command(recordId, record, now);
                found.addAll(TrainingRecord.problems(command));
            }
            if (!found.isEmpty()) {
                found.forEach(problem -> problems.add(new LineProblem(row.line(), problem.field(), problem.message())));
            } else if (fresh.containsKey(command.recordId()) || records.recorded(command.recordId())) {
                already++;
            } else {
                fresh.put(command.recordId(), command);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(LineProblem::line));
            throw new InvalidLines(problems);
        }
        for (RecordTraining command : fresh.values()) {
            commands.send(command, actor);
        }
        return new Imported(rows.size(), fresh.size(), already);
    }

    /** One line's fields as an attendance; the problems of fields that are not what they must be. */
    private static NewRecord read(List<String> fields, List<FieldProblem> problems) {
        for (int i = 0; i < fields.size(); i++) {
            if (BodyText.refused(fields.get(i))) {
                problems.add(new FieldProblem(TrainingCsv.COLUMNS.get(i), BodyText.PROBLEM));
            }
        }
        Course course = null;
        String courseText = blankAsNull(fields.get(3));
        if (courseText == null) {
            problems.add(new FieldProblem("course", "is required: one of " + COURSES));
        } else {
            try {
                course = Course.valueOf(courseText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("course", "must be one of " + COURSES));
            }
        }
        LocalDate completedOn = date("completedOn", fields.get(4), true, problems);
        Boolean passed = null;
        String passedText = blankAsNull(fields.get(5));
        if (passedText != null) {
            switch (passedText.toLowerCase(Locale.ROOT)) {
                case "true", "yes" -> passed = true;
                case "false", "no" -> passed = false;
                default -> problems.add(new FieldProblem("assessmentPassed", "must be true or false (or empty)"));
            }
        }
        LocalDate validUntil = date("validUntil", fields.get(6), false, problems);
        return new NewRecord(
                blankAsNull(fields.get(0)),
                blankAsNull(fields.get(1)),
                blankAsNull(fields.get(2)),
                course,
                completedOn,
                passed,
                validUntil);
    }

    private static LocalDate date(String name, String text, boolean required, List<FieldProblem> problems) {
        String value = blankAsNull(text);
        if (value == null) {
            if (required) {
                problems.add(new FieldProblem(name, "is required: a date such as 2009-03-31"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, "must be a date such as 2009-03-31 (year-month-day)"));
            return null;
        }
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A line's problems beyond its fields' shapes: the JSON's constraints, who may, the agency, the username. */
    private List<FieldProblem> lineProblems(Actor actor, NewRecord record, Map<String, Boolean> registered) {
        List<FieldProblem> problems = new ArrayList<>();
        List<ConstraintViolation<NewRecord>> violations = new ArrayList<>(validator.validate(record));
        violations.sort(Comparator.comparing(
                v -> TrainingCsv.COLUMNS.indexOf(v.getPropertyPath().toString())));
        for (ConstraintViolation<NewRecord> violation : violations) {
            problems.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (!mayRecordFor(actor, record.agencyId())) {
            problems.add(new FieldProblem(
                    "agencyId", "is not your agency: a nominated representative records its own agency's training"));
            return problems;
        }
        if (!registered.computeIfAbsent(
                record.agencyId(), id -> agencies.find(id).isPresent())) {
            problems.add(new FieldProblem("agencyId", "is not a registered agency"));
            return problems;
        }
        FieldProblem username = usernameProblem(actor, record);
        if (username != null) {
            problems.add(username);
        }
        return problems;
    }

    /**
     * A username links the record to a ledger user, and so decides whether that user is accredited: it must be a user
     * of the record's agency (a user bound to no agency, such as the Trust's, only an ADMIN or a TRUST_REVIEWER may
     * link). A username that is no user is refused rather than kept for later: a typing error would leave the real
     * user unaccredited, and whoever was later given that username would inherit the training.
     */
    private FieldProblem usernameProblem(Actor actor, NewRecord record) {
        if (record.username() == null) {
            return null;
        }
        Optional<Actor> user = accounts.find(record.username());
        if (user.isEmpty()) {
            return new FieldProblem("username", "is not a ledger user: leave it empty for someone who is not a user");
        }
        String agencyId = user.get().agencyId();
        if (agencyId == null ? !actor.hasAny(Role.ADMIN, Role.TRUST_REVIEWER) : !agencyId.equals(record.agencyId())) {
            return new FieldProblem("username", "is not a user of this agency");
        }
        return null;
    }

    private RecordTraining command(String recordId, NewRecord record, Instant now) {
        return new RecordTraining(
                recordId,
                record.agencyId(),
                record.practitioner(),
                record.username(),
                record.course(),
                record.completedOn(),
                record.assessmentPassed(),
                record.validUntil(),
                now);
    }

    static boolean mayRecordFor(Actor actor, String agencyId) {
        boolean representative = actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.actsFor(agencyId);
        return representative || actor.hasAny(Role.ADMIN, Role.TRUST_REVIEWER);
    }

    static void requireMayRecordFor(Actor actor, String agencyId) {
        if (!mayRecordFor(actor, agencyId)) {
            throw new NotPermitted("only an ADMIN, a TRUST_REVIEWER or the NOMINATED_REPRESENTATIVE of " + agencyId
                    + " may record its staff's training");
        }
    }
}
