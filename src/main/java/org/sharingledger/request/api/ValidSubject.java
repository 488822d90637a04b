package org.sharingledger.request.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.subject.api.PersonalDetails;

/**
 * The child as a request names them: exactly one of nhsNumber (with a valid check digit) and localReference, and a
 * name and date of birth that {@link PersonalDetails} accepts. A bean-validation constraint, so that these problems are
 * listed with every other field's in one 400.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidSubject.Check.class)
public @interface ValidSubject {

    String message() default "is not valid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Spring creates it, with the ledger's clock, for "not in the future". */
    final class Check implements ConstraintValidator<ValidSubject, Requests.Subject> {

        private final Clock clock;

        Check(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(Requests.Subject subject, ConstraintValidatorContext context) {
            if (subject == null) {
                return true;
            }
            List<FieldProblem> problems = problems(subject, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (FieldProblem problem : problems) {
                var violation = context.buildConstraintViolationWithTemplate(literal(problem.message()));
                if (problem.field().isEmpty()) {
                    violation.addConstraintViolation();
                } else {
                    violation.addPropertyNode(problem.field()).addConstraintViolation();
                }
            }
            return false;
        }

        /** Fields relative to the subject; "" for the subject as a whole. */
        static List<FieldProblem> problems(Requests.Subject subject, LocalDate today) {
            List<FieldProblem> problems = new ArrayList<>();
            boolean hasNhs = subject.nhsNumber() != null && !subject.nhsNumber().isBlank();
            boolean hasLocal = subject.localReference() != null
                    && !subject.localReference().isBlank();
            if (hasNhs == hasLocal) {
                problems.add(new FieldProblem("", "give exactly one of nhsNumber and localReference"));
            } else if (hasNhs && NhsNumber.parse(subject.nhsNumber()).isEmpty()) {
                problems.add(new FieldProblem(
                        "nhsNumber", "is not a valid NHS number (10 digits with a valid check digit)"));
            }
            problems.addAll(PersonalDetails.problems(subject.name(), subject.dateOfBirth(), today));
            return problems;
        }

        /** A message as it is: bean validation would read braces and dollars as expressions. */
        private static String literal(String message) {
            return message.replace("\\", "\\\\")
                    .replace("{", "\\{")
                    .replace("}", "\\}")
                    .replace("$", "\\$");
        }
    }
}
