package org.sharingledger.projections.pages;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.sharingledger.platform.rules.FreeText;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * One form on a page: its fields in the page's words, and its problems, each about a field that the error summary
 * links to. The shape of what a form sends is checked by the same bean-validation constraints as the API's body
 * (the records of the {@code api} packages); the rules beyond are the services' own, reported here as they come.
 * Its fields map each name in the service's terms (as a problem names it) to the field on the page.
 */
public final class PageForm {

    /**
     * A field: its name as the service's problems and the constraints name it, its element's id on the page, and
     * how a sentence names it.
     */
    public record Field(String name, String id, String label, String verb) {

        public static Field enter(String name, String id, String label) {
            return new Field(name, id, label, "Enter");
        }

        public static Field choose(String name, String id, String label) {
            return new Field(name, id, label, "Choose");
        }
    }

    /** A problem in the page's words, and the field it is about. */
    public record PageError(String field, String text) {}

    private final Map<String, Field> fields;
    private final List<PageError> errors = new ArrayList<>();

    public PageForm(Map<String, Field> fields) {
        this.fields = fields;
    }

    public static Map<String, Field> fields(Field... fields) {
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : fields) {
            byName.put(field.name(), field);
        }
        return byName;
    }

    public static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The problems in the order of the form's fields, whichever check found them. */
    public List<PageError> errors() {
        List<String> order = fields.values().stream().map(Field::id).toList();
        List<PageError> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> Integer.compare(position(order, a.field()), position(order, b.field())));
        return sorted;
    }

    /** The first problem of each field, for the message above it. */
    public Map<String, String> byField() {
        Map<String, String> byField = new LinkedHashMap<>();
        errors().forEach(error -> byField.putIfAbsent(error.field(), error.text()));
        return byField;
    }

    public void add(String name, String text) {
        errors.add(new PageError(field(name).id(), text));
    }

    /** A date typed as YYYY-MM-DD (a date input sends that), or null and a problem. */
    public LocalDate date(String name, String value) {
        String text = strip(value);
        if (text == null) {
            return null; // the constraints say it is missing, in the form's order
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(name, capital(field(name).label()) + " must be a real date, such as 2009-03-31");
            return null;
        }
    }

    /**
     * A date and time typed in UTC as a {@code datetime-local} input sends it ({@code 2009-03-31T17:00}), or null
     * (when nothing was typed, for the constraints to say) and a problem naming the field and an example.
     */
    public Instant instant(String name, String value) {
        String text = strip(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            add(name, capital(field(name).label()) + " must be a real date and time, such as 2009-03-31T17:00");
            return null;
        }
    }

    /**
     * Puts this form's problems on the page: {@code errors} for the error summary, {@code fieldErrors} by field, and
     * {@code conflict}, the words of a step not open now (or null).
     */
    public void showOn(Model model, String conflict) {
        model.addAttribute("errors", errors());
        model.addAttribute("fieldErrors", byField());
        model.addAttribute("conflict", conflict);
    }

    /** A page whose forms have no problem to show. */
    public static void noProblemsOn(Model model) {
        model.addAttribute("errors", List.of());
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("conflict", null);
    }

    /** After a form is taken: 303 See Other to the page that shows the result, so a reload sends nothing again. */
    public static ModelAndView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    /** One of an enum's values, or null and a problem. */
    public <E extends Enum<E>> E choice(String name, String value, Function<String, E> valueOf) {
        String text = strip(value);
        if (text == null) {
            return null;
        }
        try {
            return valueOf.apply(text);
        } catch (IllegalArgumentException e) {
            add(name, "Choose " + field(name).label() + " from the list");
            return null;
        }
    }

    /** Checks the body against its record's constraints, as the API checks it, in the order of the form's fields. */
    public <T> void check(Validator validator, T body) {
        List<ConstraintViolation<T>> violations = new ArrayList<>(validator.validate(body));
        List<String> order = new ArrayList<>(fields.keySet());
        violations.sort((a, b) -> Integer.compare(
                position(order, a.getPropertyPath().toString()),
                position(order, b.getPropertyPath().toString())));
        for (ConstraintViolation<T> violation : violations) {
            String name = violation.getPropertyPath().toString().replaceAll("\\[\\d+\\].*$", "");
            if (byField().containsKey(field(name).id())) {
                continue; // one problem per field is enough: a date that is no date is not also "missing"
            }
            add(name, words(field(name), violation));
        }
    }

    /** The service's problems, after the form's own checks passed. */
    public void add(InvalidInput problems) {
        for (FieldProblem problem : problems.problems()) {
            Field field = field(problem.field());
            add(problem.field(), capital(field.label()) + " " + problem.message());
        }
    }

    private Field field(String name) {
        Field field = fields.get(name);
        return field != null ? field : Field.enter(name, name.replace('.', '-'), name);
    }

    private static int position(List<String> order, String path) {
        int at = order.indexOf(path.replaceAll("\\[\\d+\\].*$", ""));
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    private static String words(Field field, ConstraintViolation<?> violation) {
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String label = capital(field.label());
        if (constraint instanceof FreeText) {
            return label + " " + FreeText.PROBLEM;
        }
        if (constraint instanceof Size) {
            return label + " must be at most " + attributes.get("max") + " characters";
        }
        if (constraint instanceof Email) {
            return label + " must be an e-mail address, such as name@example.org";
        }
        if (constraint instanceof Pattern) {
            return label + " " + violation.getMessage();
        }
        if (constraint instanceof Min) {
            return label + " must be at least " + attributes.get("value");
        }
        if (constraint instanceof Max) {
            return label + " must be at most " + attributes.get("value");
        }
        return field.verb() + " " + field.label(); // NotNull, NotBlank, NotEmpty: it is missing
    }

    public static String capital(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.UK) + text.substring(1);
    }
}
