package org.sharingledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sharingledger.evidence.api.LedgerChecks;
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Mail;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.RawPostgres;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.WholeLedgerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark -Dit.test=ScaleBenchmark} (with
 * {@code -Dbenchmark.events=300000} to try it small). The goals of issue 14 at ten million stored events, on a ledger
 * and database of its own (its data folder is deleted when the JVM ends):
 *
 * <ol>
 *   <li>On the (nearly) empty store: 8 agencies, their users, a template of realistic requests recorded through
 *       HTTP (shared, partly shared, refused, refused and escalated and resolved, withdrawn), and one child with 500
 *       steps (125 requests refused, escalated and resolved). Then the append rate: {@code POST /api/requests} with
 *       bearer tokens from 16 threads, after a warm-up.
 *   <li>The store filled to N events FAST, in SQL: the template's streams cloned under new request ids and new
 *       children (payloads rewritten to name them; the hash-chain trigger chains every copy), and the read models the
 *       queries read cloned the same way ({@code request_view}, {@code request_history}, {@code timeline_request},
 *       {@code timeline_entry}, {@code dashboard_request}, {@code dashboard_escalation}; every timestamp of a copy
 *       shifted back by (copy number mod 365) days so that the dashboards and the work list see a year of history,
 *       and the dashboards' daily totals raised by exactly what those copies add). The cloned events keep the
 *       template's times, and no notifications are cloned. The tree's leaves ({@code ledger_leaf}) are filled in SQL
 *       too, in store order under the checkpointer's lock, and the streaming processors' tokens moved to the head.
 *   <li>At N: the checkpointer's catch-up, the tables vacuumed (as autovacuum keeps them), the append rate again
 *       (figure: % of the empty store's), then with the notifier paused the child's timeline ({@code POST
 *       /api/timelines/queries}, p99), both dashboards (p99, and how PostgreSQL reads the agency's requests), the
 *       work list ({@code GET /requests}, p95), the start-up of a second ledger process on the N-event database with {@code -Xmx512m},
 *       and the largest heap used after a GC in this JVM while all that ran.
 * </ol>
 */
class ScaleBenchmark extends WholeLedgerTest {

    private static final Path DATA = scaleData();
    private static final long EVENTS = Long.getLong("benchmark.events", 10_000_000L);
    private static final int TEMPLATE_REQUESTS = Integer.getInteger("benchmark.template-requests", 2_000);
    private static final int CHILD_REQUESTS = 125;
    private static final int CLIENTS = 16;
    private static final Duration APPEND_WARM_UP = Duration.ofSeconds(15);
    private static final Duration APPEND_RUN = Duration.ofSeconds(20);
    private static final int QUERY_WARM_UP = 30;
    private static final int QUERY_RUNS = 300;
    private static final String[] SECTORS = {"CHILDRENS_SOCIAL_CARE", "POLICE", "HEALTH", "EDUCATION"};
    private static final String AREA = "10 million events";
    /** The checkpointer's advisory lock ("ledger checkpoints"), taken while filling {@code ledger_leaf}. */
    private static final long CHECKPOINT_LOCK = 0x4C45444745524350L;
    /** The read models cloned, parents before children (foreign keys). */
    private static final List<String> CLONED_TABLES = List.of(
            "request_view",
            "request_history",
            "timeline_request",
            "timeline_entry",
            "dashboard_request",
            "dashboard_escalation");

    @DynamicPropertySource
    static void scaleStorage(DynamicPropertyRegistry registry) {
        registry.add("ledger.storage.data-dir", DATA::toString);
        // The fill writes millions of events under a running event store. Axon's EmbeddedEventStore shares one
        // producer among the streaming processors, which resumes from where it last read and keeps every event
        // from there in memory: at 300,000 cloned events that was an OutOfMemoryError. With the shared producer off
        // (read when this context's event store is built, cleared as the test starts) each processor reads the
        // store on its own, from its token at the head.
        System.setProperty("optimize-event-consumption", "false");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    Configuration axon;

    @Autowired
    LedgerChecks checks;

    private final HeapAfterGc heap = new HeapAfterGc();
    private Instant leavesCommitted;
    private final List<String> agencies = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final Map<String, Credentials> practitioners = new HashMap<>();
    private final Map<String, Credentials> representatives = new HashMap<>();

    @AfterAll
    static void dropTheData() {
        // The context (and its PostgreSQL) closes when the JVM ends; the folder goes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(DATA)));
    }

    @Test
    void theGoalsAtTenMillionEvents() throws Exception {
        System.clearProperty("optimize-event-consumption");
        heap.install();
        // The test's SMTP server keeps every mail in memory: forget them as they come, they are not the ledger's.
        ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor();
        purger.scheduleWithFixedDelay(Mail::purge, 5, 5, TimeUnit.SECONDS);
        try {
            measure();
        } finally {
            purger.shutdownNow();
        }
    }

    private void measure() throws Exception {
        log("ScaleBenchmark: %,d events wanted; data in %s", EVENTS, DATA);
        String inserts = RawPostgres.inserts(dataSource);
        log("raw PostgreSQL: %s", inserts);

        cast();
        String child = Scenario.uniqueNhsNumber();
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Instant t0 = Instant.now();
        template(child);
        awaitQueriedReadModels();
        log("template: %,d requests, %,d events in %.0f s", count("request_view"), events(), seconds(t0));
        snapshotTemplate();

        Appends empty = appends("empty store");

        long[] fill = fill();
        long stored = count("domain_event_entry");

        // The checkpointer took its lock back when the leaves were committed, at the end of the fill.
        heap.reset();
        checks.latestCheckpoint();
        // Leaves another writer stored are signed with the next event: record one.
        String from = agencies.get(0);
        Map<String, Object> one = Scenario.requestBody(from, agencies.get(1), "ROUTINE");
        ok(http.withToken(tokens.get(0)).post("/api/requests", one));
        long treeSize = checks.latestCheckpoint().orElseThrow().treeSize();
        double catchUp = seconds(leavesCommitted);
        // Vacuumed again now that the fill's lock is released: VACUUM marks a page all-visible (so that an index-only
        // scan need not visit it, as it need not on a ledger autovacuum keeps) only once no transaction older than
        // its rows is open, and the lock's transaction was open during the first vacuum.
        for (String table : Stream.concat(Stream.of("ledger_leaf", "domain_event_entry"), CLONED_TABLES.stream())
                .toList()) {
            jdbc.execute("vacuum analyze " + table);
        }
        // and its writes flushed now, not by PostgreSQL's next checkpoint in the middle of the appends measured next
        jdbc.execute("checkpoint");
        log("checkpointer: tree of %,d leaves caught up and signed in %.1f s", treeSize, catchUp);
        BenchmarkTable.row(
                AREA,
                String.format(Locale.UK, "Checkpointer catch-up over %,d stored leaves (after a restart)", treeSize),
                BenchmarkTable.figure(catchUp, "s"),
                "—",
                "",
                true);

        histogram("after the fill and the checkpointer's catch-up");
        Appends full = appends("full store");
        histogram("after the appends at N");
        double ratio = 100.0 * full.perSecond() / empty.perSecond();
        BenchmarkTable.row(
                AREA,
                String.format(
                        Locale.UK,
                        "Appends at %,d events: POST /api/requests, %d connections (empty store: %s, p99 %.0f ms; "
                                + "at N: %s, p99 %.0f ms)",
                        stored,
                        CLIENTS,
                        BenchmarkTable.figure(empty.perSecond(), "commands/s"),
                        empty.p99(),
                        BenchmarkTable.figure(full.perSecond(), "commands/s"),
                        full.p99()),
                BenchmarkTable.figure(ratio, "% of the empty store's rate"),
                "at least 80 %",
                inserts,
                ratio >= 80);

        // The appends leave the notifier thousands of mails behind, which it sends for minutes on these same two
        // cores: the queries are timed with it paused, so that their figures are their own. It resumes after.
        StreamingEventProcessor notifier = axon.eventProcessingConfiguration()
                .eventProcessor("notifications", StreamingEventProcessor.class)
                .orElseThrow();
        notifier.shutDown();
        try {
            timeline(child, trust, reviewer, stored);
            dashboards(trust, stored);
            workList(stored);
        } finally {
            notifier.start();
        }
        startUp(stored);

        histogram("at the end");
        long maxHeap = heap.max();
        BenchmarkTable.row(
                AREA,
                String.format(
                        Locale.UK,
                        "Largest heap used after a GC while loaded at %,d events (this JVM, -Xmx%d MB: checkpointer "
                                + "catch-up, appends, queries)",
                        stored,
                        Runtime.getRuntime().maxMemory() / (1024 * 1024)),
                BenchmarkTable.figure(maxHeap / (1024.0 * 1024.0), "MB"),
                "under 512 MB",
                "",
                maxHeap < 512L * 1024 * 1024);
        log(
                "filled in %,d s (events %,d s, read models %,d s, leaves %,d s, vacuum %,d s); data folder %s",
                fill[0] + fill[1] + fill[2] + fill[3], fill[0], fill[1], fill[2], fill[3], size(DATA));
        for (String table : dailyTables()) {
            jdbc.execute("drop table if exists scale_t_" + table);
        }
        jdbc.execute("drop table if exists scale_template, scale_clone, scale_template_daily_tables cascade");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The cast and the template, through HTTP

    private void cast() {
        for (int i = 0; i < 8; i++) {
            String agency = scenario.agency(SECTORS[i % SECTORS.length]);
            agencies.add(agency);
            Credentials practitioner = scenario.user(agency, "PRACTITIONER");
            practitioners.put(agency, practitioner);
            representatives.put(agency, scenario.user(agency, "NOMINATED_REPRESENTATIVE"));
            Http.Response issued = http.as(practitioner).post("/api/tokens", Map.of("name", "case system"));
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
            tokens.add(issued.field("token"));
        }
    }

    private void template(String child) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < CHILD_REQUESTS; i++) {
                int n = i;
                done.add(pool.submit(() -> oneRequest(n, child, 100)));
            }
            for (int i = 0; i < TEMPLATE_REQUESTS; i++) {
                int n = CHILD_REQUESTS + i;
                int roll = ThreadLocalRandom.current().nextInt(100);
                done.add(pool.submit(() -> oneRequest(n, Scenario.uniqueNhsNumber(), roll)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One request and its steps by a roll: shared, partly shared, refused, refused and escalated, or withdrawn. */
    private void oneRequest(int n, String nhsNumber, int roll) {
        String requester = agencies.get(n % agencies.size());
        String holder = agencies.get((n + 1 + n / agencies.size()) % agencies.size());
        if (holder.equals(requester)) {
            holder = agencies.get((n + 1) % agencies.size());
        }
        Map<String, Object> body = Scenario.requestBody(requester, holder, "ROUTINE");
        body.put("subject", Map.of("nhsNumber", nhsNumber));
        String id = scenario.request(practitioners.get(requester), body);
        String path = "/api/requests/" + id;
        if (roll < 45) {
            ok(http.as(practitioners.get(holder)).post(path + "/share", Scenario.share("FULL")));
        } else if (roll < 60) {
            ok(http.as(practitioners.get(holder)).post(path + "/share", Scenario.share("PARTIAL")));
        } else if (roll < 75) {
            ok(http.as(practitioners.get(holder)).post(path + "/refusal", Scenario.refusal()));
        } else if (roll < 90 || roll == 100) {
            ok(http.as(practitioners.get(holder)).post(path + "/refusal", Scenario.refusal()));
            ok(http.as(practitioners.get(requester))
                    .post(path + "/escalations", Map.of("stage", "LINE_MANAGER", "reason", "Needed for the enquiry")));
            ok(http.as(representatives.get(holder))
                    .post(
                            path + "/escalations/resolution",
                            roll % 2 == 0
                                    ? Map.of(
                                            "outcome",
                                            "SHARED",
                                            "rationale",
                                            "On reflection, proportionate",
                                            "informationShared",
                                            "Call-out log",
                                            "method",
                                            "SECURE_EMAIL")
                                    : Map.of("outcome", "REFUSAL_UPHELD", "rationale", "The refusal stands")));
        } else {
            ok(http.as(practitioners.get(requester))
                    .post(path + "/withdrawal", Map.of("reason", "The family moved out of the area")));
        }
    }

    /**
     * Waits for the read models the queries read (the notifier, which mails every step, may lag: its backlog is
     * skipped with the rest when the tokens move to the head after the fill).
     */
    private void awaitQueriedReadModels() {
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> readModels.all().stream()
                        .filter(status -> !status.name().equals("notifications"))
                        .allMatch(status -> status.lag() == 0));
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }

    /** What the clones copy: every request now (all decided) and the dashboards' daily totals they made. */
    private void snapshotTemplate() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from request_view where status in ('AWAITING_DECISION', 'ESCALATED')",
                        Long.class))
                .as("the template holds decided requests only (no deadline pending)")
                .isZero();
        jdbc.execute("drop table if exists scale_template");
        jdbc.execute("create table scale_template as select request_id, subject_pseudonym from request_view");
        jdbc.execute("drop table if exists scale_template_daily_tables");
        jdbc.execute("create table scale_template_daily_tables (name text primary key)");
        for (String table : dailyTables()) {
            jdbc.execute("drop table if exists scale_t_" + table);
            jdbc.execute("create table scale_t_" + table + " as select * from " + table);
            jdbc.update("insert into scale_template_daily_tables values (?)", table);
        }
    }

    private List<String> dailyTables() {
        return jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_name like 'dashboard\\_daily%' order by table_name",
                String.class);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Appends

    record Appends(double perSecond, double p50, double p99) {}

    private Appends appends(String label) throws Exception {
        run(APPEND_WARM_UP);
        List<Double> latencies = run(APPEND_RUN);
        double[] sorted =
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Appends result = new Appends(
                sorted.length / (APPEND_RUN.toMillis() / 1000.0), percentile(sorted, 50), percentile(sorted, 99));
        log(
                "appends, %s: %,.0f commands/s, p50 %.0f ms, p99 %.0f ms (%,d events stored)",
                label, result.perSecond(), result.p50(), result.p99(), count("domain_event_entry"));
        return result;
    }

    private List<Double> run(Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + duration.toNanos();
        List<Future<List<Double>>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int from = c % agencies.size();
            clients.add(pool.submit(() -> {
                List<Double> ms = new ArrayList<>();
                Http.Call call = http.withToken(tokens.get(from));
                String requester = agencies.get(from);
                String holder = agencies.get((from + 1) % agencies.size());
                while (System.nanoTime() < end) {
                    Map<String, Object> body = Scenario.requestBody(requester, holder, "ROUTINE");
                    body.put("subject", Map.of("nhsNumber", Scenario.uniqueNhsNumber()));
                    long start = System.nanoTime();
                    Http.Response response = call.post("/api/requests", body);
                    if (response.status() != 201) {
                        throw new AssertionError(response.toString());
                    }
                    ms.add((System.nanoTime() - start) / 1e6);
                }
                return ms;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> client : clients) {
            all.addAll(client.get());
        }
        pool.shutdownNow();
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The fill, in SQL

    /** Seconds spent on {events, read models, leaves, vacuum}. */
    private long[] fill() throws Exception {
        awaitQueriedReadModels();
        List<StreamingEventProcessor> streaming =
                axon.eventProcessingConfiguration().eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast)
                        .toList();
        streaming.forEach(StreamingEventProcessor::shutDown);
        // Every event so far becomes a leaf now; then the checkpointer waits on its lock until the clones are leaves.
        checks.latestCheckpoint();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + CHECKPOINT_LOCK + ")");
            }
            long[] seconds = fillHoldingTheCheckpointLock(lock);
            leavesCommitted = Instant.now();
            streaming.forEach(StreamingEventProcessor::start);
            awaitQueriedReadModels();
            return seconds;
        }
    }

    private long[] fillHoldingTheCheckpointLock(Connection lock) throws Exception {

        long templateEvents = jdbc.queryForObject(
                "select count(*) from domain_event_entry e join scale_template t "
                        + "on e.aggregate_identifier = t.request_id::text",
                Long.class);
        long now = count("domain_event_entry");
        int copies = (int) Math.max(0, (EVENTS - now + templateEvents - 1) / templateEvents);
        log("fill: %,d events now, template of %,d events: %,d copies", now, templateEvents, copies);
        jdbc.execute("drop table if exists scale_clone");
        jdbc.update("""
                create table scale_clone as
                select t.request_id, c as copy, md5(t.request_id::text || ':' || c)::uuid as new_id,
                    encode(sha256(convert_to(t.subject_pseudonym || ':' || c, 'UTF8')), 'hex') as new_pseudonym,
                    make_interval(days => c % 365) as shift
                from scale_template t cross join generate_series(1, ?) c""", copies);
        jdbc.execute("create index on scale_clone (copy)");
        jdbc.execute("analyze scale_clone");

        int perChunk = (int) Math.max(1, 200_000 / templateEvents);
        long[] seconds = new long[4];
        AtomicLong eventNanos = new AtomicLong();
        AtomicLong modelNanos = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int first = 1; first <= copies; first += perChunk) {
                int from = first;
                int to = Math.min(copies, first + perChunk - 1);
                chunks.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    cloneEvents(from, to);
                    eventNanos.addAndGet(System.nanoTime() - t);
                    t = System.nanoTime();
                    for (String table : CLONED_TABLES) {
                        cloneRows(table, from, to);
                    }
                    modelNanos.addAndGet(System.nanoTime() - t);
                    long copied = done.addAndGet(to - from + 1);
                    if (copied % (perChunk * 10L) < perChunk) {
                        log(
                                "  %,d of %,d copies (%.0f s)",
                                copied,
                                copies,
                                Duration.between(started, Instant.now()).toMillis() / 1000.0);
                    }
                    return null;
                }));
            }
            for (Future<?> chunk : chunks) {
                chunk.get();
            }
        } finally {
            pool.shutdownNow();
        }
        seconds[0] = TimeUnit.NANOSECONDS.toSeconds(eventNanos.get());
        seconds[1] = TimeUnit.NANOSECONDS.toSeconds(modelNanos.get());
        raiseDailyTotals(copies);

        for (StreamingEventProcessor processor : axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList()) {
            moveTokensToHead(processor.getName());
        }
        Instant t = Instant.now();
        for (String table : Stream.concat(Stream.of("domain_event_entry"), CLONED_TABLES.stream())
                .toList()) {
            jdbc.execute("vacuum analyze " + table);
        }
        seconds[3] = Duration.between(t, Instant.now()).toSeconds();
        t = Instant.now();
        fillLeaves(lock);
        seconds[2] = Duration.between(t, Instant.now()).toSeconds();
        log("fill: %,d events stored in %.0f s", count("domain_event_entry"), seconds(started));
        return seconds;
    }

    private void cloneEvents(int from, int to) {
        jdbc.update("""
                insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                select md5(e.event_identifier || ':' || m.copy)::uuid::text, e.meta_data,
                    convert_to(replace(replace(convert_from(e.payload, 'UTF8'), m.request_id::text, m.new_id::text),
                        t.subject_pseudonym, m.new_pseudonym), 'UTF8'),
                    e.payload_revision, e.payload_type, e.time_stamp, m.new_id::text, e.sequence_number, e.type
                from scale_clone m
                join scale_template t on t.request_id = m.request_id
                join domain_event_entry e on e.aggregate_identifier = m.request_id::text
                where m.copy between ? and ?
                order by m.copy, m.request_id, e.sequence_number""", from, to);
    }

    /**
     * Copies a read model's rows of the template requests: the request id, the child's pseudonym and the event id
     * as the cloned events have them, every timestamp shifted back by the copy's days.
     */
    private void cloneRows(String table, int from, int to) {
        List<Map<String, Object>> columns = jdbc.queryForList(
                "select column_name, data_type from information_schema.columns where table_schema = 'public' "
                        + "and table_name = ? order by ordinal_position",
                table);
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        String requestType = "uuid";
        for (Map<String, Object> column : columns) {
            String name = (String) column.get("column_name");
            String type = (String) column.get("data_type");
            names.add(name);
            if (name.equals("request_id")) {
                requestType = type.equals("uuid") ? "uuid" : "text";
                values.add(type.equals("uuid") ? "m.new_id" : "m.new_id::text");
            } else if (name.equals("subject_pseudonym")) {
                values.add("m.new_pseudonym");
            } else if (name.equals("event_id")) {
                values.add("md5(r.event_id || ':' || m.copy)::uuid::text");
            } else if (type.startsWith("timestamp")) {
                values.add("r." + name + " - m.shift");
            } else if (type.equals("date")) {
                values.add("(r." + name + " - m.shift)::date");
            } else {
                values.add("r." + name);
            }
        }
        jdbc.update(
                "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
                        + " from scale_clone m join " + table + " r on r.request_id = m.request_id"
                        + (requestType.equals("uuid") ? "" : "::text") + " where m.copy between ? and ?",
                from,
                to);
    }

    /** Each daily total the template made, added again on each copy's day (shifted as its rows are). */
    private void raiseDailyTotals(int copies) {
        for (String table : dailyTables()) {
            List<String> keys = jdbc.queryForList("""
                    select a.attname from pg_index i
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
                    where i.indrelid = ?::regclass and i.indisprimary""", String.class, table);
            List<String> counts = jdbc
                    .queryForList(
                            "select column_name from information_schema.columns where table_schema = 'public' "
                                    + "and table_name = ? and data_type in ('integer', 'bigint')",
                            String.class,
                            table)
                    .stream()
                    .filter(c -> !keys.contains(c))
                    .toList();
            List<String> names = new ArrayList<>(keys);
            names.addAll(counts);
            List<String> values = new ArrayList<>();
            for (String key : keys) {
                values.add(key.equals("day") ? "t.day - s.days" : "t." + key);
            }
            counts.forEach(c -> values.add("t." + c + " * s.n"));
            jdbc.update(
                    "insert into " + table + " (" + String.join(", ", names) + ") select "
                            + String.join(", ", values) + " from scale_t_" + table
                            + " t cross join (select c % 365 as days, "
                            + "count(*) as n from generate_series(1, ?) c group by 1) s on conflict ("
                            + String.join(", ", keys)
                            + ") do update set "
                            + counts.stream()
                                    .map(c -> c + " = " + table + "." + c + " + excluded." + c)
                                    .collect(Collectors.joining(", ")),
                    copies);
        }
    }

    /** Every event not yet a leaf becomes one, in store order, while holding the checkpointer's lock. */
    private static void fillLeaves(Connection lock) throws SQLException {
        try (Statement statement = lock.createStatement()) {
            statement.execute("""
                    insert into ledger_leaf (leaf_index, global_index, aggregate_identifier, sequence_number,
                        event_hash)
                    select (select coalesce(max(leaf_index), -1) from ledger_leaf)
                            + row_number() over (order by global_index),
                        global_index, aggregate_identifier, sequence_number, event_hash
                    from domain_event_entry
                    where global_index > (select coalesce(max(global_index), 0) from ledger_leaf)""");
        }
        lock.commit();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Queries at N

    private void timeline(String child, Credentials trust, Credentials reviewer, long stored) {
        Map<String, Object> grant = new HashMap<>();
        grant.put("nhsNumber", child);
        grant.put("reviewer", reviewer.username());
        grant.put("review", "Serious case review: scale benchmark");
        grant.put("reason", "Commissioned by the Safeguarding Children Board");
        grant.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        Http.Response granted = http.as(trust).post("/api/timeline-grants", grant);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        Map<String, Object> query = new HashMap<>();
        query.put("grantId", granted.field("grantId"));
        query.put("nhsNumber", child);
        query.put("reason", "Preparing the panel's chronology");
        Http.Call call = http.as(reviewer);
        Http.Response first = call.post("/api/timelines/queries", query);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        int steps = first.json().path("entries").size();
        int kilobytes = first.text().getBytes(StandardCharsets.UTF_8).length / 1024;
        double[] ms = timed(() -> {
            Http.Response response = call.post("/api/timelines/queries", query);
            if (response.status() != 200) {
                throw new AssertionError(response.toString());
            }
        });
        log("timeline of %d steps (%,d kB of JSON): p50 %.1f ms, p99 %.1f ms", steps, kilobytes, ms[0], ms[2]);
        // The child's pseudonym (the subject with the most steps), found before PostgreSQL's own figure is timed
        String mostSteps = jdbc.queryForObject(
                "select subject_pseudonym from timeline_entry group by 1 order by count(*) desc limit 1", String.class);
        BenchmarkTable.row(
                AREA,
                String.format(
                        Locale.UK,
                        "A child's timeline with %d steps at %,d events: POST /api/timelines/queries (JSON, %,d kB), "
                                + "p99 (p50 %.1f ms)",
                        steps,
                        stored,
                        kilobytes,
                        ms[0]),
                BenchmarkTable.figure(ms[2], "ms"),
                "under 50 ms",
                plainCount("select count(*) from timeline_entry where subject_pseudonym = '" + mostSteps + "'"),
                ms[2] < 50);
    }

    private void dashboards(Credentials trust, long stored) {
        Http.Call call = http.as(trust);
        String agency = agencies.get(0);
        double[] agencyMs = timed(() -> expectOk(call.get("/api/agencies/" + agency + "/dashboard")));
        double[] trustMs = timed(() -> expectOk(call.get("/api/trust/refusal-patterns")));
        log("dashboards: agency p99 %.1f ms, trust p99 %.1f ms", agencyMs[2], trustMs[2]);
        BenchmarkTable.row(
                AREA,
                String.format(
                        Locale.UK,
                        "Agency dashboard at %,d events: GET /api/agencies/{id}/dashboard (12 months), p99 (p50 %.1f "
                                + "ms)",
                        stored,
                        agencyMs[0]),
                BenchmarkTable.figure(agencyMs[2], "ms"),
                "under 100 ms",
                plainCount("select count(*) from dashboard_request where holding_agency_id = '" + agency
                        + "' and requested_at > now() - interval '1 year'"),
                agencyMs[2] < 100);
        // How PostgreSQL reads the agency's requests of the period, the part of the dashboard that grows with them
        jdbc.query(
                """
                explain (analyze, buffers) select count(*) filter (where status = 'AWAITING_DECISION'),
                    percentile_cont(0.5) within group (order by extract(epoch from decided_at - requested_at))
                    filter (where decision is not null), count(*) filter (where agreement_id is not null)
                from dashboard_request where holding_agency_id = ? and requested_at > now() - interval '1 year'""",
                row -> {
                    log("  %s", row.getString(1));
                },
                agency);
        BenchmarkTable.row(
                AREA,
                String.format(
                        Locale.UK,
                        "Trust refusal patterns at %,d events: GET /api/trust/refusal-patterns (12 months), p99 (p50 "
                                + "%.1f ms)",
                        stored,
                        trustMs[0]),
                BenchmarkTable.figure(trustMs[2], "ms"),
                "under 100 ms",
                plainCount("select count(*) from dashboard_request where requested_at > now() - interval '1 year'"),
                trustMs[2] < 100);
    }

    private void workList(long stored) {
        String agency = agencies.get(0);
        PageSession session = new PageSession(port);
        session.signIn(practitioners.get(agency));
        double[] ms = timed(() -> {
            HttpResponse<String> response = session.get("/requests");
            if (response.statusCode() != 200) {
                throw new AssertionError("GET /requests: " + response.statusCode());
            }
        });
        long rows = jdbc.queryForObject(
                "select count(*) from request_view where ? in (holding_agency_id, requesting_agency_id)",
                Long.class,
                agency);
        log("work list: p95 %.1f ms (%,d requests of the agency)", ms[1], rows);
        BenchmarkTable.row(
                AREA,
                String.format(
                        Locale.UK,
                        "Work list at %,d events: GET /requests as a practitioner of an agency with %,d requests, p95 "
                                + "(p50 %.1f ms)",
                        stored,
                        rows,
                        ms[0]),
                BenchmarkTable.figure(ms[1], "ms"),
                "under 100 ms",
                plainCount("select count(*) from request_view where requesting_agency_id = '" + agency + "'"),
                ms[1] < 100);
    }

    /** A second ledger process on this database, -Xmx512m: time to "Started LedgerApplication". */
    private void startUp(long stored) throws Exception {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        Path log = DATA.resolve("second-node.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LedgerApplication.class.getName(),
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--ledger.storage.data-dir=" + DATA,
                        // With an external database the key is given, not read from the folder: the same one.
                        "--ledger.subjects.key="
                                + Files.readString(DATA.resolve("subject.key")).trim(),
                        "--ledger.evidence.signing-key="
                                + Files.readString(DATA.resolve("signing.key")).trim(),
                        "--ledger.security.admin-password=" + ADMIN_PASSWORD,
                        "--ledger.security.bcrypt-strength=4",
                        "--spring.main.banner-mode=off"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        double seconds;
        try {
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the second ledger exited: " + Files.readString(log));
                        }
                        return Files.readString(log).contains("Started LedgerApplication");
                    });
            seconds = (System.nanoTime() - start) / 1e9;
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        String reported = Files.readAllLines(log).stream()
                .filter(line -> line.contains("Started LedgerApplication"))
                .findFirst()
                .orElse("");
        log("start-up: %.1f s to \"Started LedgerApplication\" (%s)", seconds, reported.trim());
        BenchmarkTable.row(
                AREA,
                String.format(
                        Locale.UK,
                        "Start-up on a database of %,d events: a second ledger process, -Xmx512m, until \"Started "
                                + "LedgerApplication\"",
                        stored),
                BenchmarkTable.figure(seconds, "s"),
                "under 20 s",
                "",
                seconds < 20);
    }

    /** The classes holding most of the live heap, for the log. */
    private static void histogram(String when) {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            log("live heap %s:%n%s", when, text.lines().limit(15).collect(Collectors.joining("\n")));
        } catch (Exception e) {
            log("no class histogram %s: %s", when, e);
        }
    }

    private static void expectOk(Http.Response response) {
        if (response.status() != 200) {
            throw new AssertionError(response.toString());
        }
    }

    /** Milliseconds {p50, p95, p99} after a warm-up. */
    private static double[] timed(Runnable work) {
        for (int i = 0; i < QUERY_WARM_UP; i++) {
            work.run();
        }
        double[] ms = new double[QUERY_RUNS];
        for (int i = 0; i < QUERY_RUNS; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {percentile(ms, 50), percentile(ms, 95), percentile(ms, 99)};
    }

    /** A plain count of the rows a query reads, timed, as the PostgreSQL figure beside it. */
    private String plainCount(String sql) {
        jdbc.queryForObject(sql, Long.class);
        long start = System.nanoTime();
        long rows = jdbc.queryForObject(sql, Long.class);
        return String.format(
                Locale.UK, "select count(*) of its %,d rows: %.1f ms", rows, (System.nanoTime() - start) / 1e6);
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static void log(String format, Object... args) {
        System.out.printf(
                Locale.UK,
                "[%s] " + format + "%n",
                Stream.concat(Stream.of(Instant.now().truncatedTo(ChronoUnit.SECONDS)), Arrays.stream(args))
                        .toArray());
    }

    /** A folder of this run's own: another JVM loading this class must never touch a running run's folder. */
    private static Path scaleData() {
        try {
            Path parent = Files.createDirectories(Path.of("target", "scale-benchmark-data"));
            return Files.createTempDirectory(parent.toAbsolutePath(), "run-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String size(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            long bytes = files.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
            return String.format(Locale.UK, "%.1f GB", bytes / 1e9);
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + folder + ": " + e);
        }
    }

    /** The largest heap in use just after a garbage collection, from the collectors' own notifications. */
    static final class HeapAfterGc {

        private final AtomicLong max = new AtomicLong();
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        private boolean installed;

        void install() {
            if (installed) {
                return;
            }
            installed = true;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector)
                        .addNotificationListener(
                                (notification, handback) -> {
                                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                            notification.getType())) {
                                        return;
                                    }
                                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                            .filter(e -> heapPools.contains(e.getKey()))
                                            .map(Map.Entry::getValue)
                                            .mapToLong(MemoryUsage::getUsed)
                                            .sum();
                                    max.accumulateAndGet(used, Math::max);
                                },
                                null,
                                null);
            }
        }

        void reset() {
            max.set(0);
        }

        long max() {
            return max.get();
        }
    }
}
