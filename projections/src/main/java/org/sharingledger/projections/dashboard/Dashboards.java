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
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.DateBounds;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.projections.agencies.CommissionedProviders;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyDashboard;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyPattern;
import org.sharingledger.projections.dashboard.DashboardViews.AreaTotals;
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
 * request to when the decision really happened. Counts come from the daily totals, so their cost depends on days and
 * agencies, not on the number of requests; only an agency's own overdue requests and times to decision are read
 * request by request, through that agency's index.
 */
@Repository
public class Dashboards {

    private static final String IN_PERIOD = " requested_at >= ? and requested_at < ?";
    private static final String IN_DAYS = " day >= ? and day <= ?";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CommissionedProviders providers;

    Dashboards(JdbcTemplate jdbc, Clock clock, CommissionedProviders providers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.providers = providers;
    }

    /**
     * An agency's dashboard is for its own nominated representative and for the Trust: anyone else is refused (403,
     * and recorded by the caller's error handling); an agency the dashboards do not know is 404.
     */
    public void requireVisibleTo(Actor actor, String agencyId) {
        boolean representative = actor.actsFor(agencyId) && actor.has(Role.NOMINATED_REPRESENTATIVE);
        if (!representative && !actor.has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted(
                    "only a NOMINATED_REPRESENTATIVE of " + agencyId + " or a TRUST_REVIEWER may see its dashboard");
        }
        if (agency(agencyId).isEmpty()) {
            throw new NotFound("no agency " + agencyId + " in the dashboards");
        }
    }

