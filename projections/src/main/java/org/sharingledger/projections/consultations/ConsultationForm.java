package org.sharingledger.projections.consultations;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.platform.rules.FreeText;
import org.sharingledger.platform.rules.InvalidInput;

/**
 * One consultation form's problems, each about a field the error summary links to. The shape is checked by the same
 * constraints as the API's body ({@code consultation.api.Consultations}' records); the rules beyond are the service's,
 * reported as they come.
 */
final class ConsultationForm {

    /** A field: its name in the service's terms, its element's id on the page, and how a sentence names it. */
    record Field(String name, String id, String label, String verb) {

        static Field enter(String name, String id, String label) {
            return new Field(name, id, label, "Enter");
        }

        static Field choose(String name, String id, String label) {
            return new Field(name, id, label, "Choose");
        }
    }

    /** A problem in the page's words, and the element it is about. */
    record Problem(String field, String text) {}

    private final List<Field> fields;
    private final List<Problem> problems = new ArrayList<>();

    ConsultationForm(Field... fields) {
        this.fields = List.of(fields);
    }

    static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    boolean hasErrors() {
        return !problems.isEmpty();
    }

    List<Problem> errors() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> Integer.compare(position(a.field()), position(b.field())));
        return sorted;
    }

    Map<String, String> byField() {
        Map<String, String> byField = new LinkedHashMap<>();
        errors().forEach(problem -> byField.putIfAbsent(problem.field(), problem.text()));
        return byField;
    }

    void add(String name, String text) {
        problems.add(new Problem(field(name).id(), text));
    }

    /** Checks the body against its record's constraints, as the API does; one problem per field. */
    <T> void check(Validator validator, T body) {
        for (ConstraintViolation<T> violation : validator.validate(body)) {
            Field field = field(violation.getPropertyPath().toString());
            if (byField().containsKey(field.id())) {
                continue;
            }
            problems.add(new Problem(field.id(), words(field, violation)));
        }
    }

    /** The service's problems with the input. */
    void add(InvalidInput invalid) {
        invalid.problems()
                .forEach(problem ->
                        add(problem.field(), capital(field(problem.field()).label()) + " " + problem.message()));
    }

    private Field field(String name) {
        return fields.stream()
                .filter(field -> field.name().equals(name))
                .findFirst()
                .orElse(Field.enter(name, name, name));
    }

    private int position(String id) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).id().equals(id)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String words(Field field, ConstraintViolation<?> violation) {
        Object constraint = violation.getConstraintDescriptor().getAnnotation();
        String label = capital(field.label());
        if (constraint instanceof FreeText) {
            return label + " " + FreeText.PROBLEM;
        }
        if (constraint instanceof Size) {
            return label + " must be at most "
                    + violation.getConstraintDescriptor().getAttributes().get("max") + " characters";
        }
        if (constraint instanceof Pattern) {
            return label + " " + violation.getMessage();
        }
        return field.verb() + " " + field.label();
    }

    static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
