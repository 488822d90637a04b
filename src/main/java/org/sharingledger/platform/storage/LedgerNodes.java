package org.sharingledger.platform.storage;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nodes of one ledger on one database, and the fair share of each streaming read model's segments for this one.
 *
 * <p>Every node beats in {@code ledger_node} every {@code ledger.nodes.heartbeat} (PostgreSQL's clock, so the nodes'
 * own clocks do not matter); a node not seen for {@code ledger.nodes.expiry} is gone. A pooled processor claims at
 * most {@code ceil(segments / nodes)} segments: a node that starts beside a running one makes it release the surplus
 * (Axon's coordinator releases what is above its share), and when a node dies its share grows back to every segment,
 * so the survivor claims the dead node's segments as soon as their claims expire
 * ({@code axon.eventhandling.tokenstore.claim-timeout}). A segment is only ever claimed through the token store, so
 * a node that is slow, not dead, never loses a segment it still holds.
 *
 * <p>The count is read on the heartbeat's own thread and kept in memory: Axon asks for the share on every
 * coordination round.
 */
@Component
public class LedgerNodes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerNodes.class);

    private final JdbcTemplate jdbc;
    private final Duration heartbeat;
    private final Duration expiry;
    private final String nodeId;
    private volatile int nodes = 1;
    private volatile Map<String, Integer> segments = Map.of();
    private volatile Map<String, String> holds = Map.of();
    private volatile boolean failing;
    private ScheduledExecutorService beating;

    LedgerNodes(
            JdbcTemplate jdbc,
            @Value("${ledger.nodes.heartbeat:PT2S}") Duration heartbeat,
            @Value("${ledger.nodes.expiry:PT10S}") Duration expiry) {
        if (heartbeat.isNegative() || heartbeat.isZero() || expiry.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalStateException("ledger.nodes.expiry (" + expiry
                    + ") must be at least twice ledger.nodes.heartbeat (" + heartbeat + ")");
        }
        this.jdbc = jdbc;
        this.heartbeat = heartbeat;
        this.expiry = expiry;
        // pid@host, and a random part: two containers may both be process 1, and a restart is a new node.
        this.nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This node's name in {@code ledger_node}. */
    public String nodeId() {
        return nodeId;
    }

    /** The nodes seen lately, this one included (at least 1). */
    public int nodes() {
        return nodes;
    }

    /** How many segments a streaming processor's tokens have, as last counted (0 before they exist). */
    public int segments(String processor) {
        return segments.getOrDefault(processor, 0);
    }

    /**
     * How many segments of a pooled processor this node may claim: its fair share, rounded up so the nodes together
     * can always hold every segment. Before the processor's tokens exist, no limit (the first node creates them).
     */
    public int maxSegments(String processor) {
        String holder = holds.get(processor);
        if (holder != null) {
            // A node rebuilding this read model needs every segment for a moment.
            return holder.equals(nodeId) ? Short.MAX_VALUE : 0;
        }
        int total = segments.getOrDefault(processor, 0);
        if (total == 0) {
            return Short.MAX_VALUE;
        }
        int live = Math.max(1, nodes);
        return (total + live - 1) / live;
    }

    /**
     * Runs {@code work} (a rebuild's reset of every segment's token) while this node holds the read model: the other
     * nodes release their segments of it within a claim round, and {@code work} is retried while one still holds a
     * segment, up to {@code patience}. The hold ends when {@code work} is done, or failed for good.
     */
    public void whileHolding(String processor, Duration patience, Runnable work) {
        jdbc.update("""
                insert into ledger_read_model_hold (processor_name, node_id, held_until)
                values (?, ?, now() + make_interval(secs => ?))
                on conflict (processor_name) do update
                    set node_id = excluded.node_id, held_until = excluded.held_until""", processor, nodeId, patience.toMillis() / 1000.0 + 5);
        Map<String, String> held = new HashMap<>(holds);
        held.put(processor, nodeId);
        holds = Map.copyOf(held);
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                try {
                    work.run();
                    return;
                } catch (UnableToClaimTokenException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    log.info("Waiting for another node to release read model {}: {}", processor, e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
            }
        } finally {
            jdbc.update(
                    "delete from ledger_read_model_hold where processor_name = ? and node_id = ?", processor, nodeId);
            Map<String, String> released = new HashMap<>(holds);
            released.remove(processor);
            holds = Map.copyOf(released);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read model's segments", e);
        }
    }

    /** One heartbeat: this node is alive; how many are; how many segments each processor has. */
    void beat() {
        jdbc.update("""
                insert into ledger_node (node_id, started_at, last_seen) values (?, now(), now())
                on conflict (node_id) do update set last_seen = now()""", nodeId);
        jdbc.update("delete from ledger_node where last_seen < now() - interval '1 day'");
        Integer live = jdbc.queryForObject(
                "select count(*) from ledger_node where last_seen > now() - make_interval(secs => ?)",
                Integer.class,
                expiry.toMillis() / 1000.0);
        Map<String, Integer> counted = new HashMap<>();
        jdbc.query("select processor_name, count(*) from token_entry group by processor_name", row -> {
            counted.put(row.getString(1), row.getInt(2));
        });
        Map<String, String> held = new HashMap<>();
        jdbc.query("select processor_name, node_id from ledger_read_model_hold where held_until > now()", row -> {
            held.put(row.getString(1), row.getString(2));
        });
        int before = nodes;
        nodes = Math.max(1, live == null ? 1 : live);
        segments = Map.copyOf(counted);
        holds = Map.copyOf(held);
        if (nodes != before) {
            log.info("{} node(s) of this ledger are running; this one is {}", nodes, nodeId);
        }
    }

    private void beatQuietly() {
        try {
            beat();
            if (failing) {
                log.info("Node heartbeat restored");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Node heartbeat failed; keeping the last count of nodes: {}", e.toString());
                failing = true;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (beating != null) {
            return;
        }
        // Before the processors start, so their first claims already know how many nodes share the segments.
        beatQuietly();
        beating = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ledger-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        var unused = beating.scheduleWithFixedDelay(
                this::beatQuietly, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** After the processors have released their claims: the other nodes take this one's share at once. */
    @Override
    public synchronized void stop() {
        if (beating == null) {
            return;
        }
        beating.shutdownNow();
        beating = null;
        try {
            jdbc.update("delete from ledger_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.warn("Could not sign this node off: {}", e.toString());
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beating != null;
    }

    /** Starts before Axon's processors and stops after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
