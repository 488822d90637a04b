package org.sharingledger.projections.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import tools.jackson.databind.JsonNode;

class RebuildIT extends IntegrationTest {

    private List<Map<String, Object>> rows(String table, String key) {
        return jdbc.queryForList("select * from " + table + " order by " + key);
    }

    /**
     * Requests through every step the read models count (shared in full or in part, refused, escalated, resolved
     * either way, withdrawn, overdue, still waiting), so that a rebuild, which reads them in batches of hundreds,
     * must give what the live projection wrote as they came one by one.
     */
    private void everyKindOfStep() {
        Parties p = scenario.parties();
        for (int i = 0; i < 8; i++) {
            String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
            switch (i) {
                case 0 ->
                    http.as(p.holderPractitioner()).post("/api/requests/" + id + "/share", Scenario.share("FULL"));
                case 1 ->
                    http.as(p.holderPractitioner()).post("/api/requests/" + id + "/share", Scenario.share("PARTIAL"));
                case 2 -> http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", Scenario.refusal());
                case 3 -> {
                    http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", Scenario.refusal());
                    http.as(p.requesterPractitioner())
                            .post(
                                    "/api/requests/" + id + "/escalations",
                                    Map.of("stage", "LINE_MANAGER", "reason", "Needed"));
                }
                case 4 -> scenario.refusedEscalatedAndShared(p, id);
                case 5 ->
                    http.as(p.requesterPractitioner())
                            .post("/api/requests/" + id + "/withdrawal", Map.of("reason", "No longer needed"));
                default -> {
                    // still awaiting a decision
                }
            }
        }
        // due in two seconds in the tests: it becomes overdue
        String overdue = scenario.request(
                p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "EMERGENCY"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists (select 1 from dashboard_request where request_id = ?::uuid and became_overdue)",
                        Boolean.class,
                        overdue)));
        awaitReadModels();
    }

    private void rebuild(String name) {
        Response started = http.as(Scenario.ADMIN).post("/api/admin/read-models/" + name + "/rebuild", Map.of());
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !http.as(Scenario.ADMIN)
                        .get("/api/admin/read-models/" + name)
                        .json()
                        .path("rebuild")
                        .path("finishedAt")
                        .isNull());
        JsonNode status =
                http.as(Scenario.ADMIN).get("/api/admin/read-models/" + name).json();

        assertThat(status.path("rebuild").path("failure").isNull())
                .as(status.toString())
                .isTrue();
        assertThat(status.path("rebuild").path("eventsDone").asLong())
                .isEqualTo(status.path("rebuild").path("eventsTotal").asLong())
                .isPositive();
        assertThat(status.path("rebuild").path("eventsPerSecond").asLong()).isPositive();
        assertThat(status.path("replaying").asBoolean())
                .as("rebuilt, though Axon keeps its replay token until a newer event arrives: " + status)
                .isFalse();
        awaitReadModels();
    }

    @Test
    void aRebuildGivesExactlyTheRowsOfTheLiveProjection() {
        everyKindOfStep();
        var agencies = rows("dashboard_agency", "agency_id");
        var requests = rows("dashboard_request", "request_id");
        var escalations = rows("dashboard_escalation", "request_id, seq");
        var daily = rows("dashboard_daily", "day, holding_agency_id, requesting_agency_id");
        var reasons = rows("dashboard_daily_reason", "day, holding_agency_id, reason");
        var stages = rows("dashboard_daily_stage", "day, requesting_agency_id, stage");
        assertThat(requests).isNotEmpty();

        rebuild("dashboards");

        assertThat(rows("dashboard_agency", "agency_id")).isEqualTo(agencies);
        assertThat(rows("dashboard_request", "request_id")).isEqualTo(requests);
        assertThat(rows("dashboard_escalation", "request_id, seq")).isEqualTo(escalations);
        assertThat(rows("dashboard_daily", "day, holding_agency_id, requesting_agency_id"))
                .isEqualTo(daily);
        assertThat(rows("dashboard_daily_reason", "day, holding_agency_id, reason"))
                .isEqualTo(reasons);
        assertThat(rows("dashboard_daily_stage", "day, requesting_agency_id, stage"))
                .isEqualTo(stages);
    }

    @Test
    void aTimelinesRebuildGivesExactlyTheRowsOfTheLiveProjection() {
        everyKindOfStep();
        var agencies = rows("timeline_agency", "agency_id");
        var actors = rows("timeline_actor", "username");
        var requests = rows("timeline_request", "request_id");
        var entries = rows("timeline_entry", "event_id");
        assertThat(entries).isNotEmpty();

        rebuild("timelines");

        assertThat(rows("timeline_agency", "agency_id")).isEqualTo(agencies);
        assertThat(rows("timeline_actor", "username")).isEqualTo(actors);
        assertThat(rows("timeline_request", "request_id")).isEqualTo(requests);
        assertThat(rows("timeline_entry", "event_id")).isEqualTo(entries);
    }

    @Test
    void onlyAnAdministratorRunsReadModels() {
        Parties p = scenario.parties();
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/admin/read-models/dashboards/rebuild", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(http.as(p.holderPractitioner()).get("/api/admin/read-models").status())
                .isEqualTo(403);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/admin/read-models/no-such-model")
                        .status())
                .isEqualTo(404);
        JsonNode all = http.as(Scenario.ADMIN).get("/api/admin/read-models").json();
        assertThat(all).extracting(model -> model.path("name").asString()).contains("dashboards");
    }
}
