package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Appends racing each other, to different streams and to one stream, leave every chain whole and verifiable. */
class ConcurrentChainsIT extends IntegrationTest {

    private static final int THREADS = 8;

    @Autowired
    private LedgerKey key;

    @Autowired
    private Checkpointer checkpointer;

    @Test
    void parallelRequestsAndRacingDecisionsThroughTheApplicationLeaveTheLedgerVerified() throws Exception {
        Scenario.Parties p = scenario.parties();
        String contested = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        List<Callable<Integer>> work = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            work.add(() -> {
                for (int i = 0; i < 5; i++) {
                    String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
                    http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", Scenario.refusal());
                }
                return 0;
            });
            work.add(() -> http.as(p.holderPractitioner())
                    .post("/api/requests/" + contested + "/refusal", Scenario.refusal())
                    .status());
        }
        List<Integer> statuses = run(work);

        assertThat(statuses)
                .as("one decision wins the race, the others find it decided")
                .containsOnly(0, 200, 409)
                .filteredOn(status -> status == 200)
                .hasSize(1);
        checkpointer.checkpoint();
        Verification result = new LedgerVerifier(jdbc.getDataSource(), key.verifier(), Clock.systemUTC())
                .verify(LedgerVerifier.Progress.NONE);
        assertThat(result.problems()).isEmpty();
        assertThat(result.verified()).isTrue();
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/ledger/verification")
                        .json()
                        .path("verified")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void manyWritersAppendingToOneStreamAndToTheirOwnKeepEveryChainWhole() throws Exception {
        Scenario.Parties p = scenario.parties();
        String seed = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        try (LedgerCopy ledger = LedgerCopy.of(jdbc, List.of(seed), key, Duration.ofMinutes(1))) {
            Map<String, Object> template = ledger.event(ledger.position(seed, 0));
            String shared = "shared-" + UUID.randomUUID();
            AtomicInteger conflicts = new AtomicInteger();
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String own = "own-" + t + "-" + UUID.randomUUID();
                work.add(() -> {
                    JdbcTemplate writer = ledger.jdbc();
                    for (int i = 0; i < 25; i++) {
                        append(writer, template, own, i);
                        while (true) {
                            long next = writer.queryForObject(
                                    "select coalesce(max(sequence_number) + 1, 0) "
                                            + "from domain_event_entry where aggregate_identifier = ?",
                                    Long.class,
                                    shared);
                            try {
                                append(writer, template, shared, next);
                                break;
                            } catch (DuplicateKeyException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                        if (i % 10 == 0) {
                            ledger.checkpointer().checkpoint();
                        }
                    }
                    return 0;
                });
            }
            run(work);
            ledger.checkpointer().checkpoint();

            Verification result = ledger.verify();
            assertThat(result.problems()).isEmpty();
            assertThat(result.verified()).isTrue();
            assertThat(result.events())
                    .isEqualTo(ledger.jdbc().queryForObject("select count(*) from domain_event_entry", Long.class));
            assertThat(ledger.jdbc()
                            .queryForObject(
                                    "select max(sequence_number) from domain_event_entry "
                                            + "where aggregate_identifier = ?",
                                    Long.class,
                                    shared))
                    .isEqualTo(THREADS * 25 - 1);
            assertThat(result.checkpoint().treeSize()).isEqualTo(result.events());
            System.out.printf(
                    "%d appends to one stream raced %d times; every chain verified%n", THREADS * 25, conflicts.get());
        }
    }

    private static void append(JdbcTemplate writer, Map<String, Object> template, String stream, long sequence) {
        writer.update(
                """
                insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'SharingRequest')""",
                UUID.randomUUID().toString(),
                template.get("meta_data"),
                template.get("payload"),
                template.get("payload_revision"),
                template.get("payload_type"),
                template.get("time_stamp"),
                stream,
                sequence);
    }

    private static <T> List<T> run(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(work.size());
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(work)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
