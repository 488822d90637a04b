package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;

class IdempotencyIT extends IntegrationTest {

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstAnswerAndRecordsNothingNew() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        String key = UUID.randomUUID().toString();

        Response first = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", body);
        long after = events();
        Response retry = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void theKeptFingerprintOfARequestIsKeyedSoItCannotBeReversedByTryingNhsNumbers() throws Exception {
        Parties p = scenario.parties();
        String body = Http.JSON.writeValueAsString(Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
        String key = UUID.randomUUID().toString();

        assertThat(http.as(p.requesterPractitioner())
                        .header("Idempotency-Key", key)
                        .post("/api/requests", body)
                        .status())
                .isEqualTo(201);

        String kept = jdbc.queryForObject(
                "select request_hash from idempotency_key where idempotency_key = ?", String.class, key);
        String plain = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(("POST /api/requests\n" + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(kept).hasSize(64).isNotEqualTo(plain);
        assertThat(http.as(p.requesterPractitioner())
                        .header("Idempotency-Key", key)
                        .post("/api/requests", body)
                        .header("Idempotent-Replayed"))
                .isEqualTo("true");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        Parties p = scenario.parties();
        String key = UUID.randomUUID().toString();
        http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
        long after = events();

        Response other = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "URGENT"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void keysArePerUser() {
        Parties p = scenario.parties();
        String key = UUID.randomUUID().toString();
        String requestId = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Response asRequester = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
        Response asHolder = http.as(p.holderPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests/" + requestId + "/share", Scenario.share("FULL"));

        assertThat(asRequester.status()).isEqualTo(201);
        assertThat(asHolder.status()).isEqualTo(200);
    }

    @Test
    void aFailedAttemptKeepsNoKeySoTheCorrectedRetrySucceeds() {
        Parties p = scenario.parties();
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        invalid.remove("purpose");

        Response rejected = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", invalid);
        Response corrected = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(corrected.status()).isEqualTo(201);
    }

    @Test
    void keysLongerThan128CharactersAre400() {
        Parties p = scenario.parties();
        Response tooLong = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", "k".repeat(129))
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
        Response withSpace = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", "order 42")
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("Idempotency-Key");
        assertThat(withSpace.status()).as("a space is printable").isEqualTo(201);
    }
}
