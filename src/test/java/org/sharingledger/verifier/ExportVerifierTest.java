package org.sharingledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sharingledger.evidence.LedgerKey;
import org.sharingledger.evidence.MerkleTree;
import org.sharingledger.evidence.SignedCheckpoints;

/**
 * The count of the child's events at the export's checkpoint ({@code eventsAtCheckpoint}), when an export carries
 * it, is printed and checked: an export that shows fewer steps does not verify, whatever its seal.
 */
class ExportVerifierTest {

    private static final LedgerKey KEY = LedgerKey.fromSeed("sharing-ledger", new byte[32]);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    @Test
    void anExportShowingAsManyStepsAsTheLedgerCountedVerifiesAndSaysSo() {
        Export export = export(1);

        ExportVerifier.Result result = ExportVerifier.check(
                export.json(), export.statement(), KEY.verifier().text(), null);

        assertThat(result.verified()).as(result.findings().toString()).isTrue();
        assertThat(result.findings())
                .anyMatch(line -> line.contains("at the export's checkpoint: 1; steps in the export: 1"));
    }

    @Test
    void anExportShowingFewerStepsThanTheLedgerCountedDoesNotVerify() {
        Export export = export(2);

        ExportVerifier.Result result = ExportVerifier.check(
                export.json(), export.statement(), KEY.verifier().text(), null);

        assertThat(result.verified()).isFalse();
        assertThat(result.findings()).anyMatch(line -> line.startsWith("FAILED") && line.contains("1 missing"));
    }

    private record Export(String json, String statement) {}

    /** A sealed export of one step, leaf 0 of a tree of two, saying the ledger held this many of the child's events. */
    private static Export export(int eventsAtCheckpoint) {
        byte[] first = Merkle.sha256().digest("first".getBytes(StandardCharsets.UTF_8));
        byte[] second = Merkle.sha256().digest("second".getBytes(StandardCharsets.UTF_8));
        MerkleTree tree = new MerkleTree();
        tree.append(first);
        tree.append(second);
        String statement = SignedCheckpoints.sign(
                new Checkpoint(KEY.name(), 2, tree.root(2), Instant.parse("2026-12-01T00:00:00Z")), KEY);
        String auditPath = tree.inclusionProof(0, 2).stream()
                .map(hash -> "\"" + BASE64.encodeToString(hash) + "\"")
                .collect(Collectors.joining(","));
        String content = "\"checkpoint\":{\"treeSize\":2,\"statement\":\"" + statement.replace("\n", "\\n") + "\"},"
                + "\"entries\":[{\"position\":7,\"step\":\"REQUESTED\",\"requestId\":\"r-1\",\"proof\":{"
                + "\"eventHash\":\"" + BASE64.encodeToString(first) + "\",\"leafIndex\":0,\"treeSize\":2,"
                + "\"auditPath\":[" + auditPath + "]}}],\"recordedLater\":[],"
                + "\"eventsAtCheckpoint\":" + eventsAtCheckpoint;
        String digest = ExportSeal.digest(CanonicalJson.bytes("{" + content + "}"));
        String seal = "\"seal\":{\"algorithm\":\"Ed25519\",\"digest\":\"" + digest + "\",\"signature\":\""
                + BASE64.encodeToString(KEY.sign(ExportSeal.message(digest))) + "\",\"verifierKey\":\""
                + KEY.verifier().text() + "\"}";
        return new Export("{" + content + "," + seal + "}", statement);
    }
}
