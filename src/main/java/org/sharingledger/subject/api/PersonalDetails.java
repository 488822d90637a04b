package org.sharingledger.subject.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;

/**
 * What lets a practitioner recognise the child: the identifier the request named them by (an NHS number, or the
 * requesting agency's own local reference), so that the holding agency can find the child in its own records, and a
 * name and a date of birth, each optional. Stored only sealed under the child's own key ({@link SubjectDetails}), and
 * never printed by {@link #toString()}.
 * <p>
 * The name is trimmed and has 1 to {@value #MAX_NAME_LENGTH} characters, without control characters. The date of birth
 * is not in the future and not before {@link #EARLIEST_DATE_OF_BIRTH}, a fixed floor: it lets young adults through
 * (care leavers are supported up to 25, and a request may concern someone's childhood years later) and stops typing
 * slips such as 1909 for 2009. Details sealed before requests sealed their identifier have neither identifier.
 *
 * @param nhsNumber      the ten digits of the child's NHS number, or null
 * @param localReference the requesting agency's reference for the child, or null
 */
public record PersonalDetails(String name, LocalDate dateOfBirth, String nhsNumber, String localReference) {

    public static final int MAX_NAME_LENGTH = 200;
    public static final LocalDate EARLIEST_DATE_OF_BIRTH = LocalDate.of(1990, 1, 1);

    public PersonalDetails {
        name = name == null ? null : name.strip();
        if (name == null && dateOfBirth == null && nhsNumber == null && localReference == null) {
            throw new IllegalArgumentException("personal details need an identifier, a name or a date of birth");
        }
    }

    /** A name and a date of birth without the identifier (as details were sealed before identifiers were). */
    public PersonalDetails(String name, LocalDate dateOfBirth) {
        this(name, dateOfBirth, null, null);
    }

    /** The details given, or empty when neither a name nor a date of birth was given. Check {@link #problems} first. */
    public static Optional<PersonalDetails> from(String name, LocalDate dateOfBirth) {
        return name == null && dateOfBirth == null
                ? Optional.empty()
                : Optional.of(new PersonalDetails(name, dateOfBirth));
    }

    /**
     * What a request seals about its child: the identifier it names them by (exactly one of the two), and the name and
     * date of birth when given. Check {@link #problems} first.
     */
    public static PersonalDetails of(NhsNumber nhsNumber, String localReference, String name, LocalDate dateOfBirth) {
        if ((nhsNumber == null) == (localReference == null)) {
            throw new IllegalArgumentException("a request names its child by exactly one identifier");
        }
        return new PersonalDetails(name, dateOfBirth, nhsNumber == null ? null : nhsNumber.digits(), localReference);
    }

    /** Whether the details hold a name or a date of birth (and not only the identifier). */
    public boolean hasNameOrDateOfBirth() {
        return name != null || dateOfBirth != null;
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
