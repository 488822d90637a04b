package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/** A timeline query and the read model behind it: what the query shows is what it records. */
class TimelineQueriesIT extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    private StreamingEventProcessor timelines() {
        return processing
                .eventProcessor(TimelineProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
    }

    @AfterEach
    void timelinesRunAgain() {
        await().atMost(Duration.ofSeconds(10)).until(() -> timelines().isRunning());
    }

    @Test
    void aQueryWaitsForTheTimelinesSoEveryAgencyWhoseStepItShowsSeesWhoLooked() {
        Scenario.Parties p = scenario.parties();
        String child = Scenario.uniqueNhsNumber();
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Credentials representative = scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE");
        String grant = http.as(trust)
                .post(
                        "/api/timeline-grants",
                        Map.of(
                                "reviewer",
                                reviewer.username(),
                                "review",
                                "Serious case review: Child T",
                                "reason",
                                "Commissioned by the Safeguarding Children Board",
                                "validUntil",
                                Instant.now().plus(Duration.ofDays(30)).toString(),
                                "nhsNumber",
                                child))
                .field("grantId");
        awaitReadModels();
        StreamingEventProcessor timelines = timelines();
        timelines.shutDown();
        try {
            Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
            body.put("subject", Map.of("nhsNumber", child));
            scenario.request(p.requesterPractitioner(), body);
        } finally {
            // The read model reaches the request only while the query below is already being answered.
            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(timelines::start);
        }

        Response query = http.as(reviewer)
                .post(
                        "/api/timelines/queries",
                        Map.of("grantId", grant, "nhsNumber", child, "reason", "Chronology for the panel"));
        Response access = http.as(representative).get("/api/agencies/" + p.holder() + "/timeline-access");

        assertThat(query.status()).as(query.toString()).isEqualTo(200);
        assertThat(query.json().path("entries").size()).isEqualTo(1);
        assertThat(access.status()).as(access.toString()).isEqualTo(200);
        assertThat(access.json().size()).as(access.toString()).isEqualTo(1);
        assertThat(access.json().get(0).path("reviewer").asString()).isEqualTo(reviewer.username());
    }
}