    /** The agency's name and sector, if the dashboards know it. */
    public Optional<String[]> agency(String agencyId) {
        return jdbc
                .query(
                        "select name, sector from dashboard_agency where agency_id = ?",
                        (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                        agencyId)
                .stream()
                .findFirst();
    }

    public AgencyDashboard agencyDashboard(String agencyId, Period period) {
        Object[] days = {agencyId, period.from(), period.to()};
        Object[] range = {agencyId, period.start(), period.end()};
        long[] t = jdbc.queryForObject("""
                select coalesce(sum(received), 0), coalesce(sum(decided), 0), coalesce(sum(shared), 0),
                       coalesce(sum(partially_shared), 0), coalesce(sum(refused), 0), coalesce(sum(decided_late), 0),
                       coalesce(sum(withdrawn), 0), coalesce(sum(escalations_open), 0),
                       coalesce(sum(decided_accreditation_known), 0), coalesce(sum(decided_accredited), 0)
                from dashboard_daily where holding_agency_id = ? and""" + IN_DAYS, (rs, i) -> longs(rs, 10), days);
        long received = t[0];
        long decided = t[1];
        long refused = t[4];
        long late = t[5];
        long withdrawn = t[6];
        // Per request, in one pass of the holder's covering index: the requests still awaiting past due, times to
        // decision, and the requests that cited an agreement.
        Object[] perRequest = jdbc.queryForObject(
                """
                select count(*) filter (where status = 'AWAITING_DECISION' and due_by < ?),
                       percentile_cont(0.5) within group (order by extract(epoch from decided_at - requested_at))
                           filter (where decision is not null) / 3600,
                       percentile_cont(0.9) within group (order by extract(epoch from decided_at - requested_at))
                           filter (where decision is not null) / 3600,
                       count(*) filter (where agreement_id is not null)
                from dashboard_request where holding_agency_id = ? and""" + IN_PERIOD,
                (rs, i) -> new Object[] {rs.getLong(1), nullableDouble(rs, 2), nullableDouble(rs, 3), rs.getLong(4)},
                Timestamp.from(clock.instant()),
                agencyId,
                period.start(),
                period.end());
        AsHolder asHolder = new AsHolder(
                received,
                decided,
                t[2],
                t[3],
                refused,
                rate(refused, decided),
                received - decided - withdrawn,
                (Long) perRequest[0],
                late,
                withdrawn,
                refusalsByReason("holding_agency_id = ? and", days),
                (Double) perRequest[1],
                (Double) perRequest[2],
                rate(decided - late, decided),
                (Long) perRequest[3],
                t[8],
                t[9],
                rate(t[9], t[8]));

        // One pass of the requester's covering index: outcomes, and the requests that cited an agreement.
        Map<String, Long> outcomes = zeros(RequestStatus.values());
        long[] requestedUnderAgreement = {0};
        jdbc.query(
                "select status, count(*), count(*) filter (where agreement_id is not null) from dashboard_request "
                        + "where requesting_agency_id = ? and" + IN_PERIOD + " group by status",
                rs -> {
                    outcomes.put(rs.getString(1), rs.getLong(2));
                    requestedUnderAgreement[0] += rs.getLong(3);
                },
                range);
        Map<String, Long> byStage = zeros(Stage.values());
        jdbc.query(
                "select stage, sum(raised) from dashboard_daily_stage where requesting_agency_id = ? and" + IN_DAYS
                        + " group by stage",
                rs -> {
                    byStage.put(rs.getString(1), rs.getLong(2));
                },
                days);
        long[] ended = jdbc.queryForObject("""
                select coalesce(sum(escalations_shared), 0), coalesce(sum(escalations_upheld), 0)
                from dashboard_daily where requesting_agency_id = ? and""" + IN_DAYS, (rs, i) -> longs(rs, 2), days);
        AsRequester asRequester = new AsRequester(
                outcomes.values().stream().mapToLong(Long::longValue).sum(),
                outcomes,
                byStage.values().stream().mapToLong(Long::longValue).sum(),
                byStage,
                ended[0],
                ended[1],
                requestedUnderAgreement[0]);

        String[] agency = agency(agencyId).orElse(new String[] {null, null});
        return new AgencyDashboard(
                agencyId,
                agency[0],
                agency[1],
                period.from(),
                period.to(),
                asHolder,
                asRequester,
                t[7],
                monthly("holding_agency_id = ? and", period, agencyId),
                providers.summary(agencyId));
    }

    /**
     * How escalations against the agency's decisions ended, for requests made to it in the period: the same
     * {@code SHARED}, {@code REFUSAL_UPHELD} and {@code OPEN} as each agency's {@code escalationOutcomes} in the
     * Trust's view, from the same daily totals.
     */
    public Map<String, Long> holderEscalationOutcomes(String agencyId, Period period) {
        long[] v = jdbc.queryForObject("""
                select coalesce(sum(escalations_shared), 0), coalesce(sum(escalations_upheld), 0),
                       coalesce(sum(escalations_open), 0)
                from dashboard_daily where holding_agency_id = ? and""" + IN_DAYS, (rs, i) -> longs(rs, 3), agencyId, period.from(), period.to());
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put(Outcome.SHARED.name(), v[0]);
        outcomes.put(Outcome.REFUSAL_UPHELD.name(), v[1]);
        outcomes.put("OPEN", v[2]);
        return outcomes;
    }

    /**
     * The whole area's totals for requests made in the period (every holding agency together), as the nominated
     * representatives' report gives them: made, decided (the first decision) and how, the refusal rate (refused over
     * decided, null when nothing was decided), refusals by reason, how many became overdue, how many were decided
     * after they were due, the median hours from request to first decision, and the escalations of those requests by
     * stage and by how they ended ({@code SHARED}, {@code REFUSAL_UPHELD}, {@code OPEN}). Counts come from the daily
     * totals; the median reads the period's requests through the index on their time.
     */
    public AreaTotals areaTotals(Period period) {
        Object[] days = {period.from(), period.to()};
        long[] t = jdbc.queryForObject("""
                select coalesce(sum(received), 0), coalesce(sum(decided), 0), coalesce(sum(shared), 0),
                       coalesce(sum(partially_shared), 0), coalesce(sum(refused), 0), coalesce(sum(became_overdue), 0),
                       coalesce(sum(decided_late), 0), coalesce(sum(escalations_shared), 0),
                       coalesce(sum(escalations_upheld), 0), coalesce(sum(escalations_open), 0)
                from dashboard_daily where""" + IN_DAYS, (rs, i) -> longs(rs, 10), days);
        Double median =
                jdbc.queryForObject("""
                select percentile_cont(0.5) within group (order by extract(epoch from decided_at - requested_at))
                           filter (where decision is not null) / 3600
                from dashboard_request where""" + IN_PERIOD, (rs, i) -> nullableDouble(rs, 1), period.start(), period.end());
        Map<String, Long> byStage = zeros(Stage.values());
        jdbc.query(
                "select stage, sum(raised) from dashboard_daily_stage where" + IN_DAYS + " group by stage",
                rs -> {
                    byStage.put(rs.getString(1), rs.getLong(2));
                },
                days);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put(Outcome.SHARED.name(), t[7]);
        outcomes.put(Outcome.REFUSAL_UPHELD.name(), t[8]);
        outcomes.put("OPEN", t[9]);
        return new AreaTotals(
                period.from(),
                period.to(),
                t[0],
                t[1],
                t[2],
                t[3],
                t[4],
                rate(t[4], t[1]),
                refusalsByReason("", days),
                t[5],
                t[6],
                median,
                byStage,
                outcomes);
    }

    public RefusalPatterns refusalPatterns(Period period) {
        Object[] days = {period.from(), period.to()};
        Map<String, long[]> volumes = new LinkedHashMap<>();
        jdbc.query(
                """
                select holding_agency_id, sum(received), sum(decided), sum(refused), sum(became_overdue),
                       sum(escalations_shared), sum(escalations_upheld), sum(escalations_open),
                       sum(decided_accreditation_known), sum(decided_accredited)
                from dashboard_daily where""" + IN_DAYS + " group by holding_agency_id",
                rs -> {
                    volumes.put(rs.getString(1), new long[] {
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10)
                    });
                },
                days);
        long areaDecided = volumes.values().stream().mapToLong(v -> v[1]).sum();
        long areaRefused = volumes.values().stream().mapToLong(v -> v[2]).sum();
        Double areaRate = rate(areaRefused, areaDecided);
        long areaKnown = volumes.values().stream().mapToLong(v -> v[7]).sum();
        long areaAccredited = volumes.values().stream().mapToLong(v -> v[8]).sum();

        List<AgencyPattern> agencies = jdbc.query(
                "select agency_id, name, sector from dashboard_agency " + "order by name, agency_id", (rs, i) -> {
                    String agencyId = rs.getString(1);
                    long[] v = volumes.getOrDefault(agencyId, new long[9]);
                    Map<String, Long> outcomes = new LinkedHashMap<>();
                    outcomes.put(Outcome.SHARED.name(), v[4]);
                    outcomes.put(Outcome.REFUSAL_UPHELD.name(), v[5]);
                    outcomes.put("OPEN", v[6]);
                    Double refusalRate = rate(v[2], v[1]);
                    Funnel funnel = refusalRate == null ? null : Funnel.of(areaRate, v[1], refusalRate);
                    return new AgencyPattern(
                            agencyId,
                            rs.getString(2),
                            rs.getString(3),
                            v[0],
                            v[1],
                            v[2],
                            refusalRate,
                            rate(v[3], v[0]),
                            v[4] + v[5] + v[6],
                            outcomes,
                            funnel,
                            v[7],
                            v[8],
                            rate(v[8], v[7]));
                });

        List<SectorCell> matrix = jdbc.query(
                """
                select ra.sector, ha.sector, sum(d.received), sum(d.decided), sum(d.refused)
                from dashboard_daily d
                join dashboard_agency ra on ra.agency_id = d.requesting_agency_id
                join dashboard_agency ha on ha.agency_id = d.holding_agency_id
                where d.day >= ? and d.day <= ?
                group by ra.sector, ha.sector order by ra.sector, ha.sector""",
                (rs, i) -> new SectorCell(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rate(rs.getLong(5), rs.getLong(4))),
                days);

        return new RefusalPatterns(
                period.from(),
                period.to(),
                areaRate,
                agencies,
                refusalsByReason("", days),
                matrix,
                monthly("", period),
                underAgreement(period),
                areaKnown,
                areaAccredited,
                rate(areaAccredited, areaKnown));
    }

