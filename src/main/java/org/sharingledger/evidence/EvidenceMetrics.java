package org.sharingledger.evidence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.evidence.checkpointed.events}: how many events the latest checkpoint covers (compare with the event
 * count: the gap is what no signature covers yet); {@code ledger.evidence.checkpoint.failures}: background
 * checkpoint runs that failed; {@code ledger.evidence.late.events.refused}: events that appeared at a position the
 * tree had passed over longer than the gap timeout before, which are not added to the tree (each one is tampering
 * or a broken database: verification reports it); {@code ledger.evidence.head.refusals}: checkpoint runs refused
 * because the database does not extend the last checkpoint the ledger signed (kept outside the database).
 */
@Component
class EvidenceMetrics {

    EvidenceMetrics(Checkpointer checkpointer, MeterRegistry registry) {
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
}
