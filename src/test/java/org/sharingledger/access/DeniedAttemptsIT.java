package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Every refusal is recorded, but a user's repeats are counted into one event a minute, and paths are capped. */
class DeniedAttemptsIT extends IntegrationTest {

    @Autowired
    DeniedAttemptsRecorder recorder;

    private List<JsonNode> deniedEvents(String username) {
        return jdbc
                .queryForList(
                        "select convert_from(payload, 'UTF8') from domain_event_entry "
                                + "where aggregate_identifier = ? and payload_type like '%.AccessDenied' "
                                + "order by global_index",
                        String.class, username)
                .stream()
                .map(json -> Http.JSON.readTree(json))
                .toList();
    }

    @Test
    void aHundredRepeatedRefusalsByOneUserMakeAFewEventsCountingAHundred() {
        Credentials practitioner = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");

        for (int i = 0; i < 100; i++) {
            assertThat(http.as(practitioner).get("/api/users").status()).isEqualTo(403);
        }
        List<JsonNode> before = deniedEvents(practitioner.username());
        recorder.flush();
        List<JsonNode> after = deniedEvents(practitioner.username());

        assertThat(before).as("the first few refusals are recorded at once").hasSize(DeniedAttemptsRecorder.SINGLY);
        assertThat(before)
                .allSatisfy(event -> assertThat(event.path("count").asInt()).isEqualTo(1));
        assertThat(after).as("the repeats are counted in one event").hasSize(DeniedAttemptsRecorder.SINGLY + 1);
        JsonNode counted = after.get(after.size() - 1);
        assertThat(counted.path("count").asInt()).isEqualTo(100 - DeniedAttemptsRecorder.SINGLY);
        assertThat(counted.path("since").isNull()).isFalse();
        assertThat(counted.path("path").asString()).isEqualTo("/api/users");
        assertThat(after.stream().mapToInt(e -> e.path("count").asInt()).sum()).isEqualTo(100);
    }

    @Test
    void refusalsOfManyKindsAreCountedTogetherBeyondTen() {
        Credentials practitioner = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");

        for (int i = 0; i < 50; i++) {
            // Each asks about another agency's notifications: a reason of its own each time.
            http.as(practitioner).get("/api/agencies/agency-" + i + "/notifications");
        }
        recorder.flush();

        List<JsonNode> events = deniedEvents(practitioner.username());
        assertThat(events)
                .hasSizeLessThanOrEqualTo(DeniedAttemptsRecorder.KINDS_PER_USER + DeniedAttemptsRecorder.SINGLY + 1);
        assertThat(events.stream().mapToInt(e -> e.path("count").asInt()).sum()).isEqualTo(50);
    }

    @Test
    void aLongPathIsCappedAndMarkedTruncated() {
        Credentials practitioner = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        String longName = "x".repeat(1000);

        assertThat(http.as(practitioner)
                        .get("/api/users/" + longName + "/tokens")
                        .status())
                .isEqualTo(403);

        List<JsonNode> events = deniedEvents(practitioner.username());
        assertThat(events).hasSize(1);
        assertThat(events.get(0).path("path").asString()).hasSize(200).startsWith("/api/users/xxx");
        assertThat(events.get(0).path("pathTruncated").asBoolean()).isTrue();
    }

    @Test
    void theCountsStillOpenAreRecordedWhenTheLedgerStops() {
        Credentials practitioner = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        for (int i = 0; i < 20; i++) {
            http.as(practitioner).get("/api/users");
        }

        recorder.stop();
        List<JsonNode> events;
        try {
            events = deniedEvents(practitioner.username());
            http.as(practitioner).get("/api/users");
            assertThat(deniedEvents(practitioner.username()))
                    .as("once stopped, every refusal is recorded at once")
                    .hasSize(events.size() + 1);
        } finally {
            recorder.start();
        }

        assertThat(events.stream().mapToInt(e -> e.path("count").asInt()).sum()).isEqualTo(20);
    }
}
