package org.sharingledger.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.RawPostgres;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark}. On two fresh ledger databases, appends the same
 * realistic events (copied from requests the application recorded: requested, refused, escalated, resolved, shared)
 * with the hash chain and without it (the trigger switched off), in alternating rounds; then checkpoints and
 * verifies the chained one. Prints append rates, checkpoint rate and verification rate.
 */
class EvidenceBenchmark extends IntegrationTest {

    private static final int STREAMS_PER_ROUND = 8_000;
    private static final int ROUNDS = 5;

    @Autowired
    private LedgerKey key;

    @Test
    void chainCostVerificationAndCheckpointRates() throws SQLException {
        List<Map<String, Object>> templates = templates();
        try (LedgerCopy chained = LedgerCopy.of(jdbc, List.of(), key, Duration.ofMinutes(1));
                LedgerCopy unchained = LedgerCopy.of(jdbc, List.of(), key, Duration.ofMinutes(1))) {
            unchained.jdbc().execute("alter table domain_event_entry disable trigger domain_event_entry_chain");
            List<Double> with = new ArrayList<>();
            List<Double> without = new ArrayList<>();
            append(chained, templates, 500);
            append(unchained, templates, 500);
            for (int round = 0; round < ROUNDS; round++) {
                with.add(append(chained, templates, STREAMS_PER_ROUND));
                without.add(append(unchained, templates, STREAMS_PER_ROUND));
            }
            double withRate = median(with);
            double withoutRate = median(without);
            long events = chained.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
            System.out.printf(
                    "%nAppend, one writer, one request of %d events per transaction, %d rounds of %,d events each way:%n",
                    templates.size(), ROUNDS, STREAMS_PER_ROUND * templates.size());
            System.out.printf("  with the hash chain:    %,.0f events/s (median; rounds %s)%n", withRate, rates(with));
            System.out.printf(
                    "  without the hash chain: %,.0f events/s (median; rounds %s)%n", withoutRate, rates(without));
            System.out.printf(
                    "  cost of the chain: %.1f %% of append throughput%n", 100 * (1 - withRate / withoutRate));

            long t0 = System.nanoTime();
            chained.checkpointer().checkpoint();
            double checkpointSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "First checkpoint over %,d events: %.1f s (%,.0f events/s)%n",
                    events, checkpointSeconds, events / checkpointSeconds);

            List<Double> verifyRates = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                Verification result = chained.verify();
                if (!result.verified()) {
                    throw new AssertionError("the benchmark ledger should verify: " + result.problems());
                }
                verifyRates.add((double) result.eventsPerSecond());
            }
            System.out.printf(
                    "Verification of %,d events: %,.0f events/s (median of 3; runs %s)%n%n",
                    events, median(verifyRates), rates(verifyRates));
            BenchmarkTable.row(
                    "Evidence",
                    String.format(
                            Locale.UK,
                            "Appends with the hash chain, one writer (without it: %s; first checkpoint over %,d "
                                    + "events: %s)",
                            BenchmarkTable.figure(withoutRate, "events/s"),
                            events,
                            BenchmarkTable.figure(events / checkpointSeconds, "events/s")),
                    BenchmarkTable.figure(withRate, "events/s"),
                    "—",
                    RawPostgres.inserts(jdbc.getDataSource()),
                    true);
            BenchmarkTable.row(
                    "Evidence",
                    String.format(Locale.UK, "Verification of the whole ledger, %,d events (median of 3)", events),
                    BenchmarkTable.figure(median(verifyRates), "events/s"),
                    "—",
                    "",
                    true);
        }
    }

    /** Events the application itself recorded, five per request, to copy with new identities. */
    private List<Map<String, Object>> templates() {
        Scenario.Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        scenario.refusedEscalatedAndShared(p, id);
        return jdbc.queryForList(
                "select * from domain_event_entry where aggregate_identifier = ? " + "order by sequence_number", id);
    }

    /** Appends {@code streams} streams of the templates' events, one transaction per stream; returns events/s. */
    private static double append(LedgerCopy ledger, List<Map<String, Object>> templates, int streams)
            throws SQLException {
        byte[] placeholder = new byte[32];
        boolean chainOff = Boolean.TRUE.equals(ledger.jdbc().queryForObject("""
                select tgenabled = 'D' from pg_trigger where tgname = 'domain_event_entry_chain'""", Boolean.class));
        long t0 = System.nanoTime();
        try (Connection connection = ledger.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type, event_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int s = 0; s < streams; s++) {
                    String stream = UUID.randomUUID().toString();
                    for (Map<String, Object> event : templates) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setBytes(2, (byte[]) event.get("meta_data"));
                        insert.setBytes(3, (byte[]) event.get("payload"));
                        insert.setString(4, (String) event.get("payload_revision"));
                        insert.setString(5, (String) event.get("payload_type"));
                        insert.setString(6, (String) event.get("time_stamp"));
                        insert.setString(7, stream);
                        insert.setLong(8, (Long) event.get("sequence_number"));
                        insert.setString(9, (String) event.get("type"));
                        insert.setBytes(10, chainOff ? placeholder : null);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        return streams * templates.size() / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String rates(List<Double> values) {
        return Arrays.toString(values.stream().mapToLong(Math::round).toArray());
    }
}
