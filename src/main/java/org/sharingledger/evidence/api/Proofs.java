package org.sharingledger.evidence.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A signed checkpoint and, by store position, inclusion proofs to it.
 *
 * @param checkpoint the checkpoint the proofs lead to (null while the ledger is empty)
 * @param byPosition each event's proof, by its position in the store
 */
public record Proofs(SignedCheckpoint checkpoint, Map<Long, InclusionProof> byPosition) {

    /**
     * A checkpoint as published: the tree over the first {@code treeSize} events had root {@code rootHash} (base64)
     * at {@code signedAt}; {@code statement} is the signed note itself (c2sp.org/tlog-checkpoint), checkable with
     * {@code verifierKey}, whose {@code keyFingerprint} can be read aloud and compared.
     */
    public record SignedCheckpoint(
            long treeSize,
            String rootHash,
            Instant signedAt,
            String statement,
            String verifierKey,
            String keyFingerprint) {}

    /**
     * RFC 9162 inclusion proof: the event's hash (base64) is leaf {@code leafIndex} of the tree of {@code treeSize}
     * leaves, and the audit path (base64 hashes, bottom up) leads from it to the checkpoint's root.
     */
    public record InclusionProof(String eventHash, long leafIndex, long treeSize, List<String> auditPath) {}
}
