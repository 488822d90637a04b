package org.sharingledger.projections.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sharingledger.subject.api.PersonalDetails;
import org.sharingledger.subject.api.SubjectDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the request view: one request with its history, or a page of summaries. */
@Repository
class RequestViews {

    private static final String SUMMARY_COLUMNS = """
            request_id, requesting_agency_id, holding_agency_id, case_reference, purpose, lawful_basis, urgency,
            status, requested_at, due_by, became_overdue_at, decided_at""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final SubjectDetails subjectDetails;
    private final Clock clock;

    RequestViews(JdbcTemplate jdbc, JsonMapper json, SubjectDetails subjectDetails, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.subjectDetails = subjectDetails;
        this.clock = clock;
    }

    /** The parties of a request, to check who may see it. */
    Optional<Parties> parties(UUID requestId) {
        return jdbc
                .query(
                        "select requesting_agency_id, holding_agency_id from request_view where request_id = ?",
                        (rs, i) -> new Parties(rs.getString(1), rs.getString(2)),
                        requestId)
                .stream()
                .findFirst();
    }

    /**
     * The request as {@code GET /api/requests/{id}} gives it; {@code withIdentifier} adds the child's NHS number or
     * local reference to its subject, for the users of its two agencies only.
     */
    Optional<Map<String, Object>> one(UUID requestId, boolean withIdentifier) {
        Instant now = clock.instant();
        return jdbc
                .query(
                        """
                select %s, purpose_detail, consent_status, consent_detail, information_sought, decision::text,
                       escalation::text, subject_pseudonym, subject_details, subject_details_erased_at,
                       agreement_id,
                       (select a.title from agreement_view a where a.agreement_id = request_view.agreement_id)
                           as agreement_title
                from request_view where request_id = ?""".formatted(SUMMARY_COLUMNS),
                        (rs, i) -> {
                            Map<String, Object> view = summary(rs, now);
                            subject(rs, withIdentifier).ifPresent(subject -> view.put("subject", subject));
                            view.put("purposeDetail", rs.getString("purpose_detail"));
                            Map<String, Object> consent = new LinkedHashMap<>();
                            consent.put("status", rs.getString("consent_status"));
                            consent.put("detail", rs.getString("consent_detail"));
                            view.put("consent", consent);
                            view.put("informationSought", rs.getString("information_sought"));
                            view.put("decision", tree(rs.getString("decision")));
                            view.put("escalation", tree(rs.getString("escalation")));
                            view.put("agreementId", rs.getString("agreement_id"));
                            view.put("agreementTitle", rs.getString("agreement_title"));
                            return view;
                        },
                        requestId)
                .stream()
                .findFirst()
                .map(view -> {
                    view.put("history", history(requestId));
                    return view;
                });
    }

    Page page(String agencyId, String side, String status, int page, int size) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (agencyId != null) {
            if ("HOLDER".equals(side)) {
                where.append(" and holding_agency_id = ?");
                args.add(agencyId);
            } else if ("REQUESTER".equals(side)) {
                where.append(" and requesting_agency_id = ?");
                args.add(agencyId);
            } else {
                where.append(" and (holding_agency_id = ? or requesting_agency_id = ?)");
                args.add(agencyId);
                args.add(agencyId);
            }
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status);
        }
        Long total = jdbc.queryForObject("select count(*) from request_view" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        Instant now = clock.instant();
        List<Map<String, Object>> items = jdbc.query(
                "select " + SUMMARY_COLUMNS + " from request_view" + where
                        + " order by requested_at desc, request_id limit ? offset ?",
                (rs, i) -> summary(rs, now),
                pageArgs.toArray());
        return new Page(items, page, size, total == null ? 0 : total);
    }

    private List<Map<String, Object>> history(UUID requestId) {
        return jdbc.query(
                """
                select seq, event_id, type, recorded_at, occurred_at, actor, agency_id, details::text
                from request_history where request_id = ? order by seq""",
                (rs, i) -> {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("type", rs.getString("type"));
                    step.put("recordedAt", instant(rs, "recorded_at"));
                    step.put("occurredAt", instant(rs, "occurred_at"));
                    step.put("actor", rs.getString("actor"));
                    step.put("agencyId", rs.getString("agency_id"));
                    step.put("eventId", rs.getString("event_id"));
                    step.put("sequenceNumber", rs.getLong("seq"));
                    JsonNode details = json.readTree(rs.getString("details"));
                    details.properties().forEach(field -> step.putIfAbsent(field.getKey(), field.getValue()));
                    return step;
                },
                requestId);
    }

    /**
     * The child's details, opened now: the identifier the request named them by (only {@code withIdentifier}: nhsNumber
     * or localReference), and name and dateOfBirth if the request carried them; or erased (with erasedAt) once the
     * child's key was destroyed. Empty when there is nothing to show. Only the caller decides who may see them.
     */
    private Optional<Map<String, Object>> subject(ResultSet rs, boolean withIdentifier) throws SQLException {
        Map<String, Object> subject = new LinkedHashMap<>();
        Instant erasedAt = instant(rs, "subject_details_erased_at");
        String sealed = rs.getString("subject_details");
        if (erasedAt == null && sealed == null) {
            return Optional.empty();
        }
        Optional<PersonalDetails> details =
                erasedAt == null ? subjectDetails.open(rs.getString("subject_pseudonym"), sealed) : Optional.empty();
        if (details.isEmpty()) {
            subject.put("erased", true);
            subject.put("erasedAt", erasedAt);
            return Optional.of(subject);
        }
        PersonalDetails opened = details.get();
        if (withIdentifier && opened.nhsNumber() != null) {
            subject.put("nhsNumber", opened.nhsNumber());
        }
        if (withIdentifier && opened.localReference() != null) {
            subject.put("localReference", opened.localReference());
        }
        if (opened.hasNameOrDateOfBirth()) {
            subject.put("name", opened.name());
            subject.put("dateOfBirth", opened.dateOfBirth());
        }
        return subject.isEmpty() ? Optional.empty() : Optional.of(subject);
    }

    private static Map<String, Object> summary(ResultSet rs, Instant now) throws SQLException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("requestId", rs.getString("request_id"));
        view.put("requestingAgencyId", rs.getString("requesting_agency_id"));
        view.put("holdingAgencyId", rs.getString("holding_agency_id"));
        view.put("caseReference", rs.getString("case_reference"));
        view.put("purpose", rs.getString("purpose"));
        view.put("lawfulBasis", rs.getString("lawful_basis"));
        view.put("urgency", rs.getString("urgency"));
        String status = rs.getString("status");
        view.put("status", status);
        view.put("requestedAt", instant(rs, "requested_at"));
        Instant dueBy = instant(rs, "due_by");
        view.put("dueBy", dueBy);
        Instant becameOverdue = instant(rs, "became_overdue_at");
        boolean awaiting = "AWAITING_DECISION".equals(status);
        view.put("overdue", awaiting && (becameOverdue != null || now.isAfter(dueBy)));
        view.put("becameOverdueAt", becameOverdue);
        view.put("decidedAt", instant(rs, "decided_at"));
        return view;
    }

    private JsonNode tree(String text) {
        return text == null ? null : json.readTree(text);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    record Parties(String requestingAgencyId, String holdingAgencyId) {}

    /** A page of summaries, newest first. */
    record Page(List<Map<String, Object>> items, int page, int size, long totalItems) {}
}
