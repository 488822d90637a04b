package org.sharingledger.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.sharingledger.request.api.InformationShared;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each decision records whether its actor held a passed, unexpired online information sharing course record that
 * day, through the API, on the real database.
 */
class AccreditedDecisionsIT extends IntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;

    @Autowired
    private ConfigurableEnvironment environment;

    @Test
    void aDecisionRecordsWhetherItsActorWasAccredited() {
        Parties p = scenario.parties();
        train(
                p.holder(),
                p.holderPractitioner().username(),
                true,
                LocalDate.now().plusYears(1));
        Credentials untrained = scenario.user(p.holder(), "PRACTITIONER");

        String shared = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Response share = http.as(p.holderPractitioner()).post(decision(shared, "share"), Scenario.share("FULL"));
        assertThat(share.status()).as(share.toString()).isEqualTo(200);
        String refused = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Response refuse = http.as(untrained).post(decision(refused, "refusal"), Scenario.refusal());
        assertThat(refuse.status()).as(refuse.toString()).isEqualTo(200);

        assertThat(payload(shared, 1).path("actorAccredited").asBoolean()).isTrue();
        assertThat(payload(refused, 1).path("actorAccredited").isBoolean()).isTrue();
        assertThat(payload(refused, 1).path("actorAccredited").asBoolean()).isFalse();
    }

    @Test
    void aFailedExpiredOrOtherCourseDoesNotAccredit() {
        Parties p = scenario.parties();
        Credentials failed = scenario.user(p.holder(), "PRACTITIONER");
        Credentials expired = scenario.user(p.holder(), "PRACTITIONER");
        train(p.holder(), failed.username(), false, null);
        train(p.holder(), expired.username(), true, LocalDate.now().minusDays(1));

        for (Credentials actor : new Credentials[] {failed, expired}) {
            String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
            Response refuse = http.as(actor).post(decision(id, "refusal"), Scenario.refusal());
            assertThat(refuse.status()).as(refuse.toString()).isEqualTo(200);
            assertThat(payload(id, 1).path("actorAccredited").asBoolean())
                    .as(actor.username())
                    .isFalse();
        }
    }

    @Test
    void aDecisionStoredBeforeTrainingWasTrackedLoadsWithAccreditationUnknown() {
        Parties p = scenario.parties();
        train(p.holder(), p.holderPractitioner().username(), true, null);
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post(decision(id, "share"), Scenario.share("FULL"));
        Map<String, Object> row = jdbc.queryForMap("""
                select payload, payload_type, payload_revision from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 1""", id);
        ObjectNode stored = (ObjectNode) Http.JSON.readTree((byte[]) row.get("payload"));
        ObjectNode old = stored.deepCopy();
        old.remove("actorAccredited");

        InformationShared now = deserialize(stored, row);
        InformationShared before = deserialize(old, row);

        assertThat(now.actorAccredited()).isTrue();
        assertThat(before.actorAccredited()).as("unknown, not false").isNull();
        assertThat(before.scope()).isEqualTo(now.scope());
        assertThat(before.occurredAt()).isEqualTo(now.occurredAt());
    }

    // ---------------------------------------------------------------- ledger.training.required

    @Test
    void whenTrainingIsRequiredAnUnaccreditedUsersDecisionIsRefusedAndRecordsNothing() {
        Parties p = scenario.parties();
        Credentials untrained = p.holderPractitioner();
        Credentials trained = scenario.user(p.holder(), "PRACTITIONER");
        train(p.holder(), trained.username(), true, null);
        Credentials requesterRep = scenario.user(p.requester(), "NOMINATED_REPRESENTATIVE");
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());

        withTrainingRequired(() -> {
            Response refuse = http.as(untrained).post(decision(id, "refusal"), Scenario.refusal());
            Response share = http.as(untrained).post(decision(id, "share"), Scenario.share("FULL"));
            assertThat(refuse.status()).as(refuse.toString()).isEqualTo(409);
            assertThat(refuse.field("detail"))
                    .contains(untrained.username())
                    .contains("has no passed, unexpired online information sharing course (ONLINE_INFORMATION_SHARING)")
                    .contains("ledger.training.required");
            assertThat(share.status()).as(share.toString()).isEqualTo(409);
            assertThat(stepsOf(id)).as("only the request").isEqualTo(1);

            assertThat(http.anonymous()
                            .post(decision(id, "share"), Scenario.share("FULL"))
                            .status())
                    .isEqualTo(401);
            assertThat(http.as(requesterRep)
                            .post(decision(id, "share"), Scenario.share("FULL"))
                            .status())
                    .as("another agency is still refused for who it is")
                    .isEqualTo(403);
            assertThat(stepsOf(id)).isEqualTo(1);

            Response byTrained = http.as(trained).post(decision(id, "refusal"), Scenario.refusal());
            assertThat(byTrained.status()).as(byTrained.toString()).isEqualTo(200);
            assertThat(payload(id, 1).path("actorAccredited").asBoolean()).isTrue();
        });

        String other = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Response withoutTheSetting = http.as(untrained).post(decision(other, "refusal"), Scenario.refusal());
        assertThat(withoutTheSetting.status())
                .as("off again: recorded, as unaccredited")
                .isEqualTo(200);
        assertThat(payload(other, 1).path("actorAccredited").asBoolean()).isFalse();
    }

    @Test
    void whenTrainingIsRequiredAnUnaccreditedUserCannotResolveAnEscalation() {
        Parties p = scenario.parties();
        Credentials holderRep = scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE");
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post(decision(id, "refusal"), Scenario.refusal());
        Response escalated = http.as(p.requesterPractitioner())
                .post(decision(id, "escalations"), Map.of("stage", "LINE_MANAGER", "reason", "Needed for the enquiry"));
        assertThat(escalated.status()).as(escalated.toString()).isEqualTo(200);
        Map<String, Object> uphold = Map.of("outcome", "REFUSAL_UPHELD", "rationale", "The investigation comes first");

        withTrainingRequired(() -> {
            Response refused = http.as(holderRep).post(decision(id, "escalations/resolution"), uphold);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(stepsOf(id)).isEqualTo(3);

            train(p.holder(), holderRep.username(), true, null);
            Response resolved = http.as(holderRep).post(decision(id, "escalations/resolution"), uphold);
            assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
            assertThat(payload(id, 3).path("actorAccredited").asBoolean()).isTrue();
        });
    }

    @Test
    void whenTrainingIsRequiredTheRequestPageSaysWhyTheDecisionWasNotRecorded() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        PageSession browser = new PageSession(port);
        browser.signIn(p.holderPractitioner());
        String page = browser.get("/requests/" + id).body();

        withTrainingRequired(() -> {
            var refused = browser.post(
                    "/requests/" + id + "/refusal",
                    Map.of(
                            "reason",
                            "STATUTORY_BAR",
                            "rationale",
                            "The law forbids it",
                            "seenStatus",
                            "AWAITING_DECISION",
                            "_csrf",
                            PageSession.csrf(page)));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body())
                    .contains("That step is not open on this request now")
                    .contains("id=\"conflict-reason\"")
                    .contains("has no passed, unexpired online information sharing course");
            assertThat(stepsOf(id)).isEqualTo(1);
        });
    }

    /**
     * Runs with {@code ledger.training.required=true} in the shared context's environment, which the request service
     * reads at each decision, and takes it away afterwards, whatever happens: no context of its own.
     */
    private void withTrainingRequired(Runnable test) {
        MapPropertySource required =
                new MapPropertySource("training-required-for-this-test", Map.of("ledger.training.required", "true"));
        environment.getPropertySources().addFirst(required);
        try {
            test.run();
        } finally {
            environment.getPropertySources().remove(required.getName());
        }
    }

    private long stepsOf(String requestId) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, requestId);
    }

    // ---------------------------------------------------------------- helpers

    /** Records an online information sharing course for a user, completed ten days ago. */
    void train(String agencyId, String username, boolean passed, LocalDate validUntil) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("practitioner", "Practitioner " + username);
        body.put("username", username);
        body.put("course", "ONLINE_INFORMATION_SHARING");
        body.put("completedOn", LocalDate.now().minusDays(10).toString());
        body.put("assessmentPassed", passed);
        if (validUntil != null) {
            body.put("validUntil", validUntil.toString());
        }
        Response recorded = http.as(Scenario.ADMIN).post("/api/training-records", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    static String decision(String requestId, String step) {
        return "/api/requests/" + requestId + "/" + step;
    }

    JsonNode payload(String requestId, long sequence) {
        return Http.JSON.readTree(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and sequence_number = ?""", String.class, requestId, sequence));
    }

    private InformationShared deserialize(ObjectNode payload, Map<String, Object> row) {
        return eventSerializer.deserialize(new SimpleSerializedObject<>(
                payload.toString().getBytes(StandardCharsets.UTF_8),
                byte[].class,
                (String) row.get("payload_type"),
                (String) row.get("payload_revision")));
    }
}
