package org.sharingledger.request;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.Http;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.RawPostgres;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark -Dit.test=CommandRateBenchmark}. A practitioner's agency
 * system makes new requests ({@code POST /api/requests} with a personal access token, each a new request about one of
 * 500 children) over real HTTP from client threads, each with a keep-alive connection of its own: first a warm-up at
 * 16 connections ({@code -Dbenchmark.warmup}, ISO-8601, 60 seconds unless set: the JIT compiles the command path),
 * then a measured period ({@code -Dbenchmark.duration}, 30 seconds unless set) at 4 connections and one at 16.
 * Prints, and adds to the benchmark table, the rate and the latencies (p50, p99) of each, beside the durable
 * single-row inserts per second that PostgreSQL itself does in the same run.
 *
 * <p>The client shares the machine with the ledger and its database, so it is kept cheap: bodies made up front,
 * answers read only for their status. Each line also says how much CPU this JVM (the ledger and the client) used per
 * command, a figure that other load on the machine distorts less than the rate. With {@code -Dbenchmark.jfr=some/file.jfr} the measured 16-connection period
 * is recorded with JFR (the application runs in this JVM), for {@code jfr print --events jdk.ExecutionSample}.
 */
class CommandRateBenchmark extends IntegrationTest {

    private static final int CHILDREN = 500;

    @Autowired
    private DataSource dataSource;

    @Test
    void requestsPerSecondAndLatency() throws Exception {
        Duration warmUp = Duration.parse(System.getProperty("benchmark.warmup", "PT60S"));
        Duration measured = Duration.parse(System.getProperty("benchmark.duration", "PT30S"));
        String jfr = System.getProperty("benchmark.jfr", "");

        double rawInserts = RawPostgres.insertsPerSecond(dataSource);
        String raw = RawPostgres.inserts(dataSource);

        Scenario.Parties p = scenario.parties();
        Http.Response issued = http.as(p.requesterPractitioner()).post("/api/tokens", Map.of("name", "benchmark"));
        if (issued.status() != 201) {
            throw new AssertionError("could not issue a token: " + issued);
        }
        String token = issued.field("token");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
            body.put("subject", Map.of("nhsNumber", Scenario.uniqueNhsNumber()));
            bodies.add(Http.JSON.writeValueAsString(body));
        }
        Load load = new Load(URI.create("http://localhost:" + port + "/api/requests"), "Bearer " + token, bodies);

        Result warm = load.run(16, warmUp);
        System.out.printf("%nWarm-up, 16 connections, %s: %s%n", warmUp, warm);
        Map<String, Long> before = databaseWork();
        Result four = load.run(4, measured);
        System.out.printf("POST /api/requests, 4 connections, %s: %s%n", measured, four);
        printDatabaseWorkPerCommand(before, databaseWork(), four.count());
        Recording recording = jfr.isEmpty() ? null : profile();
        Result sixteen = load.run(16, measured);
        if (recording != null) {
            recording.stop();
            Path file = Path.of(jfr).toAbsolutePath();
            Files.createDirectories(file.getParent());
            recording.dump(file);
            recording.close();
            System.out.println("JFR recording of the 16-connection period: " + file);
        }
        System.out.printf("POST /api/requests, 16 connections, %s: %s%n", measured, sixteen);
        System.out.printf("PostgreSQL itself: %s%n%n", raw);

