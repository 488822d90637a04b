package org.sharingledger.evidence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.sharingledger.platform.metrics.OncePerScrape;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.evidence.checkpointed.events}: how many events the latest checkpoint covers (compare with the event
 * count: the gap is what no signature covers yet); {@code ledger.evidence.checkpoint.failures}: background
 * checkpoint runs that failed; {@code ledger.evidence.late.events.refused}: events that appeared at a position the
 * tree had passed over longer than the gap timeout before, which are not added to the tree (each one is tampering
 * or a broken database: verification reports it); {@code ledger.evidence.head.refusals}: checkpoint runs refused
 * because the database does not extend the last checkpoint the ledger signed (kept outside the database).
 *
 * <p>For alerts, read from the database once per scrape (so every node gives the same figures, whichever node signs):
 * {@code ledger.evidence.checkpoint.age}, seconds since the latest checkpoint was signed (before the first one, since
 * the first event was stored; 0 on an empty ledger), and {@code ledger.evidence.events.waiting}, events stored after
 * the newest one in the tree. The checkpointer signs only when the tree grew, so an old checkpoint is a problem only
 * while events are waiting.
 */
@Component
class EvidenceMetrics {

    /** Held here: a gauge holds its object weakly. */
    private final OncePerScrape<Waiting> waiting;

    EvidenceMetrics(Checkpointer checkpointer, JdbcTemplate jdbc, MeterRegistry registry) {
        waiting = new OncePerScrape<>(
                () -> jdbc.queryForObject(
                        "select coalesce(extract(epoch from now() - coalesce("
                                + "(select signed_at from ledger_checkpoint order by tree_size desc limit 1),"
                                + "(select time_stamp::timestamptz from domain_event_entry"
                                + " order by global_index limit 1))), 0),"
                                + " (select count(*) from domain_event_entry where global_index >"
                                + " coalesce((select max(global_index) from ledger_leaf), -1))",
                        (row, i) -> new Waiting(row.getDouble(1), row.getLong(2))),
                new Waiting(0, 0));
        Gauge.builder("ledger.evidence.checkpoint.age", waiting, w -> w.get().checkpointAgeSeconds())
                .description("Seconds since the latest checkpoint was signed (before the first, since the first event)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("ledger.evidence.events.waiting", waiting, w -> w.get().events())
                .description("Events stored after the newest one a checkpoint's tree holds")
                .register(registry);
        Gauge.builder("ledger.evidence.checkpointed.events", checkpointer, Checkpointer::checkpointedEvents)
                .description("Events covered by the latest signed checkpoint")
                .register(registry);
        FunctionCounter.builder("ledger.evidence.checkpoint.failures", checkpointer, Checkpointer::failures)
                .description("Background checkpoint runs that failed")
                .register(registry);
        FunctionCounter.builder("ledger.evidence.head.refusals", checkpointer, Checkpointer::headRefusals)
                .description("Checkpoint runs refused: the database does not extend the last signed checkpoint")
                .register(registry);
        FunctionCounter.builder("ledger.evidence.late.events.refused", checkpointer, Checkpointer::lateEventsRefused)
                .description("Events that appeared after their position's gap had closed, not added to the tree")
                .register(registry);
    }

    private record Waiting(double checkpointAgeSeconds, long events) {}
}
