package org.sharingledger.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.RepeatedTest;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;

class ConcurrentDecisionsIT extends IntegrationTest {

    @RepeatedTest(10)
    void twoDecisionsAtTheSameMomentGiveExactlyOne200AndOne409() throws Exception {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Response> share = CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        return http.as(p.holderPractitioner())
                                .post("/api/requests/" + id + "/share", Scenario.share("FULL"));
                    },
                    pool);
            CompletableFuture<Response> refuse = CompletableFuture.supplyAsync(
                    () -> {
                        await(start);
                        return http.as(p.holderPractitioner())
                                .post("/api/requests/" + id + "/refusal", Scenario.refusal());
                    },
                    pool);

            List<Integer> statuses =
                    new ArrayList<>(List.of(share.get().status(), refuse.get().status()));

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id))
                    .isEqualTo(2);
            assertThat(jdbc.queryForObject(
                            "select count(*) from request_history where request_id = ?::uuid", Long.class, id))
                    .isEqualTo(2);
        } finally {
            pool.shutdown();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