        double goal = Math.max(600, 0.15 * rawInserts);
        BenchmarkTable.row(
                "Commands",
                "POST /api/requests, 16 connections (p50 " + millis(sixteen.p50()) + ", p99 " + millis(sixteen.p99())
                        + ")",
                BenchmarkTable.figure(sixteen.rate(), "commands/s"),
                "at least 600 commands/s (15 % of the raw insert rate: "
                        + BenchmarkTable.figure(0.15 * rawInserts, "/s") + ")",
                raw,
                sixteen.rate() >= goal);
        BenchmarkTable.row(
                "Commands",
                "POST /api/requests, p99 at 4 connections (" + BenchmarkTable.figure(four.rate(), "commands/s")
                        + ", p50 " + millis(four.p50()) + ")",
                millis(four.p99()),
                "under 50 ms",
                raw,
                four.p99() < 50_000_000L);
        if (warm.failures() + four.failures() + sixteen.failures() > 0) {
            throw new AssertionError(
                    "every request should have been recorded (201): " + warm + "; " + four + "; " + sixteen);
        }
    }

    /**
     * PostgreSQL's own counters (transactions, and rows inserted, updated and deleted per table), once every backend
     * has flushed its statistics (at the latest 10 s after it fell idle).
     */
    private Map<String, Long> databaseWork() throws InterruptedException {
        Thread.sleep(11_000);
        Map<String, Long> counters = new TreeMap<>();
        jdbc.query("select xact_commit, xact_rollback from pg_stat_database where datname = current_database()", rs -> {
            counters.put("transactions committed", rs.getLong(1));
            counters.put("transactions rolled back", rs.getLong(2));
        });
        jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables", rs -> {
            counters.put("inserted into " + rs.getString(1), rs.getLong(2));
            counters.put("updated in " + rs.getString(1), rs.getLong(3));
            counters.put("deleted from " + rs.getString(1), rs.getLong(4));
        });
        return counters;
    }

    private static void printDatabaseWorkPerCommand(Map<String, Long> before, Map<String, Long> after, int commands) {
        System.out.println("PostgreSQL's work per command at 4 connections (its counters over the period):");
        after.forEach((counter, value) -> {
            double perCommand = (value - before.getOrDefault(counter, 0L)) / (double) Math.max(1, commands);
            if (perCommand >= 0.05) {
                System.out.printf(Locale.UK, "  %5.2f %s%n", perCommand, counter);
            }
        });
    }

    private static Recording profile() throws IOException, ParseException {
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.setToDisk(true);
        recording.start();
        return recording;
    }

    private static String millis(long nanos) {
        return String.format(Locale.UK, "%.1f ms", nanos / 1e6);
    }

    /** Client threads, each with a connection of its own, posting precomputed bodies as fast as answers come. */
    private record Load(URI uri, String authorization, List<String> bodies) {

        Result run(int connections, Duration duration) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            AtomicInteger next = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicLong clientCpu = new AtomicLong();
            try {
                long end = System.nanoTime() + duration.toNanos();
                long start = System.nanoTime();
                long cpuBefore = processCpuNanos();
                List<Future<long[]>> clients = new ArrayList<>();
                for (int c = 0; c < connections; c++) {
                    clients.add(pool.submit(() -> client(end, next, failures, clientCpu)));
                }
                List<long[]> latencies = new ArrayList<>();
                for (Future<long[]> client : clients) {
                    latencies.add(client.get());
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                long cpu = processCpuNanos() - cpuBefore;
                long[] all = latencies.stream()
                        .flatMapToLong(Arrays::stream)
                        .sorted()
                        .toArray();
                return new Result(
                        all.length / seconds,
                        percentile(all, 50),
                        percentile(all, 99),
                        all.length,
                        failures.get(),
                        all.length == 0 ? 0 : cpu / all.length,
                        all.length == 0 ? 0 : clientCpu.get() / all.length);
            } finally {
                pool.shutdownNow();
            }
        }

        private long[] client(long end, AtomicInteger next, AtomicInteger failures, AtomicLong clientCpu)
                throws Exception {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            long[] latencies = new long[1 << 16];
            int count = 0;
            while (System.nanoTime() < end) {
                String body = bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                long t0 = System.nanoTime();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                long took = System.nanoTime() - t0;
                if (response.statusCode() != 201) {
                    failures.incrementAndGet();
                }
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = took;
            }
            clientCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
            return Arrays.copyOf(latencies, count);
        }

        private static long percentile(long[] sorted, int percent) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
        }
    }

    /** The CPU time this JVM (the ledger and the client threads) has used so far. */
    private static long processCpuNanos() {
        return ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    private record Result(
            double rate, long p50, long p99, int count, int failures, long cpuPerCommand, long clientCpuPerCommand) {
        @Override
        public String toString() {
            return String.format(
                    Locale.UK,
                    "%,.0f commands/s, p50 %.1f ms, p99 %.1f ms (%,d answers, %d not 201; JVM CPU %.2f ms per command, of which client threads %.2f ms)",
                    rate,
                    p50 / 1e6,
                    p99 / 1e6,
                    count,
                    failures,
                    cpuPerCommand / 1e6,
                    clientCpuPerCommand / 1e6);
        }
    }
}
