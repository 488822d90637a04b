package org.sharingledger.projections.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;
import org.sharingledger.projections.timeline.Timeline.Code;
import org.sharingledger.projections.timeline.Timeline.Consent;
import org.sharingledger.projections.timeline.Timeline.Entry;
import org.sharingledger.projections.timeline.Timeline.Summary;
import org.sharingledger.timeline.api.TimelineSubject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a timeline from its read model through the subject's index: every step in store order, split at
 * {@code asOf} into what had been recorded by then and what happened by then but was recorded later.
 */
@Repository
class Timelines {

    /** A step recorded more than this after it happened is flagged with how late it was. */
    static final Duration LATE_RECORDING = Duration.ofHours(24);

    private static final String SELECT = """
            select e.event_id, e.position, e.request_id, e.step, e.recorded_at, e.occurred_at, e.case_reference,
                   e.actor_username, e.actor_agency_id, e.actor_roles, e.details::text as details,
                   r.requesting_agency_id, ra.name as requesting_name, ra.sector as requesting_sector,
                   r.holding_agency_id, ha.name as holding_name, ha.sector as holding_sector, r.due_by,
                   a.display_name
            from timeline_entry e
            join timeline_request r on r.request_id = e.request_id
            left join timeline_agency ra on ra.agency_id = r.requesting_agency_id
            left join timeline_agency ha on ha.agency_id = r.holding_agency_id
            left join timeline_actor a on a.username = e.actor_username
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Vocabulary words;

    Timelines(JdbcTemplate jdbc, JsonMapper json, Vocabulary words) {
        this.jdbc = jdbc;
        this.json = json;
        this.words = words;
    }

    /** Every step about the subject that had happened by {@code asOf}, in store order. */
    Steps steps(TimelineSubject subject, Instant asOf) {
        List<Entry> all = subject.pseudonym() != null
                ? jdbc.query(
                        SELECT + " where e.subject_pseudonym = ? order by e.position", this::entry, subject.pseudonym())
                : jdbc.query(
                        SELECT + " where e.case_agency_id = ? and e.case_reference = ? order by e.position",
                        this::entry,
                        subject.agencyId(),
                        subject.caseReference());
        List<Entry> known = new ArrayList<>();
        List<Entry> recordedLater = new ArrayList<>();
        for (Entry entry : all) {
            if (!entry.recordedAt().isAfter(asOf)) {
                known.add(entry);
            } else if (!entry.occurredAt().isAfter(asOf)) {
                recordedLater.add(entry);
            }
        }
        return new Steps(known, recordedLater);
    }

    /** What a timeline holds before it is addressed to a reviewer. */
    record Steps(List<Entry> entries, List<Entry> recordedLater) {

        /** The agencies whose records these steps touch. */
        List<String> agencies() {
            Set<String> agencies = new LinkedHashSet<>();
            for (List<Entry> list : List.of(entries, recordedLater)) {
                list.forEach(entry -> {
                    agencies.add(entry.requestingAgency().agencyId());
                    agencies.add(entry.holdingAgency().agencyId());
                });
            }
            return List.copyOf(agencies);
        }

        Summary summary() {
            Set<String> requests = new HashSet<>();
            Map<String, Long> steps = new HashMap<>();
            Map<String, Instant> requested = new HashMap<>();
            Map<String, Instant> decided = new HashMap<>();
            for (Entry entry : entries) {
                requests.add(entry.requestId());
                steps.merge(entry.step(), 1L, Long::sum);
                switch (entry.step()) {
                    case "REQUESTED" -> requested.put(entry.requestId(), entry.occurredAt());
                    case "SHARED", "PARTIALLY_SHARED", "REFUSED" ->
                        decided.putIfAbsent(entry.requestId(), entry.occurredAt());
                    default -> {}
                }
            }
            double[] hours = decided.entrySet().stream()
                    .filter(e -> requested.containsKey(e.getKey()))
                    .mapToDouble(e -> Duration.between(requested.get(e.getKey()), e.getValue())
                                    .toMillis()
                            / 3.6e6)
                    .sorted()
                    .toArray();
            Double median = hours.length == 0
                    ? null
                    : hours.length % 2 == 1
                            ? hours[hours.length / 2]
                            : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2;
            Set<String> agencies = new HashSet<>();
            entries.forEach(entry -> {
                agencies.add(entry.requestingAgency().agencyId());
                agencies.add(entry.holdingAgency().agencyId());
            });
            return new Summary(
                    requests.size(),
                    steps.getOrDefault("SHARED", 0L),
                    steps.getOrDefault("PARTIALLY_SHARED", 0L),
                    steps.getOrDefault("REFUSED", 0L),
                    steps.getOrDefault("ESCALATED", 0L),
                    steps.getOrDefault("OVERDUE", 0L),
                    agencies.size(),
                    median);
        }
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        JsonNode d = json.readTree(rs.getString("details"));
        String step = rs.getString("step");
        Instant recordedAt = instant(rs, "recorded_at");
        Instant occurredAt = instant(rs, "occurred_at");
        Duration delay = Duration.between(occurredAt, recordedAt);
        AgencyRef requesting = new AgencyRef(
                rs.getString("requesting_agency_id"),
                rs.getString("requesting_name"),
                rs.getString("requesting_sector"));
        AgencyRef holding = new AgencyRef(
                rs.getString("holding_agency_id"), rs.getString("holding_name"), rs.getString("holding_sector"));
        String username = rs.getString("actor_username");
        String roles = rs.getString("actor_roles");
        ActorRef actor = new ActorRef(
                username,
                "system".equals(username) ? "The ledger itself" : rs.getString("display_name"),
                roles == null || roles.isBlank() ? List.of() : Arrays.asList(roles.split(",")),
                rs.getString("actor_agency_id"));
        boolean decision = step.equals("SHARED") || step.equals("PARTIALLY_SHARED") || step.equals("REFUSED");
        Instant dueBy = step.equals("REQUESTED") || decision || step.equals("OVERDUE") ? instant(rs, "due_by") : null;
        Boolean dueMet = null;
        if (decision) {
            dueMet = !d.path("late").asBoolean();
        } else if (step.equals("OVERDUE")) {
            dueMet = Boolean.FALSE;
        }
        String consentStatus = text(d, "consentStatus");
        return new Entry(
                rs.getString("event_id"),
                rs.getLong("position"),
                rs.getString("request_id"),
                step,
                describe(step, d, requesting, holding),
                recordedAt,
                occurredAt,
                delay.compareTo(LATE_RECORDING) > 0 ? delay : null,
                requesting,
                holding,
                actor,
                rs.getString("case_reference"),
                text(d, "purpose"),
                text(d, "purposeDetail"),
                text(d, "lawfulBasis"),
                consentStatus == null ? null : new Consent(consentStatus, text(d, "consentDetail")),
                text(d, "urgency"),
                text(d, "informationSought"),
                dueBy,
                text(d, "scope"),
                text(d, "informationShared"),
                text(d, "method"),
                text(d, "rationale"),
                code(text(d, "withheldReason")),
                code(text(d, "reason")),
                text(d, "adviceSought"),
                dueMet,
                text(d, "stage"),
                text(d, "outcome"),
                d.path("actorAccredited").isBoolean()
                        ? d.path("actorAccredited").asBoolean()
                        : null);
    }

    /** The step in plain words; these sentences are in the JSON and the CSV export (and so its digest). */
    String describe(String step, JsonNode d, AgencyRef requesting, AgencyRef holding) {
        String asker = name(requesting);
        String holder = name(holding);
        return switch (step) {
            case "REQUESTED" ->
                asker + " asked " + holder + " for information for " + sentence("Purpose", text(d, "purpose"));
            case "SHARED" -> holder + " shared the information in full";
            case "PARTIALLY_SHARED" ->
                holder + " shared part of the information and withheld the rest: "
                        + lowerFirst(sentence("Reason", text(d, "withheldReason")));
            case "REFUSED" -> holder + " refused: " + lowerFirst(sentence("Reason", text(d, "reason")));
            case "ESCALATED" -> asker + " escalated the decision to " + sentence("Stage", text(d, "stage"));
            case "ESCALATION_RESOLVED" ->
                "SHARED".equals(text(d, "outcome"))
                        ? "After escalation to " + sentence("Stage", text(d, "stage")) + ", " + holder
                                + " shared the information"
                        : "After escalation to " + sentence("Stage", text(d, "stage")) + ", the refusal was upheld";
            case "WITHDRAWN" -> asker + " withdrew the request";
            case "OVERDUE" -> "No decision from " + holder + " by the due time";
            default -> step;
        };
    }

    private static String name(AgencyRef agency) {
        return agency.name() != null ? agency.name() : agency.agencyId();
    }

    private static String lowerFirst(String text) {
        return text == null || text.isEmpty() ? "" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private Code code(String code) {
        return code == null ? null : new Code(code, sentence("Reason", code));
    }

    /** A code in the form a sentence uses, as the descriptions have always had it (none for no code). */
    private String sentence(String family, String code) {
        return code == null ? null : words.inSentence(family, code);
    }

    private static String text(JsonNode details, String field) {
        JsonNode node = details.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