    /** How many requests made in the period cited an Information Sharing Protocol. */
    private long underAgreement(Period period) {
        Long n = jdbc.queryForObject(
                "select count(*) from dashboard_request where agreement_id is not null and" + IN_PERIOD,
                Long.class,
                period.start(),
                period.end());
        return n == null ? 0 : n;
    }

    private Map<String, Long> refusalsByReason(String filter, Object[] args) {
        Map<String, Long> byReason = zeros(Reason.values());
        jdbc.query(
                "select reason, sum(refused) from dashboard_daily_reason where " + filter + IN_DAYS
                        + " group by reason",
                rs -> {
                    byReason.put(rs.getString(1), rs.getLong(2));
                },
                args);
        return byReason;
    }

    private List<Month> monthly(String filter, Period period, Object... agency) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        List<Object> args = new ArrayList<>(List.of(agency));
        args.add(period.from());
        args.add(period.to());
        jdbc.query(
                "select to_char(day, 'YYYY-MM'), sum(received), sum(decided), sum(refused) from dashboard_daily "
                        + "where " + filter + IN_DAYS + " group by 1",
                rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                },
                args.toArray());
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from());
                !month.isAfter(YearMonth.from(period.to()));
                month = month.plusMonths(1)) {
            long[] c = counts.getOrDefault(month.toString(), new long[3]);
            months.add(new Month(month.toString(), c[0], c[1], c[2], rate(c[2], c[1])));
        }
        return months;
    }

    private static long[] longs(ResultSet rs, int columns) throws SQLException {
        long[] values = new long[columns];
        for (int i = 0; i < columns; i++) {
            values[i] = rs.getLong(i + 1);
        }
        return values;
    }

    private static Map<String, Long> zeros(Enum<?>[] values) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            map.put(value.name(), 0L);
        }
        return map;
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * A period of whole days, {@code from} and {@code to} inclusive (UTC). By default the last 12 calendar months,
     * this one included.
     */
    public record Period(LocalDate from, LocalDate to) {

        /**
         * The period asked for, the last 12 calendar months by default; 400 naming the parameter outside
         * {@link DateBounds} (1990-01-01 to ten years ahead, at most twenty years long), so that no one can ask for
         * millions of months.
         */
        public static Period of(LocalDate from, LocalDate to, Clock clock) {
            DateBounds.check("from", from, "to", to, clock);
            LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
            LocalDate start =
                    from != null ? from : YearMonth.from(end).minusMonths(11).atDay(1);
            if (end.isAfter(start.plusYears(DateBounds.MAX_SPAN_YEARS))) {
                // only from was given, long ago: the period up to today would pass the limit
                throw new InvalidInput(
                        "from", "must be at most " + DateBounds.MAX_SPAN_YEARS + " years before to (default today)");
            }
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
