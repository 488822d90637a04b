package org.sharingledger.projections.dashboard;

import static org.sharingledger.projections.dashboard.DashboardViews.rate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sharingledger.projections.dashboard.DashboardViews.AgencyDashboard;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyPattern;
import org.sharingledger.projections.dashboard.DashboardViews.AsHolder;
import org.sharingledger.projections.dashboard.DashboardViews.AsRequester;
import org.sharingledger.projections.dashboard.DashboardViews.Month;
import org.sharingledger.projections.dashboard.DashboardViews.RefusalPatterns;
import org.sharingledger.projections.dashboard.DashboardViews.SectorCell;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The dashboard queries. A request counts in the period in which it was made; "decided" is its first decision
 * (shared in full, in part, or refused); escalation outcomes are counted apart. Times to decision run from the
 * request to when the decision really happened.
 */
@Repository
public class Dashboards {

    private static final String IN_PERIOD = " requested_at >= ? and requested_at < ?";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Dashboards(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The agency's name and sector, if the dashboards know it. */
    public Optional<String[]> agency(String agencyId) {
        return jdbc.query("select name, sector from dashboard_agency where agency_id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, agencyId).stream().findFirst();
    }

    public AgencyDashboard agencyDashboard(String agencyId, Period period) {
        Object[] args = {agencyId, period.start(), period.end()};
        Timestamp now = Timestamp.from(clock.instant());
        AsHolder asHolder = jdbc.queryForObject("""
                select count(*) as received,
                       count(decision) as decided,
                       count(*) filter (where decision = 'SHARED') as shared,
                       count(*) filter (where decision = 'PARTIALLY_SHARED') as partially_shared,
                       count(*) filter (where decision = 'REFUSED') as refused,
                       count(*) filter (where status = 'AWAITING_DECISION') as awaiting,
                       count(*) filter (where status = 'AWAITING_DECISION' and due_by < ?) as overdue_now,
                       count(*) filter (where decided_late) as decided_late,
                       count(*) filter (where status = 'WITHDRAWN') as withdrawn,
                       percentile_cont(0.5) within group (order by extract(epoch from decided_at - requested_at))
                           filter (where decision is not null) / 3600 as median_hours,
                       percentile_cont(0.9) within group (order by extract(epoch from decided_at - requested_at))
                           filter (where decision is not null) / 3600 as p90_hours
                from dashboard_request where holding_agency_id = ? and""" + IN_PERIOD, (rs, i) -> {
            long decided = rs.getLong("decided");
            return new AsHolder(rs.getLong("received"), decided, rs.getLong("shared"), rs.getLong("partially_shared"),
                    rs.getLong("refused"), rate(rs.getLong("refused"), decided), rs.getLong("awaiting"),
                    rs.getLong("overdue_now"), rs.getLong("decided_late"), rs.getLong("withdrawn"),
                    refusalsByReason("holding_agency_id = ? and", args), nullableDouble(rs, "median_hours"),
                    nullableDouble(rs, "p90_hours"), rate(decided - rs.getLong("decided_late"), decided));
        }, now, agencyId, period.start(), period.end());

        Map<String, Long> outcomes = zeros(RequestStatus.values());
        jdbc.query("select status, count(*) from dashboard_request where requesting_agency_id = ? and" + IN_PERIOD
                + " group by status", rs -> {
            outcomes.put(rs.getString(1), rs.getLong(2));
        }, args);
        Map<String, Long> byStage = zeros(Stage.values());
        Map<String, Long> byOutcome = zeros(Outcome.values());
        jdbc.query("""
                select e.stage, e.outcome, count(*) from dashboard_escalation e
                join dashboard_request r on r.request_id = e.request_id
                where r.requesting_agency_id = ? and r.requested_at >= ? and r.requested_at < ?
                group by e.stage, e.outcome""", rs -> {
            byStage.merge(rs.getString(1), rs.getLong(3), Long::sum);
            if (rs.getString(2) != null) {
                byOutcome.merge(rs.getString(2), rs.getLong(3), Long::sum);
            }
        }, args);
        AsRequester asRequester = new AsRequester(outcomes.values().stream().mapToLong(Long::longValue).sum(),
                outcomes, byStage.values().stream().mapToLong(Long::longValue).sum(), byStage,
                byOutcome.get(Outcome.SHARED.name()), byOutcome.get(Outcome.REFUSAL_UPHELD.name()));

        long openEscalations = jdbc.queryForObject("select count(*) from dashboard_request where escalation_open "
                + "and holding_agency_id = ? and" + IN_PERIOD, Long.class, args);
        String[] agency = agency(agencyId).orElse(new String[] {null, null});
        return new AgencyDashboard(agencyId, agency[0], agency[1], period.from(), period.to(), asHolder, asRequester,
                openEscalations, monthly("holding_agency_id = ? and", period, agencyId));
    }

    public RefusalPatterns refusalPatterns(Period period) {
        Object[] range = {period.start(), period.end()};
        Map<String, long[]> volumes = new LinkedHashMap<>();
        jdbc.query("""
                select holding_agency_id, count(*), count(decision), count(*) filter (where decision = 'REFUSED'),
                       count(*) filter (where became_overdue)
                from dashboard_request where""" + IN_PERIOD + " group by holding_agency_id", rs -> {
            volumes.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
        }, range);
        Map<String, Map<String, Long>> escalations = new LinkedHashMap<>();
        jdbc.query("""
                select r.holding_agency_id, coalesce(e.outcome, 'OPEN'), count(*) from dashboard_escalation e
                join dashboard_request r on r.request_id = e.request_id
                where r.requested_at >= ? and r.requested_at < ? group by 1, 2""", rs -> {
            escalations.computeIfAbsent(rs.getString(1), k -> escalationOutcomes())
                    .put(rs.getString(2), rs.getLong(3));
        }, range);
        long areaDecided = volumes.values().stream().mapToLong(v -> v[1]).sum();
        long areaRefused = volumes.values().stream().mapToLong(v -> v[2]).sum();
        Double areaRate = rate(areaRefused, areaDecided);

        List<AgencyPattern> agencies = jdbc.query("select agency_id, name, sector from dashboard_agency "
                + "order by name, agency_id", (rs, i) -> {
            String agencyId = rs.getString(1);
            long[] v = volumes.getOrDefault(agencyId, new long[4]);
            Map<String, Long> outcomes = escalations.getOrDefault(agencyId, escalationOutcomes());
            Double refusalRate = rate(v[2], v[1]);
            Funnel funnel = refusalRate == null ? null : Funnel.of(areaRate, v[1], refusalRate);
            return new AgencyPattern(agencyId, rs.getString(2), rs.getString(3), v[0], v[1], v[2], refusalRate,
                    rate(v[3], v[0]), outcomes.values().stream().mapToLong(Long::longValue).sum(), outcomes, funnel);
        });

        List<SectorCell> matrix = jdbc.query("""
                select ra.sector, ha.sector, count(*), count(r.decision),
                       count(*) filter (where r.decision = 'REFUSED')
                from dashboard_request r
                join dashboard_agency ra on ra.agency_id = r.requesting_agency_id
                join dashboard_agency ha on ha.agency_id = r.holding_agency_id
                where r.requested_at >= ? and r.requested_at < ?
                group by ra.sector, ha.sector order by ra.sector, ha.sector""", (rs, i) -> new SectorCell(
                rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rate(rs.getLong(5), rs.getLong(4))), range);

        return new RefusalPatterns(period.from(), period.to(), areaRate, agencies, refusalsByReason("", range),
                matrix, monthly("", period));
    }

    private Map<String, Long> refusalsByReason(String filter, Object[] args) {
        Map<String, Long> byReason = zeros(Reason.values());
        jdbc.query("select refusal_reason, count(*) from dashboard_request where " + filter + IN_PERIOD
                + " and decision = 'REFUSED' group by refusal_reason", rs -> {
            byReason.put(rs.getString(1), rs.getLong(2));
        }, args);
        return byReason;
    }

    private List<Month> monthly(String filter, Period period, Object... agency) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(List.of(agency));
        args.add(period.start());
        args.add(period.end());
        jdbc.query("""
                select to_char(requested_at at time zone 'UTC', 'YYYY-MM'), count(*), count(decision),
                       count(*) filter (where decision = 'REFUSED')
                from dashboard_request where""" + " " + filter + IN_PERIOD + " group by 1", rs -> {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        }, args.toArray());
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to()));
             month = month.plusMonths(1)) {
            long[] c = counts.getOrDefault(month.toString(), new long[3]);
            months.add(new Month(month.toString(), c[0], c[1], c[2], rate(c[2], c[1])));
        }
        return months;
    }

    private static Map<String, Long> escalationOutcomes() {
        Map<String, Long> outcomes = zeros(Outcome.values());
        outcomes.put("OPEN", 0L);
        return outcomes;
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * A period of whole days, {@code from} and {@code to} inclusive (UTC). By default the last 12 calendar months,
     * this one included.
     */
    public record Period(LocalDate from, LocalDate to) {

        public static Period of(LocalDate from, LocalDate to, Clock clock) {
            LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate start = from != null ? from : YearMonth.from(end).minusMonths(11).atDay(1);
            return new Period(start, end);
        }

        Timestamp start() {
            return Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant());
        }

        Timestamp end() {
            Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return Timestamp.from(end);
        }
    }
}
