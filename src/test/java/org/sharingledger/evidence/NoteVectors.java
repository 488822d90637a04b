package org.sharingledger.evidence;

import java.util.Arrays;
import java.util.Base64;

/**
 * Known answers of the signed-note format of golang.org/x/mod/sumdb/note, from note_test.go (TestSign, TestOpen),
 * https://cs.opensource.google/go/x/mod/+/master:sumdb/note/note_test.go: a signer key, the verifier keys and
 * signatures of the same text by two keys.
 *
 * <p>{@code EnochRoot}'s verifier key and signature are Go's published ones, unchanged: opening them proves that
 * key hashes, signature lines and notes are read as Go writes them. Go's signer key is named after a real person,
 * and test data here uses invented names only, so the {@code ASHCOMBE_*} vector is Go's signer key (the same seed)
 * under the invented name {@code AshcombeTrust}. It was derived outside this code base: a separate implementation
 * (Python's cryptography package and Go's key-hash formula, SHA-256(name || "\n" || 0x01 || public key)[:4]) first
 * reproduced Go's published signer key, verifier key and signature byte for byte, then gave these under the new
 * name. Only the name and the 4-byte key hash differ from Go's: the public key and the 64 signature bytes are Go's.
 */
final class NoteVectors {

    /** A signer key in Go's form {@code PRIVATE+KEY+<name>+<key hash>+base64(0x01 || seed)}. */
    static final String ASHCOMBE_SIGNER_KEY =
            "PRIVATE+KEY+AshcombeTrust+d66e6773+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

    static final String ASHCOMBE_KEY = "AshcombeTrust+d66e6773+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

    static final String TEXT = """
            If you think cryptography is the answer to your problem,
            then you don't know what your problem is.
            """;
    static final String ASHCOMBE_SIGNATURE =
            "\u2014 AshcombeTrust 1m5nc/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIGNATURE =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private NoteVectors() {}

    /** The 32-byte Ed25519 seed inside {@link #ASHCOMBE_SIGNER_KEY}. */
    static byte[] ashcombeSeed() {
        // PRIVATE+KEY+<name>+<hash>+<base64>: the base64 itself may hold a '+', so skip the first four only
        String base64 = ASHCOMBE_SIGNER_KEY.split("\\+", 5)[4];
        byte[] typed = Base64.getDecoder().decode(base64);
        if (typed.length != 33 || typed[0] != 1) {
            throw new IllegalStateException("not an Ed25519 signer key");
        }
        return Arrays.copyOfRange(typed, 1, 33);
    }

    static LedgerKey ashcombe() {
        return LedgerKey.fromSeed("AshcombeTrust", ashcombeSeed());
    }
}
