package org.sharingledger.subject.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;

/**
 * What lets a practitioner recognise the child: a name and a date of birth, each optional. Stored only sealed under
 * the child's own key ({@link SubjectDetails}), and never printed by {@link #toString()}.
 * <p>
 * The name is trimmed and has 1 to {@value #MAX_NAME_LENGTH} characters, without control characters. The date of birth
 * is not in the future and not before {@link #EARLIEST_DATE_OF_BIRTH}, a fixed floor: it lets young adults through
 * (care leavers are supported up to 25, and a request may concern someone's childhood years later) and stops typing
 * slips such as 1909 for 2009.
 */
public record PersonalDetails(String name, LocalDate dateOfBirth) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final LocalDate EARLIEST_DATE_OF_BIRTH = LocalDate.of(1990, 1, 1);

    public PersonalDetails {
        name = name == null ? null : name.strip();
        if (name == null && dateOfBirth == null) {
            throw new IllegalArgumentException("personal details need a name or a date of birth");
        }
    }

    /** The details given, or empty when neither a name nor a date of birth was given. Check {@link #problems} first. */
    public static Optional<PersonalDetails> from(String name, LocalDate dateOfBirth) {
        return name == null && dateOfBirth == null
                ? Optional.empty()
                : Optional.of(new PersonalDetails(name, dateOfBirth));
    }

    /** What is wrong with the details as given (fields {@code name} and {@code dateOfBirth}), never the values. */
    public static List<FieldProblem> problems(String name, LocalDate dateOfBirth, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name != null) {
            String trimmed = name.strip();
            if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
                problems.add(new FieldProblem(
                        "name",
                        "must have 1 to " + MAX_NAME_LENGTH + " characters, leading and trailing spaces aside"));
            } else if (trimmed.chars().anyMatch(Character::isISOControl)) {
                problems.add(new FieldProblem("name", "must not contain control characters"));
            }
        }
        if (dateOfBirth != null) {
            if (dateOfBirth.isAfter(today)) {
                problems.add(new FieldProblem("dateOfBirth", "must not be in the future"));
            } else if (dateOfBirth.isBefore(EARLIEST_DATE_OF_BIRTH)) {
                problems.add(new FieldProblem("dateOfBirth", "must not be before " + EARLIEST_DATE_OF_BIRTH));
            }
        }
        return problems;
    }

    @Override
    public String toString() {
        return "PersonalDetails[redacted]";
    }
}
