package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.evidence.api.Verification.Kind;
import org.sharingledger.evidence.cli.EvidenceCommands;
import org.sharingledger.support.Http;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.verifier.Checkpoint;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Verification given a checkpoint published earlier proves the ledger still extends it: over HTTP
 * ({@code GET /api/ledger/verification?checkpoint=}) and on the command line ({@code verify --checkpoint FILE}).
 */
class PublishedCheckpointIT extends IntegrationTest {

    @Autowired
    private LedgerKey key;

    @Test
    void theLedgerStillExtendsACheckpointPublishedEarlier() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        String published = http.as(Scenario.ADMIN)
                .header("Accept", "text/plain")
                .get("/api/ledger/checkpoints/latest")
                .text();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());

        Http.Response response = http.as(Scenario.ADMIN).get(verification(published));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("verified").asBoolean())
                .as(response.toString())
                .isTrue();
    }

    @Test
    void aCheckpointNotSignedByTheLedgersKeyIsAProblem() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        JsonNode latest =
                http.as(Scenario.ADMIN).get("/api/ledger/checkpoints/latest").json();
        LedgerKey impostor = LedgerKey.fromSeed(key.name(), new byte[32]);
        String forged = SignedCheckpoints.sign(
                new Checkpoint(
                        key.name(),
                        latest.path("treeSize").asLong(),
                        java.util.Base64.getDecoder()
                                .decode(latest.path("rootHash").asString()),
                        Instant.now()),
                impostor);

        JsonNode result = http.as(Scenario.ADMIN).get(verification(forged)).json();

        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(result.path("problems")).anySatisfy(problem -> {
            assertThat(problem.path("kind").asString()).isEqualTo("CHECKPOINT_MISMATCH");
            assertThat(problem.path("detail").asString()).contains("not this ledger's");
        });
    }

    @Test
    void textThatIsNotASignedCheckpointIsABadRequestNamingTheParameter() {
        Http.Response response = http.as(Scenario.ADMIN).get(verification("not a checkpoint\n"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).contains("application/problem+json");
        assertThat(response.text()).contains("checkpoint");
    }

    @Test
    void aLedgerRolledBackBehindAPublishedCheckpointDoesNotVerifyAgainstIt(@TempDir Path dir) throws IOException {
        Scenario.Parties p = scenario.parties();
        String a = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        String b = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        try (LedgerCopy ledger = LedgerCopy.of(jdbc, List.of(a, b), key, Duration.ofMinutes(1))) {
            String published = ledger.checkpointer().checkpoint().orElseThrow().statement();
            // Rolled back to before B, events, tree and checkpoints alike: consistent in itself.
            long firstOfB = ledger.position(b, 0);
            ledger.superuser().update("delete from domain_event_entry where global_index >= ?", firstOfB);
            ledger.superuser().update("delete from ledger_leaf where global_index >= ?", firstOfB);
            ledger.superuser().update("delete from ledger_checkpoint");
            assertThat(ledger.verify().verified()).isTrue();

            Verification result = ledger.verifier().verify(LedgerVerifier.Progress.NONE, published);

            assertThat(result.verified()).isFalse();
            assertThat(result.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
                assertThat(problem.detail())
                        .contains("published checkpoint of 2 events")
                        .contains("rolled back");
            });

            Path file = Files.writeString(dir.resolve("checkpoint.txt"), published);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = EvidenceCommands.run(
                    new String[] {"verify", "--key", key.verifier().text(), "--checkpoint", file.toString()},
                    Map.of(
                            "SPRING_DATASOURCE_URL",
                            ((PGSimpleDataSource) ledger.dataSource()).getUrl(),
                            "SPRING_DATASOURCE_USERNAME",
                            "postgres"),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(status).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("CHECKPOINT_MISMATCH")
                    .contains("published checkpoint of 2 events");
        }
    }

    private static String verification(String statement) {
        return "/api/ledger/verification?checkpoint=" + URLEncoder.encode(statement, StandardCharsets.UTF_8);
    }
}
