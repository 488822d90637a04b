package org.sharingledger.platform.storage;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.sharingledger.platform.metrics.OncePerScrape;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deadlines for operators. {@code ledger.deadlines.due}: deadlines whose time has come that no node has picked up
 * yet, and {@code ledger.deadlines.due.oldest} (seconds since the oldest of them fell due), read from
 * {@code scheduled_tasks} once per scrape, so they are the whole ledger's figures whichever node answers;
 * {@code ledger.deadlines.fired}: deadlines this node ran, tagged {@code outcome} ({@code ok}, {@code failed}: it is
 * tried again). A backlog that grows while nothing fires means no node is running deadlines.
 */
@Component
class DeadlineMetrics extends AbstractSchedulerListener {

    /** Held here: a gauge holds its object weakly. */
    private final OncePerScrape<Due> due;

    private final Counter fired;
    private final Counter failed;

    DeadlineMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
        due = new OncePerScrape<>(
                () -> jdbc.queryForObject(
                        "select count(*), coalesce(extract(epoch from now() - min(execution_time)), 0) "
                                + "from scheduled_tasks where execution_time <= now() and not picked",
                        (row, i) -> new Due(row.getLong(1), row.getDouble(2))),
                new Due(0, 0));
        Gauge.builder("ledger.deadlines.due", due, d -> d.get().count())
                .description("Deadlines whose time has come that no node has picked up yet")
                .register(registry);
        Gauge.builder("ledger.deadlines.due.oldest", due, d -> d.get().oldestSeconds())
                .description("Seconds since the oldest deadline not yet picked up fell due (0 when none)")
                .baseUnit("seconds")
                .register(registry);
        fired = fired(registry, "ok");
        failed = fired(registry, "failed");
    }

    private static Counter fired(MeterRegistry registry, String outcome) {
        return Counter.builder("ledger.deadlines.fired")
                .description("Deadlines this node ran, by outcome (a failed one is tried again)")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public void onExecutionComplete(ExecutionComplete completed) {
        (completed.getResult() == ExecutionComplete.Result.OK ? fired : failed).increment();
    }

    private record Due(long count, double oldestSeconds) {}
}
