package org.sharingledger.verifier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an exported timeline (JSON) with no database and no network: the seal is the ledger's signature over the
 * whole export, each entry's event is in the export's signed checkpoint (inclusion proofs), that checkpoint is the
 * published one, or consistent with it (a consistency proof), and, when the export says how many of the child's
 * events the ledger held at its checkpoint ({@code eventsAtCheckpoint}), that it shows no fewer steps. Anyone holding
 * the export, the published checkpoint statement and the ledger's verifier key can run it.
 */
public final class ExportVerifier {

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
        } catch (RuntimeException e) {
            verifier.fail(e.getMessage());
        }
        return new Result(!verifier.failed, List.copyOf(verifier.findings));
    }

    private void run(String export, String published, String keyText, String consistency) {
        Object parsed;
        try {
            parsed = Json.parse(export);
        } catch (IllegalArgumentException e) {
            fail("the export is not readable JSON: " + e.getMessage());
            return;
        }
        if (!(parsed instanceof Map<?, ?> root) || !root.containsKey("seal") || !root.containsKey("checkpoint")) {
            fail("this is not a sealed timeline export (it has no seal or no checkpoint)");
            return;
        }
        Map<?, ?> seal = object(root, "seal");
        VerifierKey key;
        if (keyText == null || keyText.isBlank()) {
            key = VerifierKey.parse(text(seal, "verifierKey"));
            findings.add("WARNING: no key given, so the key named in the export was used. Compare its fingerprint "
                    + key.fingerprint() + " with the one the Trust published.");
        } else {
            key = VerifierKey.parse(keyText.strip());
        }

        Map<Object, Object> document = new LinkedHashMap<>(root);
        document.remove("seal");
        String digest = ExportSeal.digest(CanonicalJson.bytes(document));
        if (!digest.equals(text(seal, "digest"))) {
            fail("the export's content is not what the ledger sealed: it was changed after export (its digest is "
                    + digest + ", the seal says " + text(seal, "digest") + ")");
            return;
        }
        if (!key.verify(ExportSeal.message(digest), BASE64.decode(text(seal, "signature")))) {
            fail("the seal is not a signature of this ledger's key " + key.name() + " (fingerprint " + key.fingerprint()
                    + ")");
            return;
        }
        findings.add("Seal: the export is exactly as the ledger " + key.name() + " produced it.");

        Checkpoint exported = Checkpoint.open(text(object(root, "checkpoint"), "statement"), key);
        findings.add("Checkpoint in the export: " + exported.treeSize() + " events, signed " + exported.signedAt()
                + ", signature valid.");
        Checkpoint publishedCheckpoint = Checkpoint.open(published, key);
        compare(publishedCheckpoint, exported, consistency);
        if (failed) {
            return;
        }

        int proved = 0;
        int steps = 0;
        for (String list : List.of("entries", "recordedLater")) {
            for (Object item : list(root, list)) {
                steps++;
                Map<?, ?> entry = item instanceof Map<?, ?> map ? map : Map.of();
                String where = "entry at position " + entry.get("position") + " (" + entry.get("step") + " of request "
                        + entry.get("requestId") + ")";
                Object proofValue = entry.get("proof");
                if (!(proofValue instanceof Map<?, ?> proof)) {
                    fail(where + " carries no inclusion proof");
                    continue;
                }
                List<byte[]> path = new ArrayList<>();
                for (Object hash : list(proof, "auditPath")) {
                    path.add(BASE64.decode(String.valueOf(hash)));
                }
                if (number(proof, "treeSize") != exported.treeSize()
                        || !Merkle.verifyInclusion(
                                BASE64.decode(text(proof, "eventHash")),
                                number(proof, "leafIndex"),
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
        if (root.containsKey("eventsAtCheckpoint")) {
            long expected = number(root, "eventsAtCheckpoint");
            findings.add("Events about this child in the ledger at the export's checkpoint: " + expected
                    + "; steps in the export: " + steps + ".");
            if (steps < expected) {
                fail("the export shows " + steps + " steps but the ledger held " + expected
                        + " events about this child at its checkpoint: " + (expected - steps) + " missing");
            }
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
        Object parsed = Json.parse(consistency);
        if (!(parsed instanceof Map<?, ?> proofJson)) {
            fail("the consistency proof is not a JSON object");
            return;
        }
        if (number(proofJson, "from") != earlier.treeSize() || number(proofJson, "to") != later.treeSize()) {
            fail("the consistency proof is for sizes " + proofJson.get("from") + " to " + proofJson.get("to") + ", not "
                    + earlier.treeSize() + " to " + later.treeSize());
            return;
        }
        List<byte[]> proof = new ArrayList<>();
        for (Object hash : list(proofJson, "proof")) {
            proof.add(BASE64.decode(String.valueOf(hash)));
        }
        if (!Merkle.verifyConsistency(
                earlier.treeSize(), later.treeSize(), earlier.rootHash(), later.rootHash(), proof)) {
            fail("the consistency proof does not show that the tree of " + later.treeSize()
                    + " events extends the published tree of " + earlier.treeSize());
        } else {
            findings.add("Consistency: the tree of " + later.treeSize() + " events extends the tree of "
                    + earlier.treeSize() + " (nothing in the earlier was changed or removed).");
        }
    }

    private static Map<?, ?> object(Map<?, ?> node, String field) {
        if (!(node.get(field) instanceof Map<?, ?> value)) {
            throw new IllegalArgumentException("the export has no " + field);
        }
        return value;
    }

    private static List<?> list(Map<?, ?> node, String field) {
        Object value = node.get(field);
        return value instanceof List<?> items ? items : List.of();
    }

    private static String text(Map<?, ?> node, String field) {
        if (!(node.get(field) instanceof String value)) {
            throw new IllegalArgumentException("the export has no " + field);
        }
        return value;
    }

    private static long number(Map<?, ?> node, String field) {
        if (!(node.get(field) instanceof Json.JsonNumber value)) {
            throw new IllegalArgumentException("the export has no number " + field);
        }
        return value.asLong();
    }

    private void fail(String finding) {
        failed = true;
        findings.add("FAILED: " + finding);
    }
}
