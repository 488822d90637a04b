package org.sharingledger.verifier;

import java.util.Objects;

/**
 * A signed statement (a checkpoint in the signed-note format) that cannot be trusted, with what is wrong with it:
 * its {@link #reason()} for programs, its message for people.
 */
public final class InvalidStatement extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with a statement. */
    public enum Reason {
        /** It is not a signed note, or what was signed is not a checkpoint. */
        MALFORMED,
        /** It is well formed, but no signature line is by the expected key (its name and key hash). */
        NOT_SIGNED_BY_KEY,
        /** A signature by the expected key does not match the text: the text or the signature was changed. */
        BAD_SIGNATURE
    }

    private final Reason reason;

    public InvalidStatement(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** What is wrong, for a program to act on; the message says it for people. */
    public Reason reason() {
        return reason;
    }
}
