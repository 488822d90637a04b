package org.sharingledger.evidence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.sharingledger.evidence.api.ReadModelReplay;
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.Http;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.RawPostgres;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark}. Fills the ledger with about 100,000 realistic events
 * (copies, under new requests and children, of one request the application recorded: requested, refused, escalated,
 * shared after escalation: four events), lets the read models and the checkpointer catch up, then times one child's timeline export
 * through HTTP, its check against the events replayed as before (the whole store) and as now (only the child's
 * requests and what they name), and the whole-ledger reconciliation of the read models. Prints figures only.
 */
class TimelineExportBenchmark extends IntegrationTest {

    private static final int REQUESTS = 25_000;
    private static final int REQUESTS_PER_CHILD = 4;
    private static final String GROUP = "timelines";

    @Autowired
    private ReadModelReplay replay;

    @Autowired
    private ReadModelReconciliation reconciliation;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Configuration configuration;

    @Test
    void oneTimelineExportOnALedgerOfAHundredThousandEvents() throws SQLException {
        Scenario.Parties p = scenario.parties();
        String child = Scenario.uniqueNhsNumber();
        Http.Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Http.Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        List<String> childRequests = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_CHILD; i++) {
            Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
            body.put("subject", Map.of("nhsNumber", child));
            childRequests.add(scenario.refusedEscalatedAndShared(p, scenario.request(p.requesterPractitioner(), body)));
        }
        Map<String, Object> grant = new HashMap<>();
        grant.put("nhsNumber", child);
        grant.put("reviewer", reviewer.username());
        grant.put("review", "Serious case review: benchmark");
        grant.put("reason", "Commissioned by the Safeguarding Children Board");
        grant.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        String grantId = http.as(trust).post("/api/timeline-grants", grant).field("grantId");

