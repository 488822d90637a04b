package org.sharingledger.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.sharingledger.evidence.api.CanonicalJson;
import org.sharingledger.evidence.api.Seal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an exported timeline (JSON) with no database and no network: the seal is the ledger's signature over the
 * whole export, each entry's event is in the export's signed checkpoint (inclusion proofs), and that checkpoint is
 * the published one, or consistent with it (a consistency proof). Anyone holding the export, the published
 * checkpoint statement and the ledger's verifier key can run it.
 */
public final class ExportVerifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    /** The verdict and, line by line, what was checked or what failed. */
    public record Result(boolean verified, List<String> findings) {}

    private final List<String> findings = new ArrayList<>();
    private boolean failed;

    private ExportVerifier() {}

    /**
     * Checks an exported timeline against the published checkpoint: every step's proof, the checkpoint's signature,
     * and, when the two checkpoints differ in size, that one extends the other.
     *
     * @param export      the exported timeline, as downloaded
     * @param published   the published checkpoint statement (a signed note)
     * @param key         the ledger's verifier key as published; null takes the key named in the export, with a
     *                    warning to compare its fingerprint
     * @param consistency a consistency proof (JSON from GET /api/ledger/consistency) when the published checkpoint
     *                    and the export's differ in size; may be null
     */
    public static Result check(String export, String published, String key, String consistency) {
        ExportVerifier verifier = new ExportVerifier();
        try {
            verifier.run(export, published, key, consistency);
        } catch (JacksonException e) {
            verifier.fail("the export is not readable JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            verifier.fail(e.getMessage());
        }
        return new Result(!verifier.failed, List.copyOf(verifier.findings));
    }

    private void run(String export, String published, String keyText, String consistency) {
        JsonNode root = JSON.readTree(export);
        if (!(root instanceof ObjectNode document) || !root.has("seal") || !root.has("checkpoint")) {
            fail("this is not a sealed timeline export (it has no seal or no checkpoint)");
            return;
        }
        VerifierKey key;
        if (keyText == null || keyText.isBlank()) {
            key = VerifierKey.parse(text(root.path("seal"), "verifierKey"));
            findings.add("WARNING: no key given, so the key named in the export was used. Compare its fingerprint "
                    + key.fingerprint() + " with the one the Trust published.");
        } else {
            key = VerifierKey.parse(keyText.strip());
        }

        JsonNode seal = document.remove("seal");
        String digest = Base64.getEncoder().encodeToString(LedgerEvidence.sha256(CanonicalJson.bytes(document)));
        if (!digest.equals(text(seal, "digest"))) {
            fail("the export's content is not what the ledger sealed: it was changed after export " + "(its digest is "
                    + digest + ", the seal says " + text(seal, "digest") + ")");
            return;
        }
        if (!key.verify(Seal.message(digest), BASE64.decode(text(seal, "signature")))) {
            fail("the seal is not a signature of this ledger's key " + key.name() + " (fingerprint " + key.fingerprint()
                    + ")");
            return;
        }
        findings.add("Seal: the export is exactly as the ledger " + key.name() + " produced it.");

        Checkpoint exported = SignedCheckpoints.open(text(root.path("checkpoint"), "statement"), key);
        findings.add("Checkpoint in the export: " + exported.treeSize() + " events, signed " + exported.signedAt()
                + ", signature valid.");
        Checkpoint publishedCheckpoint = SignedCheckpoints.open(published, key);
        compare(publishedCheckpoint, exported, consistency);
        if (failed) {
            return;
        }

        int proved = 0;
        for (String list : List.of("entries", "recordedLater")) {
            for (JsonNode entry : root.path(list)) {
                JsonNode proof = entry.path("proof");
                String where = "entry at position " + entry.path("position").asLong() + " ("
                        + entry.path("step").asString() + " of request "
                        + entry.path("requestId").asString() + ")";
                if (proof.isMissingNode() || proof.isNull()) {
                    fail(where + " carries no inclusion proof");
                    continue;
                }
                List<byte[]> path = new ArrayList<>();
                proof.path("auditPath").forEach(hash -> path.add(BASE64.decode(hash.asString())));
                if (proof.path("treeSize").asLong() != exported.treeSize()
                        || !Merkle.verifyInclusion(
                                BASE64.decode(text(proof, "eventHash")),
                                proof.path("leafIndex").asLong(),
                                exported.treeSize(),
                                path,
                                exported.rootHash())) {
                    fail(where + ": its inclusion proof does not lead to the checkpoint's root");
                } else {
                    proved++;
                }
            }
        }
        if (!failed) {
            findings.add("Inclusion: each of the " + proved + " events shown is in the signed ledger.");
        }
    }

    private void compare(Checkpoint published, Checkpoint exported, String consistency) {
        if (published.treeSize() == exported.treeSize()) {
            if (!Arrays.equals(published.rootHash(), exported.rootHash())) {
                fail("the published checkpoint and the export's have the same size but different roots: "
                        + "the ledger was forked");
            } else {
                findings.add("The export's checkpoint is the published one.");
            }
            return;
        }
        boolean publishedIsEarlier = published.treeSize() < exported.treeSize();
        Checkpoint earlier = publishedIsEarlier ? published : exported;
        Checkpoint later = publishedIsEarlier ? exported : published;
        if (consistency == null || consistency.isBlank()) {
            fail("the published checkpoint has " + published.treeSize() + " events and the export's "
                    + exported.treeSize() + ": to show that one extends the other, get a consistency proof "
                    + "(GET /api/ledger/consistency?from=" + earlier.treeSize() + "&to=" + later.treeSize()
                    + ") and pass it with --consistency");
            return;
        }
        JsonNode proofJson = JSON.readTree(consistency);
        if (proofJson.path("from").asLong() != earlier.treeSize()
                || proofJson.path("to").asLong() != later.treeSize()) {
            fail("the consistency proof is for sizes " + proofJson.path("from").asLong() + " to "
                    + proofJson.path("to").asLong() + ", not " + earlier.treeSize() + " to " + later.treeSize());
            return;
        }
        List<byte[]> proof = new ArrayList<>();
        proofJson.path("proof").forEach(hash -> proof.add(BASE64.decode(hash.asString())));
        if (!Merkle.verifyConsistency(
                earlier.treeSize(), later.treeSize(), earlier.rootHash(), later.rootHash(), proof)) {
            fail("the consistency proof does not show that the tree of " + later.treeSize()
                    + " events extends the published tree of " + earlier.treeSize());
        } else {
            findings.add("Consistency: the tree of " + later.treeSize() + " events extends the tree of "
                    + earlier.treeSize() + " (nothing in the earlier was changed or removed).");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isString()) {
            throw new IllegalArgumentException("the export has no " + field);
        }
        return value.asString();
    }

    private void fail(String finding) {
        failed = true;
        findings.add("FAILED: " + finding);
    }
}
