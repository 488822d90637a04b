package org.sharingledger.evidence.api;

import java.util.Optional;
import org.sharingledger.evidence.api.Proofs.SignedCheckpoint;

/** What the Trust's pages ask of the evidence: verify the whole ledger now, and the checkpoint to publish. */
public interface LedgerChecks {

    /** Recomputes every hash, chain, checkpoint root and signature (about a second per 100,000 events). */
    Verification verify();

    /** The latest checkpoint, signed now if events were stored since the last one; empty while the ledger is empty. */
    Optional<SignedCheckpoint> latestCheckpoint();
}
