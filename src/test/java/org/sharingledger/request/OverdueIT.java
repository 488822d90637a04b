package org.sharingledger.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import tools.jackson.databind.JsonNode;

/** The suite's EMERGENCY allowance is two seconds. */
class OverdueIT extends IntegrationTest {

    @Test
    void aRequestWithNoDecisionByItsDueTimeIsRecordedOverdueAndALateDecisionIsMarkedLate() {
        Parties p = scenario.parties();
        String id = scenario.request(
                p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "EMERGENCY"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(p.holderPractitioner())
                                .get("/api/requests/" + id)
                                .json()
                                .path("history")
                                .size()
                        == 2);
        JsonNode view =
                http.as(p.holderPractitioner()).get("/api/requests/" + id).json();
        assertThat(view.path("overdue").asBoolean()).isTrue();
        assertThat(view.path("becameOverdueAt").isNull()).isFalse();
        JsonNode overdueStep = view.path("history").get(1);
        assertThat(overdueStep.path("type").asString()).isEqualTo("OVERDUE");
        assertThat(overdueStep.path("actor").asString()).isEqualTo("system");
        assertThat(view.path("status").asString()).isEqualTo("AWAITING_DECISION");

        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + id + "/share", Scenario.share("FULL"))
                        .status())
                .isEqualTo(200);
        JsonNode decided =
                http.as(p.holderPractitioner()).get("/api/requests/" + id).json();
        assertThat(decided.path("decision").path("late").asBoolean()).isTrue();
        assertThat(decided.path("overdue").asBoolean()).isFalse();
    }

    @Test
    void aDecisionInTimeCancelsTheDeadline() {
        Parties p = scenario.parties();
        String id = scenario.request(
                p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "EMERGENCY"));
        http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", Scenario.refusal());

        assertThat(jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where task_data is not null "
                                + "and position(?::bytea in task_data) > 0",
                        Long.class,
                        id))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? "
                                + "and payload_type like '%RequestBecameOverdue'",
                        Long.class, id))
                .isZero();
    }

    /**
     * A node that dies while it holds a picked deadline stops beating for it. After the missed heartbeats (3 s × 4)
     * another node, here this one, finds the execution dead and fires it: the request becomes overdue, once.
     */
    @Test
    void aDeadlinePickedByANodeThatDiedIsFiredByAnother() {
        Parties p = scenario.parties();
        String id = scenario.request(
                p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "EMERGENCY"));

        // Due in two seconds: before then, as if another node had picked it a minute ago and died.
        int picked = jdbc.update("""
                update scheduled_tasks
                set picked = true, picked_by = 'a-node-that-died', last_heartbeat = now() - interval '1 minute',
                    execution_time = now() - interval '1 minute', version = version + 1
                where task_data is not null and position(?::bytea in task_data) > 0 and not picked""", id);
        assertThat(picked).as("the deadline, not yet picked by this node").isEqualTo(1);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> overdueEvents(id) > 0);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from scheduled_tasks where task_data is not null "
                                        + "and position(?::bytea in task_data) > 0",
                                Long.class,
                                id)
                        == 0);
        assertThat(overdueEvents(id)).as("fired once").isEqualTo(1);
    }

    private long overdueEvents(String id) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%RequestBecameOverdue'",
                Long.class, id);
    }
}
