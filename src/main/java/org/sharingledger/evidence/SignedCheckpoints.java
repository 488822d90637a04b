package org.sharingledger.evidence;

import java.util.Objects;
import org.sharingledger.evidence.InvalidStatement.Reason;

/**
 * Signs and opens checkpoints: a {@link Checkpoint} body signed as a note (c2sp.org/signed-note), the body, a blank
 * line and one signature line {@code "— <key name> <base64(key hash (4 bytes) || Ed25519 signature (64 bytes))>"}
 * (em dash U+2014), as c2sp.org/tlog-checkpoint describes and golang.org/x/mod/sumdb/note reads. The statement is
 * plain text that anyone holding the {@link VerifierKey} can check, offline, with this class or with those tools.
 */
public final class SignedCheckpoints {

    private SignedCheckpoints() {}

    /** The whole signed statement: the checkpoint's body, a blank line and the key's signature line. */
    public static String sign(Checkpoint checkpoint, LedgerKey key) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(key, "key");
        return SignedNote.sign(checkpoint.body(), key);
    }

    /**
     * The checkpoint a statement carries, once its signature by {@code key} is verified: the note is parsed, the
     * signature line whose name and key hash are the key's is found and its Ed25519 signature over the body's UTF-8
     * bytes checked; only then is the body read. Signature lines of other keys (witnesses, say) are ignored. The
     * caller still decides whether the checkpoint's origin is the log it expects.
     *
     * @throws InvalidStatement with the {@link InvalidStatement.Reason reason}: malformed, not signed by this key,
     *                          or a bad signature
     */
    public static Checkpoint open(String statement, VerifierKey key) {
        Objects.requireNonNull(key, "key");
        String body = SignedNote.open(statement, key);
        try {
            return Checkpoint.parseBody(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidStatement(Reason.MALFORMED, "the signed text is not a checkpoint: " + e.getMessage());
        }
    }
}
