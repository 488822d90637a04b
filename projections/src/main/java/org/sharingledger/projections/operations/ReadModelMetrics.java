package org.sharingledger.projections.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.sharingledger.platform.metrics.OncePerScrape;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Per read model, tagged {@code readModel}: {@code ledger.projection.lag} (events stored but not yet processed),
 * {@code ledger.projection.position} (the store position of the newest event it processed: a stalled read model's
 * does not move),
 * {@code ledger.projection.errors} (1 while halted on an event), {@code ledger.projection.state} (1 for the state it
 * is in, tagged {@code state}: {@code running}, {@code rebuilding}, {@code halted}, {@code stopped}; 0 for the
 * others) and {@code ledger.projection.rebuild.progress} (the share of its rebuild done, 0 to 1; 1 when none runs;
 * where a failed one stopped).
 * {@code ledger.notifications.pending}: events the notifier has not reached yet (its lag). All from one reading of
 * the read models per scrape.
 */
@Component
class ReadModelMetrics {

    static final List<String> STATES = List.of("running", "rebuilding", "halted", "stopped");

    private final ReadModels readModels;
    private final MeterRegistry registry;
    private final OncePerScrape<Map<String, ReadModels.Status>> statuses;

    ReadModelMetrics(ReadModels readModels, MeterRegistry registry) {
        this.readModels = readModels;
        this.registry = registry;
        this.statuses = new OncePerScrape<>(this::read, Map.of());
    }

    private Map<String, ReadModels.Status> read() {
        Map<String, ReadModels.Status> all = new LinkedHashMap<>();
        readModels.all().forEach(status -> all.put(status.name(), status));
        return all;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : readModels.streaming().keySet()) {
            gauge("ledger.projection.lag", "Events stored but not yet processed by the read model", name, s -> s.lag());
            gauge(
                    "ledger.projection.position",
                    "The newest event the read model has processed (-1 before the first, or with no segment here)",
                    name,
                    s -> s.position());
            gauge(
                    "ledger.projection.errors",
                    "1 while the read model is halted on an event",
                    name,
                    s -> s.error() == null ? 0 : 1);
            for (String state : STATES) {
                Gauge.builder("ledger.projection.state", statuses, all -> {
                            ReadModels.Status status = all.get().get(name);
                            return status != null && state.equals(state(status)) ? 1 : 0;
                        })
                        .description("1 for the state the read model is in (running, rebuilding, halted, stopped)")
                        .tag("readModel", name)
                        .tag("state", state)
                        .register(registry);
            }
            gauge(
                    "ledger.projection.rebuild.progress",
                    "Share of the read model's rebuild done, 0 to 1 (1 when none runs)",
                    name,
                    ReadModelMetrics::progress);
        }
        if (readModels.streaming().containsKey("notifications")) {
            Gauge.builder("ledger.notifications.pending", statuses, all -> {
                        ReadModels.Status status = all.get().get("notifications");
                        return status == null ? Double.NaN : status.lag();
                    })
                    .description("Events the notifier has not reached yet")
                    .register(registry);
        }
    }

    private void gauge(String metric, String description, String name, ToDoubleFunction<ReadModels.Status> f) {
        Gauge.builder(metric, statuses, all -> {
                    ReadModels.Status status = all.get().get(name);
                    return status == null ? Double.NaN : f.applyAsDouble(status);
                })
                .description(description)
                .tag("readModel", name)
                .register(registry);
    }

    /** The state as the admin page words it: halted on an error, rebuilding, running or stopped. */
    static String state(ReadModels.Status status) {
        if (status.error() != null) {
            return "halted";
        }
        if (status.rebuild() != null && status.rebuild().finishedAt() == null) {
            return "rebuilding";
        }
        return status.running() ? "running" : "stopped";
    }

    static double progress(ReadModels.Status status) {
        ReadModels.RebuildProgress rebuild = status.rebuild();
        if (rebuild == null || (rebuild.finishedAt() != null && rebuild.failure() == null)) {
            return 1;
        }
        return rebuild.eventsTotal() <= 0 ? 1 : Math.min(1.0, (double) rebuild.eventsDone() / rebuild.eventsTotal());
    }
}
