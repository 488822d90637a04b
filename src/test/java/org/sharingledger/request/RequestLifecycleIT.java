package org.sharingledger.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import tools.jackson.databind.JsonNode;

/** Every step of a request through HTTP, and the request view right after each answer (read your writes). */
class RequestLifecycleIT extends IntegrationTest {

    @Test
    void requestIsCreatedAwaitingDecisionWithDueTime() {
        Parties p = scenario.parties();
        Response created = http.as(p.requesterPractitioner())
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "URGENT"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.field("status")).isEqualTo("AWAITING_DECISION");
        String requestId = created.field("requestId");
        assertThat(created.header("Location")).isEqualTo("/api/requests/" + requestId);

        JsonNode view = http.as(p.holderPractitioner())
                .get("/api/requests/" + requestId)
                .json();
        assertThat(view.path("status").asString()).isEqualTo("AWAITING_DECISION");
        assertThat(view.path("requestingAgencyId").asString()).isEqualTo(p.requester());
        assertThat(view.path("holdingAgencyId").asString()).isEqualTo(p.holder());
        assertThat(view.path("dueBy").asString()).isEqualTo(created.field("dueBy"));
        assertThat(Duration.between(
                        Instant.parse(view.path("requestedAt").asString()),
                        Instant.parse(view.path("dueBy").asString())))
                .isEqualTo(Duration.ofHours(24));
        assertThat(view.path("overdue").asBoolean()).isFalse();
        assertThat(view.path("history").get(0).path("type").asString()).isEqualTo("REQUESTED");
        assertThat(view.path("history").get(0).path("actor").asString())
                .isEqualTo(p.requesterPractitioner().username());
    }

    @Test
    void holderSharesInFull() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());

        Response shared =
                http.as(p.holderPractitioner()).post("/api/requests/" + id + "/share", Scenario.share("FULL"));

        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.field("status")).isEqualTo("SHARED");
        JsonNode view =
                http.as(p.requesterPractitioner()).get("/api/requests/" + id).json();
        assertThat(view.path("status").asString()).isEqualTo("SHARED");
        assertThat(view.path("decision").path("type").asString()).isEqualTo("SHARED");
        assertThat(view.path("decision").path("late").asBoolean()).isFalse();
        assertThat(view.path("decidedAt").isNull()).isFalse();
        assertThat(view.path("history").size()).isEqualTo(2);
    }

    @Test
    void decisionRecordedLaterKeepsBothTimes() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        String requestedAt =
                http.as(p.holderPractitioner()).get("/api/requests/" + id).field("requestedAt");
        String occurredAt = Instant.parse(requestedAt).plusMillis(5).toString();

        Map<String, Object> refusal = new HashMap<>(Scenario.refusal());
        refusal.put("occurredAt", occurredAt);
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + id + "/refusal", refusal)
                        .status())
                .isEqualTo(200);

        JsonNode step = http.as(p.holderPractitioner())
                .get("/api/requests/" + id)
                .json()
                .path("history")
                .get(1);
        assertThat(step.path("type").asString()).isEqualTo("REFUSED");
        assertThat(Instant.parse(step.path("occurredAt").asString())).isEqualTo(Instant.parse(occurredAt));
        assertThat(Instant.parse(step.path("recordedAt").asString())).isAfterOrEqualTo(Instant.parse(occurredAt));
    }

    @Test
    void partialShareEscalatedAndSharedAfterEscalation() {
        Parties p = scenario.parties();
        Credentials holderRepresentative = scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE");
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());

        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + id + "/share", Scenario.share("PARTIAL"))
                        .field("status"))
                .isEqualTo("PARTIALLY_SHARED");
        assertThat(http.as(p.requesterPractitioner())
                        .post(
                                "/api/requests/" + id + "/escalations",
                                Map.of(
                                        "stage",
                                        "NOMINATED_REPRESENTATIVE",
                                        "reason",
                                        "We need the rest to assess risk"))
                        .field("status"))
                .isEqualTo("ESCALATED");
        Response resolved = http.as(holderRepresentative)
                .post(
                        "/api/requests/" + id + "/escalations/resolution",
                        Map.of(
                                "outcome",
                                "SHARED",
                                "rationale",
                                "Risk outweighs confidentiality",
                                "informationShared",
                                "The remaining record",
                                "method",
                                "SECURE_PORTAL"));

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.field("status")).isEqualTo("SHARED_AFTER_ESCALATION");
        JsonNode view =
                http.as(p.requesterPractitioner()).get("/api/requests/" + id).json();
        assertThat(view.path("status").asString()).isEqualTo("SHARED_AFTER_ESCALATION");
        assertThat(view.path("escalation").path("outcome").asString()).isEqualTo("SHARED");
        assertThat(view.path("escalation").path("stage").asString()).isEqualTo("NOMINATED_REPRESENTATIVE");
        assertThat(view.path("history"))
                .extracting(step -> step.path("type").asString())
                .containsExactly("REQUESTED", "PARTIALLY_SHARED", "ESCALATED", "ESCALATION_RESOLVED");
    }

    @Test
    void refusalEscalatedThroughEveryStageUpToTheTrust() {
        Parties p = scenario.parties();
        Credentials holderRepresentative = scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", Scenario.refusal());

        for (String stage : new String[] {"LINE_MANAGER", "NOMINATED_REPRESENTATIVE", "DATA_PROTECTION_OFFICER"}) {
            assertThat(http.as(p.requesterPractitioner())
                            .post(
                                    "/api/requests/" + id + "/escalations",
                                    Map.of("stage", stage, "reason", "Still needed"))
                            .status())
                    .isEqualTo(200);
            Response upheld = http.as(holderRepresentative)
                    .post(
                            "/api/requests/" + id + "/escalations/resolution",
                            Map.of("outcome", "REFUSAL_UPHELD", "rationale", "Investigation still live"));
            assertThat(upheld.field("status")).as(upheld.toString()).isEqualTo("REFUSAL_UPHELD");
        }
        http.as(p.requesterPractitioner())
                .post(
                        "/api/requests/" + id + "/escalations",
                        Map.of("stage", "SAFEGUARDING_PARTNERSHIP", "reason", "Last resort"));
        Response byTrust = http.as(trust)
                .post(
                        "/api/requests/" + id + "/escalations/resolution",
                        Map.of(
                                "outcome",
                                "SHARED",
                                "rationale",
                                "The child's safety comes first",
                                "informationShared",
                                "Call-out log",
                                "method",
                                "MEETING"));

        assertThat(byTrust.status()).as(byTrust.toString()).isEqualTo(200);
        assertThat(byTrust.field("status")).isEqualTo("SHARED_AFTER_ESCALATION");
        JsonNode view = http.as(trust).get("/api/requests/" + id).json();
        assertThat(view.path("history").size()).isEqualTo(2 + 3 * 2 + 2);
        assertThat(view.path("escalation").path("resolvedBy").path("username").asString())
                .isEqualTo(trust.username());
    }

    @Test
    void requesterWithdrawsBeforeDecision() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());

        Response withdrawn = http.as(p.requesterPractitioner())
                .post("/api/requests/" + id + "/withdrawal", Map.of("reason", "The family moved out of the county"));

        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.field("status")).isEqualTo("WITHDRAWN");
        assertThat(http.as(p.holderPractitioner()).get("/api/requests/" + id).field("status"))
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void listsShowEachSideNewestFirst() {
        Parties p = scenario.parties();
        String first = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        String second = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post("/api/requests/" + first + "/refusal", Scenario.refusal());

        JsonNode received =
                http.as(p.holderPractitioner()).get("/api/requests?side=HOLDER").json();
        JsonNode made = http.as(p.requesterPractitioner())
                .get("/api/requests?side=REQUESTER&size=1")
                .json();
        JsonNode refused = http.as(p.holderPractitioner())
                .get("/api/requests?status=REFUSED")
                .json();
        JsonNode madeByHolder = http.as(p.holderPractitioner())
                .get("/api/requests?side=REQUESTER")
                .json();

        assertThat(received.path("items"))
                .extracting(item -> item.path("requestId").asString())
                .containsExactly(second, first);
        assertThat(made.path("totalItems").asLong()).isEqualTo(2);
        assertThat(made.path("items"))
                .extracting(item -> item.path("requestId").asString())
                .containsExactly(second);
        assertThat(refused.path("items"))
                .extracting(item -> item.path("requestId").asString())
                .containsExactly(first);
        assertThat(madeByHolder.path("totalItems").asLong()).isZero();
    }

    @Test
    void localReferenceIdentifiesTheChildWithinTheRequestingAgency() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("subject", Map.of("localReference", "CSC/2009/00142"));

        Response created = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }
}
