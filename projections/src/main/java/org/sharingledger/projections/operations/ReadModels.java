package org.sharingledger.projections.operations;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.storage.LedgerNodes;
import org.sharingledger.platform.storage.ReadModelFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The read models fed by streaming processors: where each stands against the head of the event store, and their
 * rebuild (reset and replay from the first event while the ledger keeps running and recording).
 */
@Service
public class ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);
    /** How long a rebuild waits for other nodes to release their segments: a claim round or two. */
    private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(30);

    private final EventProcessingConfiguration processing;
    private final ReadModelFailures failures;
    private final JdbcTemplate jdbc;
    private final StoredTokens stored;
    private final LedgerNodes nodes;
    private final Clock clock;
    private final Map<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    ReadModels(
            EventProcessingConfiguration processing,
            ReadModelFailures failures,
            JdbcTemplate jdbc,
            StoredTokens stored,
            LedgerNodes nodes,
            Clock clock) {
        this.processing = processing;
        this.failures = failures;
        this.jdbc = jdbc;
        this.stored = stored;
        this.nodes = nodes;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        rebuilder.shutdownNow();
    }

    /** The position of the newest event in the store (-1 when empty). */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    public List<Status> all() {
        long head = head();
        return streaming().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> status(entry.getKey(), entry.getValue(), head))
                .toList();
    }

    public Status one(String name) {
        return status(name, processor(name), head());
    }

    /**
     * Whether a read model has processed the event at this store position: the segment that handles it (its request
     * hashes to one), whichever node holds that segment. A position below a segment's newest can still be
     * unprocessed: an event that committed late, into a gap the processor is waiting on. A position with no committed
     * event yet is processed once every segment has passed it.
     */
    public boolean hasProcessed(String name, long position) {
        Map<Integer, EventTrackerStatus> local = processor(name).processingStatus();
        if (!local.isEmpty() && local.size() >= nodes.segments(name)) {
            // This node holds every segment (one node): each has passed the position, whether or not it handled it.
            return local.values().stream().allMatch(status -> covers(status.getTrackingToken(), position));
        }
        Map<Integer, TrackingToken> tokens = tokens(name, local);
        if (tokens.isEmpty()) {
            return false;
        }
        int[] ids = tokens.keySet().stream().mapToInt(Integer::intValue).toArray();
        return stored.segmentOf(position, ids)
                .map(segment -> covers(tokens.get(segment), position))
                .orElseGet(() -> tokens.values().stream().allMatch(token -> covers(token, position)));
    }

    /**
     * Every segment's token: this node's own as it processes them (fresher than the stored token of a segment that
     * skipped events of other segments), the other nodes' as stored.
     */
    private Map<Integer, TrackingToken> tokens(String name, Map<Integer, EventTrackerStatus> local) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>(stored.of(name));
        local.forEach((segment, status) -> tokens.put(segment, status.getTrackingToken()));
        return tokens;
    }

    private static boolean covers(TrackingToken token, long position) {
        TrackingToken current = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (current instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        return current != null && current.position().orElse(-1) >= position;
    }

    /** Starts a rebuild in the background: empties the read model and replays every event into it. */
    public synchronized Status rebuild(String name) {
        StreamingEventProcessor processor = processor(name);
        if (!processor.supportsReset()) {
            throw new StepNotAllowed("read model " + name + " cannot be replayed");
        }
        Rebuild running = rebuilds.get(name);
        if (running != null && running.finishedAt() == null) {
            throw new StepNotAllowed("read model " + name + " is already being rebuilt");
        }
        long head = head();
        rebuilds.put(name, new Rebuild(clock.instant(), head, false, null, null));
        rebuilder.execute(() -> {
            try {
                log.info("Rebuilding read model {}: replaying {} events", name, head);
                processor.shutDown();
                // With several nodes, the others release their segments of it while this one resets them all.
                nodes.whileHolding(name, RELEASE_PATIENCE, processor::resetTokens);
                rebuilds.computeIfPresent(name, (key, rebuild) -> rebuild.reset());
                processor.start();
            } catch (RuntimeException e) {
                log.error("Rebuilding read model {} failed", name, e);
                rebuilds.computeIfPresent(name, (key, rebuild) -> rebuild.failed(e.toString(), clock.instant()));
                if (!processor.isRunning()) {
                    processor.start();
                }
            }
        });
        return one(name);
    }

    Map<String, StreamingEventProcessor> streaming() {
        Map<String, StreamingEventProcessor> streaming = new LinkedHashMap<>();
        for (Map.Entry<String, EventProcessor> entry :
                processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor processor) {
                streaming.put(entry.getKey(), processor);
            }
        }
        return streaming;
    }

    private StreamingEventProcessor processor(String name) {
        StreamingEventProcessor processor = streaming().get(name);
        if (processor == null) {
            throw new NotFound("no rebuildable read model " + name + "; known: "
                    + streaming().keySet());
        }
        return processor;
    }

    Status status(String name, StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        // With several nodes, this node holds some segments and the others the rest: position and lag are over all.
        Map<Integer, TrackingToken> tokens = tokens(name, segments);
        long position = tokens.isEmpty()
                ? -1
                : tokens.values().stream()
                        .mapToLong(
                                token -> token == null ? -1 : token.position().orElse(-1))
                        .min()
                        .orElse(-1);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        Optional<String> error = segments.values().stream()
                .filter(EventTrackerStatus::isErrorState)
                .map(status -> String.valueOf(status.getError()))
                .findFirst()
                .or(() -> failures.haltingAt(name, position).map(String::valueOf));
        long lag = tokens.isEmpty() ? Math.max(0, head) : Math.max(0, head - position);
        Rebuild rebuild = rebuilds.get(name);
        RebuildProgress progress = null;
        if (rebuild != null) {
            // Axon keeps a replay token "replaying" until an event newer than the reset point arrives, so a rebuild
            // is finished once it has processed every event that existed when it started.
            if (rebuild.finishedAt() == null
                    && rebuild.tokensReset()
                    && !segments.isEmpty()
                    && position >= rebuild.eventsTotal()) {
                rebuild = rebuild.finished(clock.instant());
                rebuilds.put(name, rebuild);
                log.info("Read model {} rebuilt: {} events", name, rebuild.eventsTotal());
            }
            long done = rebuild.tokensReset() ? Math.min(Math.max(0, position), rebuild.eventsTotal()) : 0;
            Instant until = rebuild.finishedAt() != null ? rebuild.finishedAt() : clock.instant();
            double seconds =
                    Math.max(0.001, Duration.between(rebuild.startedAt(), until).toMillis() / 1000.0);
            progress = new RebuildProgress(
                    rebuild.startedAt(),
                    rebuild.finishedAt(),
                    done,
                    rebuild.eventsTotal(),
                    Math.round(done / seconds),
                    rebuild.failure());
            // Axon's replay flag outlives the rebuild (see above): once this rebuild has finished, it is rebuilt.
            if (rebuild.finishedAt() != null) {
                replaying = false;
            }
        }
        return new Status(
                name,
                processor.isRunning(),
                error.orElse(null),
                replaying,
                position,
                head,
                lag,
                tokens.size(),
                progress);
    }

    /**
     * A read model's state.
     *
     * @param position the newest event it has processed (the slowest segment's), -1 before the first
     * @param lag      events stored but not yet processed
     * @param error    why it halted, if it did
     */
    public record Status(
            String name,
            boolean running,
            String error,
            boolean replaying,
            long position,
            long head,
            long lag,
            int segments,
            RebuildProgress rebuild) {}

    /** How far a rebuild has come. */
    public record RebuildProgress(
            Instant startedAt,
            Instant finishedAt,
            long eventsDone,
            long eventsTotal,
            long eventsPerSecond,
            String failure) {}

    private record Rebuild(
            Instant startedAt, long eventsTotal, boolean tokensReset, Instant finishedAt, String failure) {
        Rebuild reset() {
            return new Rebuild(startedAt, eventsTotal, true, null, null);
        }

        Rebuild finished(Instant at) {
            return new Rebuild(startedAt, eventsTotal, tokensReset, at, null);
        }

        Rebuild failed(String why, Instant at) {
            return new Rebuild(startedAt, eventsTotal, tokensReset, at, why);
        }
    }
}
