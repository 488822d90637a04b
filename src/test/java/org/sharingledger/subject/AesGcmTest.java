package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The sealing underneath personal details and wrapped keys: AES-256-GCM, a random IV, bound to its pseudonym. */
class AesGcmTest {

    private static final byte[] PLAINTEXT =
            "{\"name\":\"Ellie Marsh\",\"dateOfBirth\":\"2001-05-06\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHILD = "pseudonym-of-one-child".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_CHILD = "pseudonym-of-another".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensUnderTheSameKeyForTheSameChild() {
        byte[] key = AesGcm.newKey();
        assertThat(AesGcm.open(key, CHILD, AesGcm.seal(key, CHILD, PLAINTEXT)))
                .get()
                .isEqualTo(PLAINTEXT);
    }

    @Test
    void aSealedValueIsIvThenCiphertextThenA128BitTag() {
        byte[] sealed = AesGcm.seal(AesGcm.newKey(), CHILD, PLAINTEXT);
        assertThat(sealed).hasSize(12 + PLAINTEXT.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1))
                .doesNotContain("Ellie")
                .doesNotContain("2001");
    }

    @Test
    void everySealingDrawsAFreshIv() {
        byte[] key = AesGcm.newKey();
        assertThat(Base64.getEncoder().encodeToString(AesGcm.seal(key, CHILD, PLAINTEXT)))
                .isNotEqualTo(Base64.getEncoder().encodeToString(AesGcm.seal(key, CHILD, PLAINTEXT)));
    }

    @Test
    void itDoesNotOpenForAnotherChildUnderAnotherKeyOrOnceAltered() {
        byte[] key = AesGcm.newKey();
        byte[] sealed = AesGcm.seal(key, CHILD, PLAINTEXT);
        assertThat(AesGcm.open(key, OTHER_CHILD, sealed)).isEmpty();
        assertThat(AesGcm.open(AesGcm.newKey(), CHILD, sealed)).isEmpty();
        sealed[20] ^= 1;
        assertThat(AesGcm.open(key, CHILD, sealed)).isEmpty();
        assertThat(AesGcm.open(key, CHILD, new byte[5])).isEmpty();
    }

    @Test
    void keysAre256BitsAndRandom() {
        assertThat(AesGcm.newKey()).hasSize(32).isNotEqualTo(AesGcm.newKey());
    }

    @Test
    void theWrappingKeyIsDerivedFromTheSubjectKeyAndIsNotTheSubjectKey() {
        byte[] material = new byte[32];
        material[0] = 7;
        SubjectKey subjectKey = new SubjectKey(material);
        assertThat(subjectKey.wrappingKey())
                .hasSize(32)
                .isEqualTo(new SubjectKey(material).wrappingKey())
                .isNotEqualTo(material);
        assertThat(subjectKey.toString()).doesNotContain("7");
    }
}
