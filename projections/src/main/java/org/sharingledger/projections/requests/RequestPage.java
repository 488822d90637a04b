package org.sharingledger.projections.requests;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.Stage;
import tools.jackson.databind.JsonNode;

/**
 * One request as its page shows it, from what {@code GET /api/requests/{id}} gives: its facts, the child as far as
 * the viewer may see them, and its history in plain words (who, what, when, why).
 */
record RequestPage(
        String requestId,
        RequestStatus status,
        String requestingAgencyId,
        String requestingAgency,
        String holdingAgencyId,
        String holdingAgency,
        String caseReference,
        String purpose,
        String purposeDetail,
        String lawfulBasis,
        String consentStatus,
        String consentDetail,
        String urgency,
        String informationSought,
        Instant requestedAt,
        Instant dueBy,
        Due due,
        Instant decidedAt,
        Child child,
        Stage stage,
        List<HistoryStep> history,
        String agreementId,
        String agreementTitle) {

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

    /** The child as the viewer may see them: identifier (for the two agencies), name and date of birth, or erased. */
    record Child(String nhsNumber, String localReference, String name, String dateOfBirth, boolean erased) {}

    /** One step of the history: who took it, what it was, when it was recorded (and happened), and why. */
    record HistoryStep(String type, String who, String what, Instant recordedAt, Instant occurredAt, String why) {

        public boolean occurredApart() {
            return occurredAt != null
                    && recordedAt != null
                    && !AT.format(occurredAt).equals(AT.format(recordedAt));
        }
    }

    @SuppressWarnings("unchecked") // the view's map, as RequestViews builds it
    static RequestPage of(
            Map<String, Object> view, Function<String, String> agencyNames, Vocabulary words, Instant now) {
        String requesting = (String) view.get("requestingAgencyId");
        String holding = (String) view.get("holdingAgencyId");
        String requestingName = agencyNames.apply(requesting);
        String holdingName = agencyNames.apply(holding);
        RequestStatus status = RequestStatus.valueOf((String) view.get("status"));
        Instant requestedAt = (Instant) view.get("requestedAt");
        Instant dueBy = (Instant) view.get("dueBy");
        Due due = status == RequestStatus.AWAITING_DECISION
                ? Due.of(requestedAt, dueBy, Boolean.TRUE.equals(view.get("overdue")), now)
                : null;
        Map<String, Object> consent = (Map<String, Object>) view.get("consent");
        JsonNode escalation = (JsonNode) view.get("escalation");
        String stage = text(escalation, "stage");
        Map<String, Object> subject = (Map<String, Object>) view.get("subject");
        Child child = subject == null
                ? null
                : new Child(
                        nhsNumber(string(subject.get("nhsNumber"))),
                        string(subject.get("localReference")),
                        string(subject.get("name")),
                        string(subject.get("dateOfBirth")),
                        Boolean.TRUE.equals(subject.get("erased")));
        List<Map<String, Object>> history = (List<Map<String, Object>>) view.get("history");
        Names names = new Names(requesting, requestingName, holding, holdingName);
        return new RequestPage(
                (String) view.get("requestId"),
                status,
                requesting,
                requestingName,
                holding,
                holdingName,
                (String) view.get("caseReference"),
                (String) view.get("purpose"),
                (String) view.get("purposeDetail"),
                (String) view.get("lawfulBasis"),
                consent == null ? null : (String) consent.get("status"),
                consent == null ? null : (String) consent.get("detail"),
                (String) view.get("urgency"),
                (String) view.get("informationSought"),
                requestedAt,
                dueBy,
                due,
                (Instant) view.get("decidedAt"),
                child,
                stage == null ? null : Stage.valueOf(stage),
                history.stream().map(step -> step(step, names, words)).toList(),
                (String) view.get("agreementId"),
                (String) view.get("agreementTitle"));
    }

    private record Names(String requestingId, String requesting, String holdingId, String holding) {

        String of(String agencyId) {
            if (agencyId == null) {
                return null;
            }
            return agencyId.equals(requestingId) ? requesting : agencyId.equals(holdingId) ? holding : agencyId;
        }
    }

    private static HistoryStep step(Map<String, Object> step, Names names, Vocabulary words) {
        String type = (String) step.get("type");
        String actor = string(step.get("actor"));
        String agency = names.of(string(step.get("agencyId")));
        String who = actor == null || "system".equals(actor)
                ? "The ledger"
                : actor + (agency == null ? "" : " (" + agency + ")");
        String what;
        String why;
        switch (type) {
            case "REQUESTED" -> {
                what = names.requesting() + " asked " + names.holding() + " for information for "
                        + words.inSentence("Purpose", string(step.get("purpose"))) + ", "
                        + words.label("Urgency", string(step.get("urgency"))).toLowerCase(Locale.UK);
                why = "Lawful basis: " + words.label("LawfulBasis", string(step.get("lawfulBasis")));
            }
            case "SHARED", "PARTIALLY_SHARED" -> {
                what = names.holding() + " shared the information "
                        + ("SHARED".equals(type) ? "in full" : "in part") + ", by "
                        + words.label("Method", string(step.get("method"))).toLowerCase(Locale.UK)
                        + (Boolean.TRUE.equals(bool(step.get("late"))) ? " (decided late)" : "");
                String withheld = string(step.get("withheldReason"));
                why = string(step.get("rationale"))
                        + (withheld == null ? "" : " Withheld: " + words.inSentence("Reason", withheld) + ".");
            }
            case "REFUSED" -> {
                what = names.holding() + " refused: " + words.inSentence("Reason", string(step.get("reason")))
                        + (Boolean.TRUE.equals(bool(step.get("late"))) ? " (decided late)" : "");
                why = string(step.get("rationale"));
            }
            case "ESCALATED" -> {
                what = names.requesting() + " escalated the decision to "
                        + words.inSentence("Stage", string(step.get("stage")));
                why = string(step.get("reason"));
            }
            case "ESCALATION_RESOLVED" -> {
                what = "At " + words.inSentence("Stage", string(step.get("stage"))) + ": "
                        + ("SHARED".equals(string(step.get("outcome")))
                                ? "the information is to be shared after all"
                                : "the refusal was upheld");
                why = string(step.get("rationale"));
            }
            case "WITHDRAWN" -> {
                what = names.requesting() + " withdrew the request";
                why = string(step.get("reason"));
            }
            case "OVERDUE" -> {
                what = "The request became overdue: no decision by its due time";
                why = null;
            }
            default -> {
                what = words.label("Step", type);
                why = null;
            }
        }
        return new HistoryStep(
                type, who, what, (Instant) step.get("recordedAt"), (Instant) step.get("occurredAt"), why);
    }

    /** An NHS number as it is written on paper: {@code 943 476 5919}. */
    static String nhsNumber(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return digits;
        }
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        return string(node.path(field));
    }

    /** A value of the view as text: a string, or a JSON value (null when missing or null). */
    private static String string(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }
        return String.valueOf(value);
    }

    private static Boolean bool(Object value) {
        if (value instanceof JsonNode node) {
            return node.isBoolean() ? node.asBoolean() : null;
        }
        return value instanceof Boolean b ? b : null;
    }
}
