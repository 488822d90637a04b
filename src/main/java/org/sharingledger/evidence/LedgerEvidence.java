package org.sharingledger.evidence;

import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.sharingledger.evidence.Checkpointer.StoredCheckpoint;
import org.sharingledger.evidence.api.LedgerChecks;
import org.sharingledger.evidence.api.LedgerProofs;
import org.sharingledger.evidence.api.Proofs;
import org.sharingledger.evidence.api.Proofs.InclusionProof;
import org.sharingledger.evidence.api.Proofs.SignedCheckpoint;
import org.sharingledger.evidence.api.Seal;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.verifier.Checkpoint;
import org.sharingledger.verifier.ExportSeal;
import org.sharingledger.verifier.InvalidStatement;
import org.sharingledger.verifier.VerifierKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Proofs and seals for exports, and the checkpoints and consistency proofs the ledger publishes. */
@Service
class LedgerEvidence implements LedgerProofs, LedgerChecks {

    private static final Logger log = LoggerFactory.getLogger(LedgerEvidence.class);
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final Checkpointer checkpointer;
    private final LedgerKey key;
    private final JdbcTemplate jdbc;
    private final LedgerVerifier verifier;
    private final ReadModelReconciliation readModels;

    LedgerEvidence(
            Checkpointer checkpointer,
            LedgerKey key,
            JdbcTemplate jdbc,
            DataSource dataSource,
            Clock clock,
            EvidenceProperties properties,
            ReadModelReconciliation readModels) {
        this.checkpointer = checkpointer;
        this.readModels = readModels;
        this.key = key;
        this.jdbc = jdbc;
        this.verifier = new LedgerVerifier(dataSource, key.verifier(), clock, properties.gapTimeout());
    }

    @Override
    public Verification verify() {
        return verify(null);
    }

    /**
     * Verifies the ledger and, when a published checkpoint statement is given, that the ledger still extends it.
     *
     * @throws InvalidInput when the statement is not a signed checkpoint at all
     */
    public Verification verify(String publishedCheckpoint) {
        Verification result;
        try {
            result = readModels.including(verifier.verify(LedgerVerifier.Progress.NONE, publishedCheckpoint));
        } catch (InvalidStatement e) {
            throw new InvalidInput("checkpoint", e.getMessage());
        }
        if (result.verified()) {
            log.info(
                    "Ledger verified: {} events at {} events/s, checkpoint of {} events",
                    result.events(),
                    result.eventsPerSecond(),
                    result.checkpoint() == null ? 0 : result.checkpoint().treeSize());
        } else {
            log.warn(
                    "Ledger verification FAILED: {} problems, the first: {} at {}",
                    result.problems().size() + result.problemsNotListed(),
                    result.problems().get(0).kind(),
                    result.problems().get(0).table() != null
                            ? result.problems().get(0).table() + " "
                                    + result.problems().get(0).key()
                            : "position " + result.problems().get(0).position());
        }
        return result;
    }

    @Override
    public Proofs prove(Collection<Long> positions) {
        Optional<StoredCheckpoint> latest = checkpointer.checkpoint();
        if (latest.isEmpty()) {
            return new Proofs(null, Map.of());
        }
        Checkpoint checkpoint = latest.get().checkpoint();
        MerkleTree tree = checkpointer.tree();
        Map<Long, InclusionProof> proofs = new HashMap<>();
        if (!positions.isEmpty()) {
            jdbc.query(
                    "select global_index, leaf_index, event_hash from ledger_leaf "
                            + "where global_index = any(?) and leaf_index < ?",
                    row -> {
                        long leaf = row.getLong(2);
                        proofs.put(
                                row.getLong(1),
                                new InclusionProof(
                                        BASE64.encodeToString(row.getBytes(3)),
                                        leaf,
                                        checkpoint.treeSize(),
                                        tree.inclusionProof(leaf, checkpoint.treeSize()).stream()
                                                .map(BASE64::encodeToString)
                                                .toList()));
                    },
                    positions.toArray(Long[]::new),
                    checkpoint.treeSize());
        }
        return new Proofs(published(latest.get()), proofs);
    }

    @Override
    public Seal seal(byte[] canonicalContent) {
        String digest = ExportSeal.digest(canonicalContent);
        return new Seal(
                "Ed25519",
                digest,
                BASE64.encodeToString(key.sign(Seal.message(digest))),
                key.verifier().text(),
                key.verifier().fingerprint());
    }

    @Override
    public Optional<SignedCheckpoint> latestCheckpoint() {
        return checkpointer.checkpoint().map(this::published);
    }

    /** The checkpoint of exactly this tree size, if one was signed. */
    Optional<SignedCheckpoint> checkpoint(long treeSize) {
        return jdbc
                .query(
                        "select statement from ledger_checkpoint where tree_size = ?",
                        (row, i) -> row.getString(1),
                        treeSize)
                .stream()
                .findFirst()
                .map(statement ->
                        published(new StoredCheckpoint(SignedCheckpoints.open(statement, key.verifier()), statement)));
    }

    /** RFC 9162 consistency proof between two tree sizes the tree has reached. */
    List<String> consistency(long from, long to) {
        MerkleTree tree = checkpointer.tree();
        if (from < 1 || from > to) {
            throw new InvalidInput("from", "must be at least 1 and at most `to`");
        }
        if (to > tree.size()) {
            throw new InvalidInput("to", "must be at most the tree's size, " + tree.size());
        }
        return tree.consistencyProof(from, to).stream()
                .map(BASE64::encodeToString)
                .toList();
    }

    VerifierKey verifier() {
        return key.verifier();
    }

    private SignedCheckpoint published(StoredCheckpoint stored) {
        Checkpoint checkpoint = stored.checkpoint();
        return new SignedCheckpoint(
                checkpoint.treeSize(),
                BASE64.encodeToString(checkpoint.rootHash()),
                checkpoint.signedAt(),
                stored.statement(),
                key.verifier().text(),
                key.verifier().fingerprint());
    }
}