        List<Map<String, Object>> templates = jdbc.queryForList(
                "select * from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                childRequests.get(0));
        awaitReadModel(GROUP);
        String pseudonym = jdbc.queryForObject(
                "select subject_pseudonym from timeline_request where request_id = ?::uuid",
                String.class,
                childRequests.get(0));
        awaitReadModel("timelines");
        awaitReadModel("dashboards");
        // The notifier would mail every copied request: it skips them, as it skips the past when mail is turned on.
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        StreamingEventProcessor notifier = processing
                .eventProcessor("notifications", StreamingEventProcessor.class)
                .orElseThrow();
        notifier.shutDown();
        long t0 = System.nanoTime();
        copies(templates, childRequests.get(0), pseudonym);
        moveTokensToHead("notifications");
        notifier.start();
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        System.out.printf(
                "%nLedger of %,d events (%,d copied in %.1f s); waiting for the read models and a checkpoint...%n",
                events, REQUESTS * templates.size(), (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        // The read models the export and the reconciliation read; the notifier halts on the copies' made-up agencies
        awaitReadModel(GROUP);
        awaitReadModel("dashboards");
        System.out.printf("  read models caught up in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        Map<String, Object> query = new HashMap<>();
        query.put("grantId", grantId);
        query.put("nhsNumber", child);
        query.put("reason", "Preparing the panel's chronology");
        t0 = System.nanoTime();
        Http.Response first = http.as(reviewer).post("/api/timelines/queries", query);
        if (first.status() != 200) {
            throw new AssertionError("the benchmark's export should succeed: " + first);
        }
        long treeSize = first.json().path("checkpoint").path("treeSize").asLong();
        System.out.printf(
                "  first export (signs the checkpoint of %,d events): %.1f s%n",
                treeSize, (System.nanoTime() - t0) / 1e9);

        List<Double> exports = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            Http.Response response = http.as(reviewer).post("/api/timelines/queries", query);
            exports.add((System.nanoTime() - started) / 1e6);
            if (response.status() != 200) {
                throw new AssertionError("the benchmark's export should succeed: " + response);
            }
        }
        Supplier<Long> steps = () -> jdbc.queryForObject(
                "select count(*) from timeline_entry where subject_pseudonym = ?", Long.class, pseudonym);
        List<Double> narrow = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            long started = System.nanoTime();
            replay.atCheckpoint(GROUP, treeSize, ReadModelReplay.Requests.aboutChild(pseudonym), steps);
            narrow.add((System.nanoTime() - started) / 1e6);
        }
        List<Double> whole = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            replay.atCheckpoint(GROUP, treeSize, steps);
            whole.add((System.nanoTime() - started) / 1e6);
        }
        double exportMillis = median(exports);
        double narrowMillis = median(narrow);
        double wholeMillis = median(whole);
        System.out.printf(
                "One timeline export (JSON, %d steps) on a ledger of %,d events:%n"
                        + "  now, the check replaying only the child's requests: %,.0f ms (median of 5; runs %s)%n"
                        + "    of which the check itself: %,.0f ms (median of 5; runs %s)%n"
                        + "  before, the check replaying the whole store: %,.0f ms (median of 3; runs %s),%n"
                        + "    so an export took about %,.0f ms%n",
                first.json().path("eventsAtCheckpoint").asLong(),
                treeSize,
                exportMillis,
                rounded(exports),
                narrowMillis,
                rounded(narrow),
                wholeMillis,
                rounded(whole),
                exportMillis - narrowMillis + wholeMillis);

        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            int problems = reconciliation.reconcile().size();
            double seconds = (System.nanoTime() - started) / 1e9;
            rates.add(events / seconds);
            System.out.printf("  (reconciliation run %d: %.1f s, %d problem(s))%n", run + 1, seconds, problems);
        }
        System.out.printf(
                "Whole-ledger reconciliation of the read models (every event through every reconciled handler): "
                        + "%,.0f events/s (median of 3; runs %s)%n%n",
                median(rates), rounded(rates));
        BenchmarkTable.row(
                "Queries",
                String.format(
                        java.util.Locale.UK,
                        "One timeline export (JSON) through HTTP on a ledger of %,d events, median of 5 (its check "
                                + "replaying the child's requests: %,.0f ms)",
                        treeSize,
                        narrowMillis),
                BenchmarkTable.figure(exportMillis, "ms"),
                "—",
                "",
                true);
        BenchmarkTable.row(
                "Rebuild",
                String.format(
                        java.util.Locale.UK,
                        "Whole-ledger reconciliation of the read models, %,d events (median of 3)",
                        events),
                BenchmarkTable.figure(median(rates), "events/s"),
                "—",
                RawPostgres.scan(dataSource),
                true);
    }

    /** The template request's events, again and again, each copy a request of its own about a child of its own. */
    private void copies(List<Map<String, Object>> templates, String requestId, String pseudonym) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                String otherChild = null;
                for (int r = 0; r < REQUESTS; r++) {
                    if (r % REQUESTS_PER_CHILD == 0) {
                        otherChild = (UUID.randomUUID().toString() + UUID.randomUUID())
                                .replace("-", "")
                                .substring(0, pseudonym.length());
                    }
                    String stream = UUID.randomUUID().toString();
                    for (Map<String, Object> event : templates) {
                        String payload = new String((byte[]) event.get("payload"), StandardCharsets.UTF_8)
                                .replace(requestId, stream)
                                .replace(pseudonym, otherChild);
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setBytes(2, (byte[]) event.get("meta_data"));
                        insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
                        insert.setString(4, (String) event.get("payload_revision"));
                        insert.setString(5, (String) event.get("payload_type"));
                        insert.setString(6, (String) event.get("time_stamp"));
                        insert.setString(7, stream);
                        insert.setLong(8, (Long) event.get("sequence_number"));
                        insert.setString(9, (String) event.get("type"));
                        insert.addBatch();
                    }
                    if (r % 100 == 99) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }
}
