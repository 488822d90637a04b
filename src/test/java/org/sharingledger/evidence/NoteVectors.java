package org.sharingledger.evidence;

import java.util.Arrays;
import java.util.Base64;

/**
 * Known answers of the signed-note format from golang.org/x/mod/sumdb/note, note_test.go (TestSign, TestOpen),
 * https://cs.opensource.google/go/x/mod/+/master:sumdb/note/note_test.go: a signer key, the verifier keys and
 * signatures of the same text by two keys.
 */
final class NoteVectors {

    /** Go's signer key {@code PRIVATE+KEY+<name>+<key hash>+base64(0x01 || seed)}. */
    static final String PETER_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIGNATURE = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIGNATURE = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private NoteVectors() {
    }

    /** The 32-byte Ed25519 seed inside {@link #PETER_SIGNER_KEY}. */
    static byte[] peterSeed() {
        // PRIVATE+KEY+<name>+<hash>+<base64>: the base64 itself may hold a '+', so skip the first four only
        String base64 = PETER_SIGNER_KEY.split("\\+", 5)[4];
        byte[] typed = Base64.getDecoder().decode(base64);
        if (typed.length != 33 || typed[0] != 1) {
            throw new IllegalStateException("not an Ed25519 signer key");
        }
        return Arrays.copyOfRange(typed, 1, 33);
    }

    static LedgerKey peter() {
        return LedgerKey.fromSeed("PeterNeumann", peterSeed());
    }
}
