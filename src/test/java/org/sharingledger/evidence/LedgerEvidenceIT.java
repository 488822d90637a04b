package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.verifier.Checkpoint;
import org.sharingledger.verifier.Merkle;
import org.sharingledger.verifier.VerifierKey;
import tools.jackson.databind.JsonNode;

/** Verification, checkpoints, consistency proofs and the key, over HTTP on the ledger as the application wrote it. */
class LedgerEvidenceIT extends IntegrationTest {

    @Test
    void theLedgerAsTheApplicationWroteItVerifies() {
        Scenario.Parties p = scenario.parties();
        String refused = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post("/api/requests/" + refused + "/refusal", Scenario.refusal());
        String shared = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post("/api/requests/" + shared + "/share", Scenario.share("FULL"));
        JsonNode checkpoint =
                http.as(Scenario.ADMIN).get("/api/ledger/checkpoints/latest").json();

        Http.Response response = http.as(Scenario.ADMIN).get("/api/ledger/verification");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.path("verified").asBoolean()).as(response.toString()).isTrue();
        assertThat(result.path("problems")).isEmpty();
        assertThat(result.path("events").asLong())
                .isGreaterThanOrEqualTo(checkpoint.path("treeSize").asLong());
        assertThat(result.path("checkpoint").path("treeSize").asLong())
                .isGreaterThanOrEqualTo(checkpoint.path("treeSize").asLong());
        assertThat(result.path("eventsPerSecond").asLong()).isPositive();
        String metrics = http.as(Scenario.ADMIN).get("/actuator/prometheus").text();
        assertThat(metrics)
                .contains("ledger_evidence_checkpointed_events")
                .contains("ledger_evidence_checkpoint_failures_total");
    }

    @Test
    void everyStoredHashIsTheOneTheVerifierComputes() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        EventHashes hashes = new EventHashes();
        List<String> mismatches = new ArrayList<>();
        jdbc.query("""
                select e.event_identifier, e.aggregate_identifier, e.sequence_number, e.type, e.time_stamp,
                       e.payload_type, e.payload_revision, e.payload, e.meta_data, e.event_hash,
                       coalesce(p.event_hash, '\\x0000000000000000000000000000000000000000000000000000000000000000')
                from domain_event_entry e
                left join domain_event_entry p
                  on p.aggregate_identifier = e.aggregate_identifier and p.sequence_number = e.sequence_number - 1
                """, row -> {
            byte[] computed = hashes.hash(
                    row.getBytes(11),
                    row.getString(1),
                    row.getString(2),
                    row.getLong(3),
                    row.getString(4),
                    row.getString(5),
                    row.getString(6),
                    row.getString(7),
                    row.getBytes(8),
                    row.getBytes(9));
            if (!Arrays.equals(computed, row.getBytes(10))) {
                mismatches.add(row.getString(6) + " " + row.getString(1));
            }
        });
        assertThat(mismatches).isEmpty();
        assertThat(events()).isPositive();
    }

    @Test
    void verificationIsForTheTrustAndAdministrators() {
        Scenario.Parties p = scenario.parties();
        Http.Credentials reviewer = scenario.user(null, "TRUST_REVIEWER");
        long denied = events("AccessDenied");

        assertThat(http.anonymous().get("/api/ledger/verification").status()).isEqualTo(401);
        assertThat(http.as(p.requesterPractitioner())
                        .get("/api/ledger/verification")
                        .status())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 1);
        assertThat(http.as(reviewer)
                        .get("/api/ledger/verification")
                        .json()
                        .path("verified")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theLatestCheckpointIsAStatementSignedByThePublishedKey() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        VerifierKey key = VerifierKey.parse(http.as(p.requesterPractitioner())
                .get("/api/ledger/key")
                .json()
                .path("verifierKey")
                .asString());

        // A checkpoint may be signed between the two calls (other tests' events, the background checkpointer): ask
        // again until both answers are of the same checkpoint.
        Http.Response[] answers = new Http.Response[2];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            answers[0] = http.as(p.requesterPractitioner()).get("/api/ledger/checkpoints/latest");
            answers[1] = http.as(p.requesterPractitioner())
                    .header("Accept", "text/plain")
                    .get("/api/ledger/checkpoints/latest");
            Http.Response after = http.as(p.requesterPractitioner()).get("/api/ledger/checkpoints/latest");
            return answers[0].status() == 200
                    && after.json().path("treeSize").asLong()
                            == answers[0].json().path("treeSize").asLong();
        });
        Http.Response json = answers[0];
        Http.Response text = answers[1];

        assertThat(json.status()).isEqualTo(200);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.header("Content-Type")).startsWith("text/plain");
        Checkpoint checkpoint = SignedCheckpoints.open(text.text(), key);
        assertThat(checkpoint.treeSize()).isEqualTo(json.json().path("treeSize").asLong());
        assertThat(Base64.getEncoder().encodeToString(checkpoint.rootHash()))
                .isEqualTo(json.json().path("rootHash").asString());
        assertThat(checkpoint.treeSize())
                .isLessThanOrEqualTo(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
        assertThat(http.anonymous().get("/api/ledger/checkpoints/latest").status())
                .isEqualTo(401);
    }

    @Test
    void aLaterCheckpointProvablyExtendsAnEarlierOne() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        JsonNode first =
                http.as(Scenario.ADMIN).get("/api/ledger/checkpoints/latest").json();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        JsonNode second =
                http.as(Scenario.ADMIN).get("/api/ledger/checkpoints/latest").json();
        long from = first.path("treeSize").asLong();
        long to = second.path("treeSize").asLong();
        assertThat(to).isGreaterThan(from);

        JsonNode proof = http.as(p.holderPractitioner())
                .get("/api/ledger/consistency?from=" + from + "&to=" + to)
                .json();

        List<byte[]> hashes = new ArrayList<>();
        proof.path("proof").forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asString())));
        byte[] firstRoot = Base64.getDecoder().decode(first.path("rootHash").asString());
        byte[] secondRoot = Base64.getDecoder().decode(second.path("rootHash").asString());
        assertThat(Merkle.verifyConsistency(from, to, firstRoot, secondRoot, hashes))
                .isTrue();
        assertThat(Merkle.verifyConsistency(from, to, secondRoot, firstRoot, hashes))
                .isFalse();
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/ledger/checkpoints/" + from)
                        .json()
                        .path("rootHash")
                        .asString())
                .isEqualTo(first.path("rootHash").asString());
    }

    @Test
    void consistencyAndCheckpointQueriesRejectImpossibleSizes() {
        Http.Response backwards = http.as(Scenario.ADMIN).get("/api/ledger/consistency?from=5&to=4");
        Http.Response beyond = http.as(Scenario.ADMIN).get("/api/ledger/consistency?from=1&to=999999999");
        Http.Response zero = http.as(Scenario.ADMIN).get("/api/ledger/consistency?from=0&to=1");
        Http.Response notANumber = http.as(Scenario.ADMIN).get("/api/ledger/consistency?from=x&to=1");

        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).contains("from");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.errorFields()).contains("to");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/ledger/checkpoints/999999999")
                        .status())
                .isEqualTo(404);
        assertThat(http.anonymous().get("/api/ledger/consistency?from=1&to=1").status())
                .isEqualTo(401);
        assertThat(http.anonymous().get("/api/ledger/key").status()).isEqualTo(401);
    }
}
