package org.sharingledger.projections.requests;

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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.Method;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.Purpose;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.Requests;
import org.sharingledger.request.api.Scope;
import org.sharingledger.request.api.Stage;
import org.sharingledger.request.api.Urgency;

/**
 * The request pages' forms: their fields, named as the API's JSON fields, read into the API's own records, so that
 * {@link Requests} checks them exactly as it checks the API's bodies. Reading only turns text into values (a choice,
 * a date); every rule is the service's. Also each problem in the page's words, tied to the field it is about.
 */
final class RequestForms {

    /** The request form's fields, in the order of the page. */
    static final List<String> REQUEST_FIELDS = List.of(
            "holdingAgencyId",
            "nhsNumber",
            "localReference",
            "name",
            "dateOfBirth",
            "caseReference",
            "purpose",
            "purposeDetail",
            "lawfulBasis",
            "consentStatus",
            "consentDetail",
            "urgency",
            "informationSought",
            "agreementId");

    private static final Pattern SIZE = Pattern.compile("size must be between (\\d+) and (\\d+)");

    private RequestForms() {}

    /** What was typed, field by field (absent fields are empty), to show again. */
    static Map<String, String> values(Map<String, String> params, List<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field, params.getOrDefault(field, "")));
        return values;
    }

    static Requests.NewRequest newRequest(String requestingAgencyId, Map<String, String> form) {
        Reader read = new Reader(form);
        Requests.NewRequest request = new Requests.NewRequest(
                requestingAgencyId,
                read.text("holdingAgencyId"),
                new Requests.Subject(
                        read.text("nhsNumber"),
                        read.text("localReference"),
                        read.text("name"),
                        read.date("dateOfBirth")),
                read.text("caseReference"),
                read.choice("purpose", Purpose.class),
                read.text("purposeDetail"),
                read.choice("lawfulBasis", LawfulBasis.class),
                new Requests.ConsentBody(read.choice("consentStatus", ConsentStatus.class), read.text("consentDetail")),
                read.choice("urgency", Urgency.class),
                read.text("informationSought"),
                read.uuid("agreementId"));
        return read.done(request);
    }

    static Requests.Share share(Map<String, String> form) {
        Reader read = new Reader(form);
        return read.done(new Requests.Share(
                read.choice("scope", Scope.class),
                read.text("informationShared"),
                read.choice("method", Method.class),
                read.text("rationale"),
                read.choice("withheldReason", Reason.class),
                read.text("adviceSought"),
                read.moment("occurredAt")));
    }

    static Requests.Refusal refusal(Map<String, String> form) {
        Reader read = new Reader(form);
        return read.done(new Requests.Refusal(
                read.choice("reason", Reason.class),
                read.text("rationale"),
                read.text("adviceSought"),
                read.moment("occurredAt")));
    }

    static Requests.Escalation escalation(Map<String, String> form) {
        Reader read = new Reader(form);
        return read.done(new Requests.Escalation(read.choice("stage", Stage.class), read.text("reason")));
    }

    static Requests.Resolution resolution(Map<String, String> form) {
        Reader read = new Reader(form);
        return read.done(new Requests.Resolution(
                read.choice("outcome", Outcome.class),
                read.text("rationale"),
                read.text("informationShared"),
                read.choice("method", Method.class)));
    }

    static Requests.Withdrawal withdrawal(Map<String, String> form) {
        Reader read = new Reader(form);
        return read.done(new Requests.Withdrawal(read.text("reason")));
    }

    /** Reads a form's text into values; a value that cannot be read is a problem, all reported at once. */
    private static final class Reader {

        private final Map<String, String> form;
        private final List<FieldProblem> problems = new ArrayList<>();

        Reader(Map<String, String> form) {
            this.form = form;
        }

        /** The text as typed, or null when empty (an empty field is a field not filled in). */
        String text(String field) {
            String value = form.get(field);
            return value == null || value.isBlank() ? null : value;
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "is not one of the choices"));
                return null;
            }
        }

        LocalDate date(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field, "is not a date"));
                return null;
            }
        }

        /** An identifier chosen from a list (an agreement's), or null when none is chosen. */
        UUID uuid(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                return UUID.fromString(value.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field, "is not one of the choices"));
                return null;
            }
        }

        /** A date and time typed in UTC ({@code datetime-local}). */
        Instant moment(String field) {
            String value = text(field);
            if (value == null) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(field, "is not a date and time"));
                return null;
            }
        }

        <T> T done(T value) {
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return value;
        }
    }

    // --- problems in the page's words ---

    /** One problem, in the page's words, and the id of the field it is about (the error summary links to it). */
    record PageError(String field, String text) {}

    /**
     * A problem as the page says it. {@code form} prefixes the field's id on the request's page, where several
     * forms share field names ({@code refuse-rationale}); the request form has none.
     */
    static PageError pageError(String form, FieldProblem problem) {
        String field = formField(problem.field());
        String id = form == null ? field : form + "-" + field;
        return new PageError(id, words(form, field, problem.message()));
    }

    /** The form's field a problem of the API's body is about. */
    static String formField(String apiField) {
        return switch (apiField) {
            case "subject", "subject.nhsNumber" -> "nhsNumber";
            case "subject.localReference" -> "localReference";
            case "subject.name" -> "name";
            case "subject.dateOfBirth" -> "dateOfBirth";
            case "consent", "consent.status" -> "consentStatus";
            case "consent.detail" -> "consentDetail";
            case "requestingAgencyId" -> "holdingAgencyId";
            default -> apiField;
        };
    }

    private static String words(String form, String field, String message) {
        String special = switch (field + ": " + message) {
            case "nhsNumber: give exactly one of nhsNumber and localReference" ->
                "Give the child's NHS number or your agency's own reference for them: one of the two, not both";
            case "holdingAgencyId: must be another agency than the requesting agency" ->
                "Choose another agency than your own";
            case "holdingAgencyId: is not a registered agency" -> "Choose an agency from the list";
            case "consentStatus: must be GIVEN when the lawful basis is CONSENT" ->
                "When the lawful basis is consent, consent must have been given: choose \u201CGiven\u201D, "
                        + "or another lawful basis";
            case "consentDetail: is required unless consent was given" ->
                "Say why consent was not given, not sought or not needed";
            case "withheldReason: is required when only part of the information is shared" ->
                "Choose the reason for withholding part of the information";
            case "informationShared: is required when the outcome is SHARED" ->
                "Enter what was shared, when the information is shared after all";
            case "method: is required when the outcome is SHARED" ->
                "Choose how it was shared, when the information is shared after all";
            case "occurredAt: must not be in the future" -> "The time the decision was made must not be in the future";
            default -> null;
        };
        if (special != null) {
            return special;
        }
        if (field.equals("nhsNumber") && message.startsWith("is not a valid NHS number")) {
            return "Enter a valid NHS number: 10 digits with a correct check digit";
        }
        if (field.equals("occurredAt") && message.startsWith("must not be before the request")) {
            return "The time the decision was made must not be before the request was made";
        }
        String label = label(form, field);
        if ("must not be null".equals(message) || "is not one of the choices".equals(message)) {
            return "Choose " + label;
        }
        if ("must not be blank".equals(message)) {
            return "Enter " + label;
        }
        Matcher size = SIZE.matcher(message);
        if (size.matches()) {
            return capital(label) + " must be at most " + size.group(2) + " characters";
        }
        if (message.startsWith("is not a date")) {
            return "Enter " + label + " as a date" + (message.endsWith("time") ? " and a time" : "");
        }
        return capital(label) + " " + message;
    }

    /** A field's name in a sentence ("Enter the child's NHS number"). */
    private static String label(String form, String field) {
        return switch (field) {
            case "holdingAgencyId" -> "the agency you are asking";
            case "nhsNumber" -> "the child's NHS number";
            case "localReference" -> "your agency's reference for the child";
            case "name" -> "the child's name";
            case "dateOfBirth" -> "the child's date of birth";
            case "caseReference" -> "the case reference";
            case "purpose" -> "the purpose";
            case "purposeDetail" -> "what the information is for";
            case "lawfulBasis" -> "the lawful basis";
            case "consentStatus" -> "whether consent was given";
            case "consentDetail" -> "the detail about consent";
            case "urgency" -> "how urgent it is";
            case "informationSought" -> "the information you are asking for";
            case "agreementId" -> "an Information Sharing Protocol from the list, or none";
            case "scope" -> "whether you share all of it or part";
            case "informationShared" -> "what is shared";
            case "method" -> "how it is shared";
            case "rationale" -> "your rationale";
            case "withheldReason" -> "the reason for withholding part of it";
            case "adviceSought" -> "the advice sought";
            case "occurredAt" -> "when the decision was made";
            case "stage" -> "the stage to escalate to";
            case "outcome" -> "the outcome";
            case "reason" ->
                switch (form == null ? "" : form) {
                    case "refuse" -> "the reason for refusing";
                    case "escalate" -> "the reason for escalating";
                    case "withdraw" -> "the reason for withdrawing";
                    default -> "the reason";
                };
            default -> field;
        };
    }

    private static String capital(String text) {
        return text.substring(0, 1).toUpperCase(Locale.UK) + text.substring(1);
    }
}
