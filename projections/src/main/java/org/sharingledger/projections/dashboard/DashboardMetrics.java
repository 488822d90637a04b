package org.sharingledger.projections.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.refusals} by holding agency and reason (all time, refreshed every 30 s from the dashboards' facts)
 * and {@code ledger.requests.overdue} (requests past due with no decision, right now).
 */
@Component
class DashboardMetrics {

    private final JdbcTemplate jdbc;
    private final MultiGauge refusals;

    DashboardMetrics(JdbcTemplate jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.refusals = MultiGauge.builder("ledger.refusals")
                .description("Refusals (first decisions) by holding agency and reason")
                .register(registry);
        Gauge.builder(
                        "ledger.requests.overdue",
                        jdbc,
                        db -> db.queryForObject("""
                        select count(*) from dashboard_request where status = 'AWAITING_DECISION' and due_by < ?""", Long.class, Timestamp.from(clock.instant())))
                .description("Requests past their due time with no decision")
                .register(registry);
    }

    @Scheduled(initialDelay = 0, fixedDelay = 30_000)
    void refreshRefusals() {
        List<MultiGauge.Row<?>> rows = jdbc.query(
                """
                select holding_agency_id, reason, sum(refused) from dashboard_daily_reason group by 1, 2""",
                (rs, i) -> MultiGauge.Row.of(
                        Tags.of("agency", rs.getString(1), "reason", rs.getString(2)), rs.getLong(3)));
        refusals.register(rows, true);
    }
}
