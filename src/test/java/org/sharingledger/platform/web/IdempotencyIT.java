package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyIT extends IntegrationTest {

    @Autowired
    IdempotencyKeys idempotencyKeys;

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
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json().path("replayed").asBoolean()).isTrue();
        assertThat(retry.json().path("location").asString()).isEqualTo(first.header("Location"));
        assertThat(retry.text()).as("the first body is not kept").doesNotContain(first.field("requestId") + "\",");
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

    private Map<String, Object> timelineGrant(String reviewer) {
        Map<String, Object> grant = new HashMap<>();
        grant.put("reviewer", reviewer);
        grant.put("review", "Serious case review: Child R");
        grant.put("reason", "Commissioned by the Safeguarding Children Board");
        grant.put("validUntil", Instant.now().plusSeconds(3600).toString());
        grant.put("nhsNumber", Scenario.NHS_NUMBER);
        return grant;
    }

    @Test
    void aReplayedTimelineQueryAfterTheGrantIsRevokedIsRefusedAndRecordedAsDenied() {
        Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        String grantId = http.as(trust)
                .post("/api/timeline-grants", timelineGrant(reviewer.username()))
                .field("grantId");
        Map<String, Object> query =
                Map.of("grantId", grantId, "nhsNumber", Scenario.NHS_NUMBER, "reason", "Chronology for the panel");
        String key = UUID.randomUUID().toString();

        Response first = http.as(reviewer).header("Idempotency-Key", key).post("/api/timelines/queries", query);
        long queried = events("TimelineQueried");
        http.as(trust)
                .post("/api/timeline-grants/" + grantId + "/revocation", Map.of("reason", "Review concluded"))
                .status();
        long denied = events("AccessDenied");
        Response replayed = http.as(reviewer).header("Idempotency-Key", key).post("/api/timelines/queries", query);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(403);
        assertThat(replayed.header("Idempotent-Replayed")).isNull();
        assertThat(events("AccessDenied")).isEqualTo(denied + 1);
        assertThat(events("TimelineQueried")).isEqualTo(queried);
    }

    @Test
    void aRetriedTimelineQueryIsCheckedAndRecordedAgainAndNothingOfItIsKept() {
        Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        String grantId = http.as(trust)
                .post("/api/timeline-grants", timelineGrant(reviewer.username()))
                .field("grantId");
        Map<String, Object> query =
                Map.of("grantId", grantId, "nhsNumber", Scenario.NHS_NUMBER, "reason", "Chronology for the panel");
        String key = UUID.randomUUID().toString();
        long queried = events("TimelineQueried");

        Response first = http.as(reviewer).header("Idempotency-Key", key).post("/api/timelines/queries", query);
        Response again = http.as(reviewer).header("Idempotency-Key", key).post("/api/timelines/queries", query);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(events("TimelineQueried")).isEqualTo(queried + 2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from idempotency_key where idempotency_key = ?", Long.class, key))
                .as("no timeline is kept")
                .isZero();
    }

    @Test
    void theKeysTableNeverHoldsATokensSecret() {
        Credentials someone = scenario.user(null, "CASE_REVIEWER");
        String key = UUID.randomUUID().toString();

        Response issued = http.as(someone).header("Idempotency-Key", key).post("/api/tokens", Map.of("name", "laptop"));
        Response replayed =
                http.as(someone).header("Idempotency-Key", key).post("/api/tokens", Map.of("name", "laptop"));

        String secret = issued.field("token");
        assertThat(issued.status()).isEqualTo(201);
        assertThat(secret).isNotBlank();
        assertThat(jdbc.queryForObject(
                        "select row_to_json(k)::text from idempotency_key k where idempotency_key = ?",
                        String.class,
                        key))
                .doesNotContain(secret);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.header("Location")).isEqualTo(issued.header("Location"));
        assertThat(replayed.text()).doesNotContain(secret);
    }

    @Test
    void aKeyOlderThan24HoursDoesNotReplay() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        String key = UUID.randomUUID().toString();
        Response first = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", body);
        jdbc.update(
                "update idempotency_key set created_at = created_at - interval '25 hours' where idempotency_key = ?",
                key);
        long before = events();

        Response later = http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isNull();
        assertThat(later.header("Location")).isNotEqualTo(first.header("Location"));
        assertThat(events()).isGreaterThan(before);
    }

    @Test
    void expiredKeysArePurged() {
        Parties p = scenario.parties();
        String key = UUID.randomUUID().toString();
        http.as(p.requesterPractitioner())
                .header("Idempotency-Key", key)
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
        jdbc.update(
                "update idempotency_key set created_at = created_at - interval '25 hours' where idempotency_key = ?",
                key);

        assertThat(idempotencyKeys.purgeExpired()).isPositive();
        assertThat(jdbc.queryForObject(
                        "select count(*) from idempotency_key where idempotency_key = ?", Long.class, key))
                .isZero();
    }

    @Test
    void aReplayPassesAuthenticationAgainSoARevokedTokenGetsNothing() {
        Parties p = scenario.parties();
        Response issued = http.as(p.requesterPractitioner()).post("/api/tokens", Map.of("name", "script"));
        String token = issued.field("token");
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        String key = UUID.randomUUID().toString();
        Response first = http.withToken(token).header("Idempotency-Key", key).post("/api/requests", body);
        http.as(p.requesterPractitioner())
                .post("/api/tokens/" + issued.field("tokenId") + "/revocation", Map.of())
                .status();

        Response replayed = http.withToken(token).header("Idempotency-Key", key).post("/api/requests", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.header("Location")).isNull();
    }
}
