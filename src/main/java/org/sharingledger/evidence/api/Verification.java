package org.sharingledger.evidence.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of recomputing the whole ledger: every event hash, every stream's chain, every checkpoint's root and
 * signature. {@code verified} is true only when nothing is wrong.
 *
 * @param events               events in the store
 * @param eventsPerSecond      how fast this run recomputed them
 * @param checkpoint           the latest checkpoint whose signature holds (null when none has been signed yet)
 * @param checkpoints          how many signed checkpoints were checked
 * @param uncheckpointedEvents events stored since the latest checkpoint (not yet covered by a signature)
 * @param problems             what is wrong and where, in store order (at most 1,000)
 * @param problemsNotListed    further problems beyond that limit
 */
public record Verification(
        boolean verified,
        long events,
        long eventsPerSecond,
        CheckpointSummary checkpoint,
        long checkpoints,
        long uncheckpointedEvents,
        List<Problem> problems,
        long problemsNotListed,
        Instant checkedAt,
        long durationMillis,
        String verifierKey) {

    /** A signed checkpoint: the Merkle tree over the first {@code treeSize} events had this root at this time. */
    public record CheckpointSummary(long treeSize, String rootHash, Instant signedAt) {}

    /**
     * One thing wrong: its kind, where (store position, stream, sequence) and a sentence saying what. A read model that
     * does not match the events ({@link Kind#READ_MODEL_MISMATCH}) names its {@code table} and the row's {@code key}
     * (a username, an agency, a grant, an event or request id: never a child's identifier), and no position.
     */
    public record Problem(
            Kind kind,
            Long position,
            String aggregateIdentifier,
            Long sequenceNumber,
            String detail,
            @JsonInclude(JsonInclude.Include.NON_NULL) String table,
            @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

        public Problem(Kind kind, Long position, String aggregateIdentifier, Long sequenceNumber, String detail) {
            this(kind, position, aggregateIdentifier, sequenceNumber, detail, null, null);
        }

        /** A read-model row that the verified events do not give. */
        public static Problem readModel(String table, String key, String detail) {
            return new Problem(Kind.READ_MODEL_MISMATCH, null, null, null, detail, table, key);
        }
    }

    public enum Kind {
        MODIFIED,
        MISSING,
        INSERTED,
        OUT_OF_ORDER,
        CHECKPOINT_MISMATCH,
        /** The log of gaps (positions the tree passed over while empty) was changed, cut or written to afterwards. */
        GAP_LOG_MISMATCH,
        READ_MODEL_MISMATCH
    }
}
