package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * The ledger's own database role rewrites what decides access or feeds an export, outside the events: the
 * verification reports each such row as READ_MODEL_MISMATCH, naming its table and key. Each test puts the row back
 * afterwards, because the suite shares one database.
 */
class ReadModelEvidenceIT extends IntegrationTest {

    private final List<Runnable> restore = new ArrayList<>();

    @AfterEach
    void putBack() {
        restore.forEach(Runnable::run);
        restore.clear();
    }

    @Test
    void anUntouchedLedgerHasNoReadModelMismatch() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        awaitReadModels();

        JsonNode result = verification();

        assertThat(mismatches(result)).as(result.toString()).isEmpty();
    }

    @Test
    void rolesWrittenIntoTheAccountTableAreReported() {
        Http.Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        String roles =
                jdbc.queryForObject("select roles from user_account where username = ?", String.class, user.username());
        jdbc.update("update user_account set roles = 'ADMIN,PRACTITIONER' where username = ?", user.username());
        restore.add(() -> jdbc.update("update user_account set roles = ? where username = ?", roles, user.username()));

        JsonNode result = verification();

        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(mismatches(result)).anySatisfy(problem -> {
            assertThat(problem.path("table").asString()).isEqualTo("user_account");
            assertThat(problem.path("key").asString()).isEqualTo(user.username());
            assertThat(problem.path("detail").asString()).contains("roles");
        });
    }

    @Test
    void aTokenIsKeptFromItsEventWhichHoldsOnlyItsHash() throws Exception {
        Scenario.Parties p = scenario.parties();
        Http.Response issued = http.as(p.requesterPractitioner()).post("/api/tokens", Map.of("name", "case system"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.field("token");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));

        String payload =
                jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where payload_type like '%.TokenIssued' and aggregate_identifier = ?""", String.class, p.requesterPractitioner().username());
        assertThat(payload).contains(hash).doesNotContain(token);
        assertThat(jdbc.queryForObject(
                        "select token_hash from api_token where token_id = ?::uuid",
                        String.class,
                        issued.field("tokenId")))
                .isEqualTo(hash);
    }

    @Test
    void aTokenHashWrittenIntoTheTokenTableIsReported() {
        Scenario.Parties p = scenario.parties();
        Http.Response issued = http.as(p.requesterPractitioner()).post("/api/tokens", Map.of("name", "case system"));
        String tokenId = issued.field("tokenId");
        String hash =
                jdbc.queryForObject("select token_hash from api_token where token_id = ?::uuid", String.class, tokenId);
        jdbc.update("update api_token set token_hash = repeat('a', 64) where token_id = ?::uuid", tokenId);
        restore.add(() -> jdbc.update("update api_token set token_hash = ? where token_id = ?::uuid", hash, tokenId));

        JsonNode result = verification();

        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(mismatches(result)).anySatisfy(problem -> {
            assertThat(problem.path("table").asString()).isEqualTo("api_token");
            assertThat(problem.path("key").asString()).isEqualTo(tokenId);
            assertThat(problem.path("detail").asString()).contains("token_hash");
        });
    }

    @Test
    void aDeletedTimelineStepIsReported() {
        Scenario.Parties p = scenario.parties();
        String request = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        awaitReadModels();
        String eventId = jdbc.queryForObject(
                "select event_id from timeline_entry where request_id = ?::uuid", String.class, request);
        String row = jdbc.queryForObject(
                "select row_to_json(t)::text from timeline_entry t where event_id = ?", String.class, eventId);
        jdbc.update("delete from timeline_entry where event_id = ?", eventId);
        restore.add(() -> jdbc.update(
                "insert into timeline_entry select * from json_populate_record(null::timeline_entry, ?::json)", row));

        JsonNode result = verification();

        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(mismatches(result)).anySatisfy(problem -> {
            assertThat(problem.path("table").asString()).isEqualTo("timeline_entry");
            assertThat(problem.path("key").asString()).isEqualTo(eventId);
            assertThat(problem.path("detail").asString()).contains("removed");
        });
    }

    @Test
    void anotherAgencyWrittenIntoARequestsViewIsReported() {
        Scenario.Parties p = scenario.parties();
        String request = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        String other = scenario.agency("EDUCATION");
        jdbc.update("update request_view set holding_agency_id = ? where request_id = ?::uuid", other, request);
        restore.add(() -> jdbc.update(
                "update request_view set holding_agency_id = ? where request_id = ?::uuid", p.holder(), request));

        JsonNode result = verification();

        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(mismatches(result)).anySatisfy(problem -> {
            assertThat(problem.path("table").asString()).isEqualTo("request_view");
            assertThat(problem.path("key").asString()).isEqualTo(request);
            assertThat(problem.path("detail").asString()).contains("holding_agency_id");
        });
    }

    @Test
    void aDeletedStepOfARequestsHistoryIsReported() {
        Scenario.Parties p = scenario.parties();
        String request = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post("/api/requests/" + request + "/refusal", Scenario.refusal());
        String row = jdbc.queryForObject(
                "select row_to_json(t)::text from request_history t where request_id = ?::uuid and seq = 1",
                String.class,
                request);
        jdbc.update("delete from request_history where request_id = ?::uuid and seq = 1", request);
        restore.add(() -> jdbc.update(
                "insert into request_history select * from json_populate_record(null::request_history, ?::json)", row));

        JsonNode result = verification();

        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(mismatches(result)).anySatisfy(problem -> {
            assertThat(problem.path("table").asString()).isEqualTo("request_history");
            assertThat(problem.path("key").asString()).isEqualTo(request + "/1");
            assertThat(problem.path("detail").asString()).contains("removed");
        });
    }

    @Test
    void aDeletedDeadlineOfAnOpenRequestIsReported() {
        Scenario.Parties p = scenario.parties();
        String request = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        String row = jdbc.queryForObject("""
                select row_to_json(t)::text from scheduled_tasks t
                where task_name like 'AxonDeadline%'
                  and execution_time = (select due_by from request_view where request_id = ?::uuid)""", String.class, request);
        jdbc.update("""
                delete from scheduled_tasks where task_name like 'AxonDeadline%'
                  and execution_time = (select due_by from request_view where request_id = ?::uuid)""", request);
        restore.add(() -> jdbc.update(
                "insert into scheduled_tasks select * from json_populate_record(null::scheduled_tasks, ?::json)", row));

        JsonNode result = verification();

        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(mismatches(result)).anySatisfy(problem -> {
            assertThat(problem.path("table").asString()).isEqualTo("scheduled_tasks");
            assertThat(problem.path("key").asString()).isEqualTo(request);
            assertThat(problem.path("detail").asString()).contains("not scheduled");
        });
    }

    private JsonNode verification() {
        Http.Response response = http.as(Scenario.ADMIN).get("/api/ledger/verification");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<JsonNode> mismatches(JsonNode verification) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode problem : verification.path("problems")) {
            if (problem.path("kind").asString().equals("READ_MODEL_MISMATCH")) {
                found.add(problem);
            }
        }
        return found;
    }
}
