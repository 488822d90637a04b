package org.sharingledger.evidence;

import java.util.Objects;
import org.sharingledger.verifier.Checkpoint;
import org.sharingledger.verifier.InvalidStatement;
import org.sharingledger.verifier.SignedNote;
import org.sharingledger.verifier.VerifierKey;

/**
 * Signs and opens checkpoints: a {@link Checkpoint} body signed as a note (c2sp.org/signed-note), the body, a blank
 * line and one signature line {@code "— <key name> <base64(key hash (4 bytes) || Ed25519 signature (64 bytes))>"}
 * (em dash U+2014), as c2sp.org/tlog-checkpoint describes and golang.org/x/mod/sumdb/note reads. The statement is
 * plain text that anyone holding the {@link VerifierKey} can check, offline, with {@link Checkpoint#open} (the
 * independent verifier's code, which this class uses too) or with those tools.
 */
public final class SignedCheckpoints {

    private SignedCheckpoints() {}

    /** The whole signed statement: the checkpoint's body, a blank line and the key's signature line. */
    public static String sign(Checkpoint checkpoint, LedgerKey key) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(key, "key");
        return SignedNote.sign(checkpoint.body(), key.verifier(), key::sign);
    }

    /**
     * The checkpoint a statement carries, once its signature by {@code key} is verified: see {@link Checkpoint#open}.
     *
     * @throws InvalidStatement with the {@link InvalidStatement.Reason reason}: malformed, not signed by this key,
     *                          or a bad signature
     */
    public static Checkpoint open(String statement, VerifierKey key) {
        return Checkpoint.open(statement, key);
    }
}
