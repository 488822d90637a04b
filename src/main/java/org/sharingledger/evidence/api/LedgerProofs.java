package org.sharingledger.evidence.api;

import java.util.Collection;

/** Proofs for exports: that each event shown is in the signed ledger, and that the export is the ledger's own. */
public interface LedgerProofs {

    /**
     * Signs a checkpoint covering every event committed so far, then proves each position's event is in it. The
     * answer has no proof for a position whose event is not in the tree (yet).
     */
    Proofs prove(Collection<Long> positions);

    /** The ledger's Ed25519 seal on an export's canonical bytes ({@link CanonicalJson}). */
    Seal seal(byte[] canonicalContent);
}
