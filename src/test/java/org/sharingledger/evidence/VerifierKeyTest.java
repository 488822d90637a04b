package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharingledger.evidence.NoteVectors.ENOCH_KEY;
import static org.sharingledger.evidence.NoteVectors.PETER_KEY;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class VerifierKeyTest {

    @Test
    void theGoVerifierKeysParseAndPrintThemselves() {
        VerifierKey peter = VerifierKey.parse(PETER_KEY);
        assertThat(peter.name()).isEqualTo("PeterNeumann");
        assertThat(HexFormat.of().formatHex(peter.keyHash())).isEqualTo("c74f20a3");
        assertThat(peter.keyId()).isEqualTo(0xc74f20a3);
        assertThat(peter.publicKey()).hasSize(32);
        assertThat(peter.text()).isEqualTo(PETER_KEY);
        assertThat(peter).hasToString(PETER_KEY).isEqualTo(VerifierKey.parse(PETER_KEY))
                .hasSameHashCodeAs(VerifierKey.parse(PETER_KEY)).isNotEqualTo(VerifierKey.parse(ENOCH_KEY));
        assertThat(VerifierKey.parse(ENOCH_KEY).text()).isEqualTo(ENOCH_KEY);
    }

    @Test
    void surroundingWhitespaceAndUpperCaseHexAreForgiven() {
        assertThat(VerifierKey.parse("  " + PETER_KEY + "\n").text()).isEqualTo(PETER_KEY);
        assertThat(VerifierKey.parse(PETER_KEY.replace("c74f20a3", "C74F20A3")).text()).isEqualTo(PETER_KEY);
    }

    @Test
    void everyManglingIsRefused() {
        // as note_test.go's TestNewVerifier: every proper substring, and every character changed by one
        for (int i = 0; i <= PETER_KEY.length(); i++) {
            for (int j = i + 1; j <= PETER_KEY.length(); j++) {
                if (i != 0 || j != PETER_KEY.length()) {
                    assertRefused(PETER_KEY.substring(i, j));
                }
            }
        }
        char[] chars = PETER_KEY.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            assertRefused(new String(chars));
            chars[i]--;
        }
        // a key of the wrong length and an unknown algorithm, each with a key hash that matches
        assertRefused("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
        assertRefused("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertRefused(null);
        assertRefused("");
        assertRefused("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertRefused("PeterNeumann+0xc74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    @Test
    void theHashMismatchIsExplained() {
        assertThatThrownBy(() -> VerifierKey.parse(PETER_KEY.replace("PeterNeumann", "PeterNeuman")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void theFingerprintIsTheStartOfTheTextsHashInGroupsOfFour() {
        VerifierKey peter = VerifierKey.parse(PETER_KEY);
        String expected = HexFormat.of().formatHex(Merkle.sha256().digest(PETER_KEY.getBytes(StandardCharsets.UTF_8)),
                0, 16);
        assertThat(peter.fingerprint()).matches("([0-9a-f]{4} ){7}[0-9a-f]{4}");
        assertThat(peter.fingerprint().replace(" ", "")).isEqualTo(expected);
        assertThat(peter.fingerprint()).isNotEqualTo(VerifierKey.parse(ENOCH_KEY).fingerprint());
    }

    @Test
    void verifyAcceptsTheKeysSignaturesOnly() {
        LedgerKey key = NoteVectors.peter();
        VerifierKey verifier = VerifierKey.parse(PETER_KEY);
        byte[] message = "hi".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        assertThat(verifier.verify(message, signature)).isTrue();
        signature[0]++;
        assertThat(verifier.verify(message, signature)).isFalse();
        signature[0]--;
        message[0]++;
        assertThat(verifier.verify(message, signature)).isFalse();
        message[0]--;
        assertThat(verifier.verify(message, new byte[63])).isFalse();
        assertThat(verifier.verify(message, new byte[64])).isFalse();
        assertThat(verifier.verify(null, signature)).isFalse();
        assertThat(verifier.verify(message, null)).isFalse();
        assertThat(VerifierKey.parse(ENOCH_KEY).verify(message, signature)).isFalse();
    }

    private static void assertRefused(String text) {
        assertThatThrownBy(() -> VerifierKey.parse(text)).as("%s", text).isInstanceOf(IllegalArgumentException.class);
    }
}
