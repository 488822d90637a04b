package org.sharingledger.projections.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The practitioners' work list, read from {@code request_view}: what awaits our decision (soonest due first), the
 * escalations we resolve, and the requests we made (newest first). Each section is read a page at a time, one row
 * beyond the page to know whether another follows, so that no query counts an agency's whole history. The partial
 * and composite indexes of {@code V2026.11.30.10__work_list_indexes.sql} serve each query.
 */
@Repository
class RequestLists {

    static final int PAGE = 50;

    private static final String FIELDS = """
            r.request_id, r.requesting_agency_id, r.holding_agency_id, q.name as requesting_name,
            h.name as holding_name, r.case_reference, r.purpose, r.urgency, r.status, r.requested_at, r.due_by,
            r.became_overdue_at, r.escalation ->> 'stage' as stage, r.changed_at""";

    private static final String AGENCIES = """
            left join agency_view q on q.agency_id = r.requesting_agency_id
            left join agency_view h on h.agency_id = r.holding_agency_id""";

    private static final String COLUMNS = FIELDS + " from request_view r " + AGENCIES;

    // Each section's query; its parameters are the section's own, then the page's limit and offset. Package-private
    // so that WorkListBenchmark can print their plans.
    static final String AWAITING = "select " + COLUMNS
            + " where r.holding_agency_id = ? and r.status = 'AWAITING_DECISION' "
            + "order by r.due_by, r.request_id limit ? offset ?";
    static final String ESCALATIONS_FOR_AGENCY = "select " + COLUMNS
            + " where r.holding_agency_id = ? and r.status = 'ESCALATED' "
            + "and r.escalation ->> 'stage' <> 'SAFEGUARDING_PARTNERSHIP' "
            + "order by r.changed_at, r.request_id limit ? offset ?";
    static final String ESCALATIONS_FOR_TRUST = "select " + COLUMNS + " where r.status = 'ESCALATED' "
            + "and r.escalation ->> 'stage' = 'SAFEGUARDING_PARTNERSHIP' "
            + "order by r.changed_at, r.request_id limit ? offset ?";
    // The requests we made can run to tens of thousands, so a deep page's offset is skipped in the index alone
    // (an index-only scan of request_view_made_idx or request_view_made_status_idx, which hold every column the
    // inner query reads) and only the page's rows are read from the table.
    static final String MADE = "select " + FIELDS + " from (select request_id, requested_at from request_view "
            + "where requesting_agency_id = ? order by requested_at desc, request_id limit ? offset ?) p "
            + "join request_view r on r.request_id = p.request_id " + AGENCIES
            + " order by p.requested_at desc, p.request_id";
    static final String MADE_IN_STATUS = "select " + FIELDS + " from (select request_id, requested_at "
            + "from request_view where requesting_agency_id = ? and status = ? "
            + "order by requested_at desc, request_id limit ? offset ?) p "
            + "join request_view r on r.request_id = p.request_id " + AGENCIES
            + " order by p.requested_at desc, p.request_id";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RequestLists(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Requests our agency holds the information for, awaiting our decision: soonest due first. */
    Section awaitingOurDecision(String agencyId, int page) {
        return section(AWAITING, page, agencyId);
    }

    /** Open escalations against our agency at its own stages (for its nominated representative): oldest first. */
    Section escalationsForAgency(String agencyId, int page) {
        return section(ESCALATIONS_FOR_AGENCY, page, agencyId);
    }

    /** Open escalations at the safeguarding partnership, for the Children's Trust: oldest first. */
    Section escalationsForTrust(int page) {
        return section(ESCALATIONS_FOR_TRUST, page);
    }

    /**
     * What a nominated representative's dashboard counts for its agency as holder, request by request: the same
     * rows as its figures, so that a figure and its list agree. {@code from} and {@code to} bound when the requests
     * were made, as the dashboard's period does ({@code to} exclusive); null for no bound. Awaiting and overdue
     * soonest due first; escalations oldest first, at every stage (the dashboard counts those at the safeguarding
     * partnership too).
     */
    Section behindFigure(Figure figure, String agencyId, Instant from, Instant to, int page) {
        List<Object> args = new ArrayList<>(List.of(agencyId));
        StringBuilder where = new StringBuilder(" where r.holding_agency_id = ?");
        switch (figure) {
            case AWAITING -> where.append(" and r.status = 'AWAITING_DECISION'");
            case OVERDUE -> {
                where.append(" and r.status = 'AWAITING_DECISION' and r.due_by < ?");
                args.add(Timestamp.from(clock.instant()));
            }
            case ESCALATIONS -> where.append(" and r.status = 'ESCALATED'");
        }
        if (from != null) {
            where.append(" and r.requested_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and r.requested_at < ?");
            args.add(Timestamp.from(to));
        }
        String order = figure == Figure.ESCALATIONS
                ? " order by r.changed_at, r.request_id"
                : " order by r.due_by, r.request_id";
        return section("select " + COLUMNS + where + order + " limit ? offset ?", page, args.toArray());
    }

    /** The dashboard's figures that link to their requests. */
    enum Figure {
        AWAITING,
        OVERDUE,
        ESCALATIONS
    }

    /** The requests our agency made, newest first, in one status or all. */
    Section madeBy(String agencyId, String status, int page) {
        return status == null ? section(MADE, page, agencyId) : section(MADE_IN_STATUS, page, agencyId, status);
    }

    /** The signed agencies a request can be made to: every one but our own, by name. */
    List<AgencyChoice> signedAgenciesBut(String agencyId) {
        return jdbc.query(
                "select agency_id, name from agency_view where status = 'SIGNED' and agency_id <> ? "
                        + "order by name, agency_id",
                (rs, i) -> new AgencyChoice(rs.getString(1), rs.getString(2)),
                agencyId);
    }

    Optional<String> agencyName(String agencyId) {
        return jdbc.queryForList("select name from agency_view where agency_id = ?", String.class, agencyId).stream()
                .findFirst();
    }

    private Section section(String sql, int page, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(PAGE + 1);
        all.add((long) page * PAGE);
        Instant now = clock.instant();
        List<Row> rows = jdbc.query(sql, (rs, i) -> row(rs, now), all.toArray());
        boolean more = rows.size() > PAGE;
        return new Section(more ? rows.subList(0, PAGE) : rows, page, more);
    }

    private static Row row(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString("status");
        Instant requestedAt = instant(rs, "requested_at");
        Instant dueBy = instant(rs, "due_by");
        Due due = "AWAITING_DECISION".equals(status)
                ? Due.of(requestedAt, dueBy, rs.getTimestamp("became_overdue_at") != null, now)
                : null;
        return new Row(
                rs.getString("request_id"),
                rs.getString("requesting_agency_id"),
                name(rs.getString("requesting_name"), rs.getString("requesting_agency_id")),
                rs.getString("holding_agency_id"),
                name(rs.getString("holding_name"), rs.getString("holding_agency_id")),
                rs.getString("case_reference"),
                rs.getString("purpose"),
                rs.getString("urgency"),
                status,
                requestedAt,
                dueBy,
                due,
                rs.getString("stage"),
                instant(rs, "changed_at"));
    }

    private static String name(String name, String agencyId) {
        return name != null ? name : agencyId;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** One page of a section; {@code more} when another page follows. */
    record Section(List<Row> rows, int page, boolean more) {

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    /** A request on the work list. {@code due} only while it awaits its decision; {@code stage} once escalated. */
    record Row(
            String requestId,
            String requestingAgencyId,
            String requestingAgency,
            String holdingAgencyId,
            String holdingAgency,
            String caseReference,
            String purpose,
            String urgency,
            String status,
            Instant requestedAt,
            Instant dueBy,
            Due due,
            String stage,
            Instant changedAt) {}

    record AgencyChoice(String agencyId, String name) {}
}
