package org.sharingledger.projections.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per read model: {@code ledger.projection.lag} (events stored but not yet processed) and
 * {@code ledger.projection.errors} (1 while halted on an event).
 */
@Component
class ReadModelMetrics {

    private final ReadModels readModels;
    private final MeterRegistry registry;

    ReadModelMetrics(ReadModels readModels, MeterRegistry registry) {
        this.readModels = readModels;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : readModels.streaming().keySet()) {
            Gauge.builder(
                            "ledger.projection.lag",
                            readModels,
                            models -> models.one(name).lag())
                    .description("Events stored but not yet processed by the read model")
                    .tag("readModel", name)
                    .register(registry);
            Gauge.builder(
                            "ledger.projection.errors",
                            readModels,
                            models -> models.one(name).error() == null ? 0 : 1)
                    .description("1 while the read model is halted on an event")
                    .tag("readModel", name)
                    .register(registry);
        }
    }
}
