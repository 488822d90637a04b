package org.sharingledger.subject;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sharingledger.kernel.BlindDigests;

/**
 * The ledger's subject key ({@code LEDGER_SUBJECT_KEY}), never in the database. It keys the pseudonyms, and from it
 * derives the key that wraps each child's own key: HMAC-SHA-256(subject key, {@value #WRAPPING_LABEL}). The label
 * starts with neither {@code nhs:} nor {@code local:}, so the wrapping key is never any child's pseudonym; nor does
 * {@value #BLINDING_LABEL}, the label of the key for blind digests.
 */
final class SubjectKey {

    static final String WRAPPING_LABEL = "subject-details-key-wrap/v1";
    static final String BLINDING_LABEL = "blind-digest/v1";

    private final byte[] material;

    SubjectKey(byte[] material) {
        this.material = material.clone();
    }

    byte[] material() {
        return material.clone();
    }

    /** The 256-bit key-encryption key for the keys in {@code subject_key}. */
    byte[] wrappingKey() {
        return derived(WRAPPING_LABEL);
    }

    /** The key of {@link BlindDigests}: HMAC-SHA-256(subject key, {@value #BLINDING_LABEL}). */
    byte[] blindingKey() {
        return derived(BLINDING_LABEL);
    }

    private byte[] derived(String label) {
        return hmacSha256(material, label.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA-256 of {@code data} under {@code key}: the one primitive behind pseudonyms and derived keys. */
    static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "SubjectKey[redacted]";
    }
}
