package org.sharingledger.platform.rules;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sharingledger.kernel.NhsNumber;

/**
 * Text a person typed that the ledger keeps in clear, in an event that is never changed or deleted (a reason, a
 * purpose, a note, a case reference, the name of an agency or a token): it must not hold a child's NHS number, which
 * the ledger keeps only sealed, in the subject's own fields. Ten digits, together, spaced 3-3-4 or hyphenated, that
 * pass the modulus-11 check ({@link NhsNumber}) are refused with 400 naming the field, by the API and the pages alike
 * (both validate the same records). Every string of every command body carries this constraint but the fields meant
 * for the child's identifiers; {@code FreeTextFieldsTest} fails when a new one lacks it.
 */
@Documented
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = FreeText.Check.class)
public @interface FreeText {

    String PROBLEM = "must not contain an NHS number: name the child only in the subject's own fields";

    String message() default PROBLEM;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check, for bean validation and for code that reads free text outside a record. */
    final class Check implements ConstraintValidator<FreeText, CharSequence> {

        /** Ten digits not part of a longer number: together, or as 3-3-4 with single spaces or hyphens between. */
        private static final Pattern CANDIDATE =
                Pattern.compile("(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])");

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return !holdsNhsNumber(text);
        }

        /** Whether the text holds a valid NHS number. */
        public static boolean holdsNhsNumber(CharSequence text) {
            if (text == null || fewerThanTenDigits(text)) {
                return false;
            }
            Matcher candidate = CANDIDATE.matcher(text);
            int from = 0;
            while (from < text.length() && candidate.find(from)) {
                if (NhsNumber.parse(candidate.group()).isPresent()) {
                    return true;
                }
                from = candidate.start() + 1; // overlapping candidates: "123 4567890123" holds two
            }
            return false;
        }

        /** Most free text holds no ten digits at all: then no pattern need be run over it. */
        private static boolean fewerThanTenDigits(CharSequence text) {
            int digits = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9' && ++digits == 10) {
                    return false;
                }
            }
            return true;
        }
    }
}
