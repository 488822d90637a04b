package org.sharingledger.projections.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboards' changes from one batch of events (one unit of work), kept in memory and written at its commit with
 * a few set-based statements: a request made and decided in the same batch is one insert, and the daily totals of a
 * batch are summed per day and agency pair before they are added. The result is exactly what applying the events one
 * by one gives (the same statements' meaning, in an order that respects it), in the same transaction as the token.
 */
final class DashboardBatch {

    /** The counted columns of dashboard_daily, in this order in every count array. */
    enum Count {
        RECEIVED,
        DECIDED,
        SHARED,
        PARTIALLY_SHARED,
        REFUSED,
        DECIDED_LATE,
        WITHDRAWN,
        BECAME_OVERDUE,
        ESCALATIONS,
        ESCALATIONS_OPEN,
        ESCALATIONS_SHARED,
        ESCALATIONS_UPHELD,
        DECIDED_ACCREDITATION_KNOWN,
        DECIDED_ACCREDITED;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Its place in a count array (the order above; never stored). */
        @SuppressWarnings("EnumOrdinal")
        int index() {
            return ordinal();
        }
    }

    private static final Count[] COUNTS = Count.values();

    private static final String UPSERT_AGENCY = """
            insert into dashboard_agency (agency_id, name, sector) values (?, ?, ?)
            on conflict (agency_id) do update set name = excluded.name, sector = excluded.sector""";

    private static final String INSERT_REQUEST = """
            insert into dashboard_request (request_id, requesting_agency_id, holding_agency_id, requested_at, due_by,
                status, agreement_id, decision, refusal_reason, decided_at, decided_late, decided_by_accredited,
                escalation_open, became_overdue)
            values (?, ?, ?, ?, ?, ?, ?, ?::varchar, ?::varchar, ?::timestamptz, ?, ?::boolean, ?, ?)
            on conflict (request_id) do nothing""";

    private static final String UPDATE_REQUEST = """
            update dashboard_request set
                status = coalesce(?::varchar, status),
                decision = case when ? then ?::varchar else decision end,
                refusal_reason = case when ? then ?::varchar else refusal_reason end,
                decided_at = case when ? then ?::timestamptz else decided_at end,
                decided_late = case when ? then ? else decided_late end,
                decided_by_accredited = case when ? then ?::boolean else decided_by_accredited end,
                escalation_open = coalesce(?::boolean, escalation_open),
                became_overdue = became_overdue or ?
            where request_id = ?""";

    private static final String RESOLVE_STORED_ESCALATION = """
            update dashboard_escalation set outcome = ?, resolved_at = ?
            where request_id = ? and seq = (select max(seq) from dashboard_escalation where request_id = ?)""";

    private static final String UPSERT_ESCALATION = """
            insert into dashboard_escalation (request_id, seq, stage, raised_at, outcome, resolved_at)
            values (?, ?, ?, ?, ?::varchar, ?::timestamptz)
            on conflict (request_id, seq) do update
                set outcome = coalesce(excluded.outcome, dashboard_escalation.outcome),
                    resolved_at = coalesce(excluded.resolved_at, dashboard_escalation.resolved_at)""";

    private static final String ADD_DAILY = "insert into dashboard_daily (day, holding_agency_id, "
            + "requesting_agency_id, "
            + Arrays.stream(COUNTS).map(Count::column).collect(Collectors.joining(", "))
            + ") values (?, ?, ?, "
            + Arrays.stream(COUNTS).map(count -> "?").collect(Collectors.joining(", "))
            + ") on conflict (day, holding_agency_id, requesting_agency_id) do update set "
            + Arrays.stream(COUNTS)
                    .map(count ->
                            count.column() + " = dashboard_daily." + count.column() + " + excluded." + count.column())
                    .collect(Collectors.joining(", "));

    private static final String ADD_REASON = """
            insert into dashboard_daily_reason (day, holding_agency_id, reason, refused) values (?, ?, ?, ?)
            on conflict (day, holding_agency_id, reason) do update
                set refused = dashboard_daily_reason.refused + excluded.refused""";

    private static final String ADD_STAGE = """
            insert into dashboard_daily_stage (day, requesting_agency_id, stage, raised) values (?, ?, ?, ?)
            on conflict (day, requesting_agency_id, stage) do update
                set raised = dashboard_daily_stage.raised + excluded.raised""";

    private final Map<String, Object[]> agencies = new LinkedHashMap<>();
    private final Map<UUID, Request> requests = new LinkedHashMap<>();
    private final List<Escalation> escalations = new ArrayList<>();

    /** What this batch knows and changes of one request. */
    private static final class Request {
        final UUID id;
        /** Set when the request was made in this batch: its row is inserted with every later change folded in. */
        Made made;
        /** Where its daily totals go: from {@link #made}, or read from the stored row at commit. */
        Day day;

        String status;
        boolean decided;
        String decision;
        String refusalReason;
        Timestamp decidedAt;
        boolean decidedLate;
        Boolean decidedByAccredited;
        Boolean escalationOpen;
        boolean becameOverdue;

        final int[] counts = new int[COUNTS.length];
        final Map<String, Integer> refusedFor = new LinkedHashMap<>();
        final Map<String, Integer> raisedAt = new LinkedHashMap<>();
        /** The newest escalation raised in this batch, which a resolution in this batch resolves. */
        Escalation latestEscalation;
        /** A resolution of an escalation raised before this batch: {outcome, resolvedAt}. */
        Object[] storedResolution;

        Request(UUID id) {
            this.id = id;
        }

        boolean changed() {
            return status != null || decided || escalationOpen != null || becameOverdue;
        }
    }

    private record Made(
            String requestingAgencyId,
            String holdingAgencyId,
            Timestamp requestedAt,
            Timestamp dueBy,
            String status,
            UUID agreementId) {}

    private record Day(LocalDate day, String holdingAgencyId, String requestingAgencyId) {}

    private static final class Escalation {
        final UUID requestId;
        final long seq;
        final String stage;
        final Timestamp raisedAt;
        String outcome;
        Timestamp resolvedAt;

        Escalation(UUID requestId, long seq, String stage, Timestamp raisedAt) {
            this.requestId = requestId;
            this.seq = seq;
            this.stage = stage;
            this.raisedAt = raisedAt;
        }
    }

    private Request request(UUID id) {
        return requests.computeIfAbsent(id, Request::new);
    }

    void agency(String agencyId, String name, String sector) {
        agencies.put(agencyId, new Object[] {agencyId, name, sector});
    }

    /** A request made: counted as received only if its row is new (a re-delivered event counts once). */
    void requested(
            UUID id,
            String requestingAgencyId,
            String holdingAgencyId,
            Instant requestedAt,
            Instant dueBy,
            String status,
            UUID agreementId) {
        Request request = request(id);
        if (request.made == null && !request.changed()) {
            request.made = new Made(
                    requestingAgencyId,
                    holdingAgencyId,
                    Timestamp.from(requestedAt),
                    Timestamp.from(dueBy),
                    status,
                    agreementId);
            request.day =
                    new Day(LocalDate.ofInstant(requestedAt, ZoneOffset.UTC), holdingAgencyId, requestingAgencyId);
        }
    }

    void decided(UUID id, String decision, String reason, Instant occurredAt, boolean late, Boolean accredited) {
        Request request = request(id);
        request.status = decision;
        request.decided = true;
        request.decision = decision;
        request.refusalReason = reason;
        request.decidedAt = occurredAt == null ? null : Timestamp.from(occurredAt);
        request.decidedLate = late;
        request.decidedByAccredited = accredited;
    }

    void status(UUID id, String status) {
        request(id).status = status;
    }

    void escalationOpen(UUID id, boolean open) {
        request(id).escalationOpen = open;
    }

    void becameOverdue(UUID id) {
        request(id).becameOverdue = true;
    }

    void count(UUID id, Count column, int delta) {
        request(id).counts[column.index()] += delta;
    }

    void refusedFor(UUID id, String reason) {
        request(id).refusedFor.merge(reason, 1, Integer::sum);
    }

    void raised(UUID id, long seq, String stage, Instant raisedAt) {
        Request request = request(id);
        Escalation escalation = new Escalation(id, seq, stage, Timestamp.from(raisedAt));
        escalations.add(escalation);
        request.latestEscalation = escalation;
        request.raisedAt.merge(stage, 1, Integer::sum);
    }

    void resolved(UUID id, String outcome, Instant resolvedAt) {
        Request request = request(id);
        Timestamp at = resolvedAt == null ? null : Timestamp.from(resolvedAt);
        if (request.latestEscalation != null) {
            request.latestEscalation.outcome = outcome;
            request.latestEscalation.resolvedAt = at;
        } else {
            request.storedResolution = new Object[] {outcome, at};
        }
    }

    /** Writes the batch: a handful of statements, each sent once with all its rows. */
    void flush(JdbcTemplate jdbc) {
        if (!agencies.isEmpty()) {
            jdbc.batchUpdate(UPSERT_AGENCY, new ArrayList<>(agencies.values()));
        }
        List<Request> made = requests.values().stream()
                .filter(request -> request.made != null)
                .toList();
        List<Request> stored = new ArrayList<>(requests.values().stream()
                .filter(request -> request.made == null)
                .toList());
        if (!made.isEmpty()) {
            int[][] inserted = jdbc.batchUpdate(INSERT_REQUEST, made, made.size(), (statement, request) -> {
                Made m = request.made;
                statement.setObject(1, request.id);
                statement.setString(2, m.requestingAgencyId());
                statement.setString(3, m.holdingAgencyId());
                statement.setTimestamp(4, m.requestedAt());
                statement.setTimestamp(5, m.dueBy());
                statement.setString(6, request.status != null ? request.status : m.status());
                statement.setObject(7, m.agreementId());
                statement.setString(8, request.decided ? request.decision : null);
                statement.setString(9, request.decided ? request.refusalReason : null);
                statement.setTimestamp(10, request.decided ? request.decidedAt : null);
                statement.setBoolean(11, request.decided && request.decidedLate);
                statement.setObject(12, request.decided ? request.decidedByAccredited : null);
                statement.setBoolean(13, Boolean.TRUE.equals(request.escalationOpen));
                statement.setBoolean(14, request.becameOverdue);
            });
            for (int i = 0; i < made.size(); i++) {
                Request request = made.get(i);
                if (inserted[0][i] == 1) {
                    request.counts[Count.RECEIVED.index()] += 1;
                } else {
                    // already there (an event delivered again): its row is changed like any stored request's
                    request.made = null;
                    request.day = null;
                    stored.add(request);
                }
            }
        }
        readDays(jdbc, stored);
        List<Request> changed = stored.stream().filter(Request::changed).toList();
        if (!changed.isEmpty()) {
            jdbc.batchUpdate(UPDATE_REQUEST, changed, changed.size(), (statement, request) -> {
                statement.setString(1, request.status);
                statement.setBoolean(2, request.decided);
                statement.setString(3, request.decision);
                statement.setBoolean(4, request.decided);
                statement.setString(5, request.refusalReason);
                statement.setBoolean(6, request.decided);
                statement.setTimestamp(7, request.decidedAt);
                statement.setBoolean(8, request.decided);
                statement.setBoolean(9, request.decidedLate);
                statement.setBoolean(10, request.decided);
                statement.setObject(11, request.decidedByAccredited);
                statement.setObject(12, request.escalationOpen);
                statement.setBoolean(13, request.becameOverdue);
                statement.setObject(14, request.id);
            });
        }
        List<Request> resolving = requests.values().stream()
                .filter(request -> request.storedResolution != null)
                .toList();
        if (!resolving.isEmpty()) {
            jdbc.batchUpdate(
                    RESOLVE_STORED_ESCALATION,
                    resolving.stream()
                            .map(request -> new Object[] {
                                request.storedResolution[0], request.storedResolution[1], request.id, request.id
                            })
                            .toList());
        }
        if (!escalations.isEmpty()) {
            jdbc.batchUpdate(UPSERT_ESCALATION, escalations, escalations.size(), (statement, escalation) -> {
                statement.setObject(1, escalation.requestId);
                statement.setLong(2, escalation.seq);
                statement.setString(3, escalation.stage);
                statement.setTimestamp(4, escalation.raisedAt);
                statement.setString(5, escalation.outcome);
                statement.setTimestamp(6, escalation.resolvedAt);
            });
        }
        addTotals(jdbc);
    }

    /** Where each stored request's totals go, read in one query (a request not stored is counted nowhere). */
    private void readDays(JdbcTemplate jdbc, List<Request> stored) {
        if (stored.isEmpty()) {
            return;
        }
        Map<UUID, Request> byId = new HashMap<>();
        stored.forEach(request -> byId.put(request.id, request));
        jdbc.query(
                """
                select request_id, (requested_at at time zone 'UTC')::date as day, holding_agency_id,
                    requesting_agency_id
                from dashboard_request where request_id = any(?)""",
                statement -> statement.setArray(
                        1,
                        statement
                                .getConnection()
                                .createArrayOf("uuid", byId.keySet().toArray(UUID[]::new))),
                row -> {
                    Request request = byId.get(row.getObject("request_id", UUID.class));
                    request.day = new Day(
                            row.getObject("day", LocalDate.class),
                            row.getString("holding_agency_id"),
                            row.getString("requesting_agency_id"));
                });
    }

    private void addTotals(JdbcTemplate jdbc) {
        Map<Day, int[]> daily = new LinkedHashMap<>();
        Map<List<Object>, Integer> reasons = new LinkedHashMap<>();
        Map<List<Object>, Integer> stages = new LinkedHashMap<>();
        for (Request request : requests.values()) {
            if (request.day == null) {
                continue;
            }
            int[] sums = daily.computeIfAbsent(request.day, day -> new int[COUNTS.length]);
            for (int i = 0; i < COUNTS.length; i++) {
                sums[i] += request.counts[i];
            }
            Day day = request.day;
            request.refusedFor.forEach(
                    (reason, n) -> reasons.merge(List.of(day.day(), day.holdingAgencyId(), reason), n, Integer::sum));
            request.raisedAt.forEach(
                    (stage, n) -> stages.merge(List.of(day.day(), day.requestingAgencyId(), stage), n, Integer::sum));
        }
        List<Object[]> dailyRows = daily.entrySet().stream()
                .filter(entry -> Arrays.stream(entry.getValue()).anyMatch(n -> n != 0))
                .map(entry -> {
                    Object[] row = new Object[3 + COUNTS.length];
                    row[0] = entry.getKey().day();
                    row[1] = entry.getKey().holdingAgencyId();
                    row[2] = entry.getKey().requestingAgencyId();
                    IntStream.range(0, COUNTS.length).forEach(i -> row[3 + i] = entry.getValue()[i]);
                    return row;
                })
                .toList();
        if (!dailyRows.isEmpty()) {
            jdbc.batchUpdate(ADD_DAILY, dailyRows);
        }
        if (!reasons.isEmpty()) {
            jdbc.batchUpdate(ADD_REASON, rows(reasons));
        }
        if (!stages.isEmpty()) {
            jdbc.batchUpdate(ADD_STAGE, rows(stages));
        }
    }

    private static List<Object[]> rows(Map<List<Object>, Integer> sums) {
        return sums.entrySet().stream()
                .map(entry -> new Object[] {
                    entry.getKey().get(0), entry.getKey().get(1), entry.getKey().get(2), entry.getValue()
                })
                .toList();
    }
}
