package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * The independent verifier a review panel runs is a jar of its own, built by {@code ./mvnw verify} before the
 * integration tests: {@code java -jar target/sharing-ledger-verifier.jar}, in a process of its own, on a real export
 * and the real published checkpoint. Under 2 MB, and nothing in it but the verifier's own package.
 */
class VerifierJarIT extends IntegrationTest {

    private static final Path JAR = Path.of("target", "sharing-ledger-verifier.jar");

    @Test
    void theVerifierJarIsSmallAndHoldsOnlyTheVerifier() throws IOException {
        assertThat(JAR).exists();
        assertThat(Files.size(JAR)).isLessThan(2L * 1024 * 1024);
        try (ZipFile jar = new ZipFile(JAR.toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()).filter(name -> name.endsWith(".class")))
                    .isNotEmpty()
                    .allMatch(name -> name.startsWith("org/sharingledger/verifier/"));
        }
    }

    @Test
    void theVerifierJarSaysVerifiedForAnExportAndNotVerifiedForATamperedOne(@TempDir Path dir) throws Exception {
        String child = Scenario.uniqueNhsNumber();
        Scenario.Parties parties = scenario.parties();
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Map<String, Object> request = Scenario.requestBody(parties.requester(), parties.holder(), "ROUTINE");
        request.put("subject", Map.of("nhsNumber", child));
        String id = scenario.request(parties.requesterPractitioner(), request);
        assertThat(http.as(parties.holderPractitioner())
                        .post("/api/requests/" + id + "/refusal", Scenario.refusal())
                        .status())
                .isEqualTo(200);
        Map<String, Object> grant = new HashMap<>();
        grant.put("nhsNumber", child);
        grant.put("reviewer", reviewer.username());
        grant.put("review", "Serious case review: Child V");
        grant.put("reason", "Commissioned by the Safeguarding Children Board");
        grant.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        String grantId = http.as(trust).post("/api/timeline-grants", grant).field("grantId");
        awaitReadModels();
        Map<String, Object> query = new HashMap<>();
        query.put("grantId", grantId);
        query.put("nhsNumber", child);
        query.put("reason", "Preparing the panel's chronology");
        Response exported = http.as(reviewer).post("/api/timelines/queries", query);
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        String export = exported.text();
        long treeSize =
                Http.JSON.readTree(export).path("checkpoint").path("treeSize").asLong();
        String statement = http.as(reviewer)
                .header("Accept", "text/plain")
                .get("/api/ledger/checkpoints/" + treeSize)
                .text();
        String key = http.as(reviewer)
                .get("/api/ledger/key")
                .json()
                .path("verifierKey")
                .asString();
        Path exportFile = Files.writeString(dir.resolve("timeline.json"), export);
        Path checkpointFile = Files.writeString(dir.resolve("checkpoint.txt"), statement);
        Path tampered = Files.writeString(dir.resolve("tampered.json"), export.replace("REFUSED", "SHARED"));
        assertThat(tampered).content().isNotEqualTo(export);

        Run good = run(exportFile.toString(), checkpointFile.toString(), "--key", key);
        Run bad = run(tampered.toString(), checkpointFile.toString(), "--key", key);
        Run usage = run(exportFile.toString());

        assertThat(good.status()).as(good.output()).isZero();
        assertThat(good.output())
                .contains("verified: this export is authentic")
                .contains(
                        "Events about this child in the ledger at the export's checkpoint: 2; steps in the export: 2.");
        assertThat(bad.status()).as(bad.output()).isEqualTo(1);
        assertThat(bad.output()).contains("NOT VERIFIED").contains("changed after export");
        assertThat(usage.status()).isEqualTo(2);
    }

    private record Run(int status, String output) {}

    private static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
