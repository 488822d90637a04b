package org.sharingledger.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The public half of the ledger's signing key, the one thing a verifier must trust. Its text form is the verifier
 * key of the signed-note format (c2sp.org/signed-note; golang.org/x/mod/sumdb/note):
 * {@code <name>+<key hash, 8 hex digits>+<base64(0x01 || 32-byte Ed25519 public key)>}, for example
 * {@code PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW}. The key hash is the first four bytes of
 * {@code SHA-256(name || "\n" || 0x01 || public key)}; it only names the key, the public key is what is trusted.
 * Signatures are Ed25519 (RFC 8032). Immutable and thread-safe.
 */
public final class VerifierKey {

    /** The signed-note signature type of Ed25519. */
    static final byte ED25519 = 0x01;

    static final int PUBLIC_KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    /** DER prefix of an X.509 SubjectPublicKeyInfo holding an Ed25519 key (RFC 8410): the raw key follows it. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] publicKey;
    private final byte[] keyHash;
    private final String text;
    private final PublicKey key;

    private VerifierKey(String name, byte[] publicKey) {
        if (!Text.isValidKeyName(name)) {
            throw new IllegalArgumentException("a key name must not be empty nor contain spaces or '+': " + name);
        }
        if (publicKey.length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyHash = keyHash(name, this.publicKey);
        this.text = name + "+" + HexFormat.of().formatHex(keyHash) + "+" + Text.base64(typedKey(this.publicKey));
        this.key = toPublicKey(this.publicKey);
    }

    /** The verifier key of an Ed25519 public key under a name. */
    public static VerifierKey of(String name, byte[] publicKey) {
        return new VerifierKey(Objects.requireNonNull(name, "name"), Objects.requireNonNull(publicKey, "publicKey"));
    }

    /**
     * Reads the text form, {@code <name>+<8 hex digits>+<base64>}.
     *
     * @throws IllegalArgumentException when it is malformed, is not an Ed25519 key, or its key hash does not match
     */
    public static VerifierKey parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no verifier key given");
        }
        String trimmed = text.strip();
        int first = trimmed.indexOf('+');
        int second = first < 0 ? -1 : trimmed.indexOf('+', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("a verifier key reads <name>+<8 hex digits>+<base64 key>: " + text);
        }
        String name = trimmed.substring(0, first);
        String hashHex = trimmed.substring(first + 1, second);
        String keyBase64 = trimmed.substring(second + 1);
        if (!Text.isValidKeyName(name)) {
            throw new IllegalArgumentException("the verifier key's name is empty or contains spaces: " + text);
        }
        if (hashHex.length() != 8 || !hashHex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("the verifier key's hash is not 8 hex digits: " + text);
        }
        byte[] typed = Text.decodeBase64(keyBase64);
        if (typed == null) {
            throw new IllegalArgumentException("the verifier key's key is not base64: " + text);
        }
        if (typed.length == 0 || typed[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key (type 0x01): " + text);
        }
        if (typed.length != 1 + PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("the verifier key's Ed25519 key is not 32 bytes: " + text);
        }
        VerifierKey key = new VerifierKey(name, Arrays.copyOfRange(typed, 1, typed.length));
        if (!Arrays.equals(key.keyHash, HexFormat.of().parseHex(hashHex))) {
            throw new IllegalArgumentException("the verifier key's hash does not match its name and key (expected "
                    + HexFormat.of().formatHex(key.keyHash) + "): " + text);
        }
        return key;
    }

    /** The key name, written before every signature this key makes. */
    public String name() {
        return name;
    }

    /** The first four bytes of {@code SHA-256(name || "\n" || 0x01 || public key)}: the signed-note key ID. */
    public byte[] keyHash() {
        return keyHash.clone();
    }

    /** The 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The text form, {@code <name>+<8 hex digits>+<base64(0x01 || public key)>}, for verifiers to configure. */
    public String text() {
        return text;
    }

    /**
     * A short digest of {@link #text()} to compare by reading it aloud or over the phone: the first 16 bytes of its
     * SHA-256 in hex, in groups of four digits, e.g. {@code 3f2a 9c01 77d4 0b2e 5a61 e08c 4d13 9f70}.
     */
    public String fingerprint() {
        byte[] digest = Merkle.sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        String hex = HexFormat.of().formatHex(digest, 0, 16);
        StringBuilder grouped = new StringBuilder(39);
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                grouped.append(' ');
            }
            grouped.append(hex, i, i + 4);
        }
        return grouped.toString();
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}; false for anything malformed. */
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The key hash as the big-endian number that opens every signature. */
    public int keyId() {
        return ((keyHash[0] & 0xff) << 24)
                | ((keyHash[1] & 0xff) << 16)
                | ((keyHash[2] & 0xff) << 8)
                | (keyHash[3] & 0xff);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    static byte[] keyHash(String name, byte[] publicKey) {
        MessageDigest digest = Merkle.sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(typedKey(publicKey));
        return Arrays.copyOf(digest.digest(), 4);
    }

    private static byte[] typedKey(byte[] publicKey) {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return typed;
    }

    private static PublicKey toPublicKey(byte[] publicKey) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + publicKey.length);
        System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, publicKey.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The raw 32 bytes of a JDK Ed25519 public key, which encodes itself as an X.509 SubjectPublicKeyInfo. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] spki = key.getEncoded();
        if (spki.length != SPKI_PREFIX.length + PUBLIC_KEY_SIZE
                || !Arrays.equals(spki, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
            throw new IllegalStateException("unexpected encoding of an Ed25519 public key");
        }
        return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
    }
}
