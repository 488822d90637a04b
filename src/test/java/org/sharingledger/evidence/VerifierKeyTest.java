package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharingledger.evidence.NoteVectors.ASHCOMBE_KEY;
import static org.sharingledger.evidence.NoteVectors.ENOCH_KEY;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sharingledger.verifier.Merkle;
import org.sharingledger.verifier.VerifierKey;

class VerifierKeyTest {

    @Test
    void theGoVerifierKeysParseAndPrintThemselves() {
        VerifierKey ashcombe = VerifierKey.parse(ASHCOMBE_KEY);
        assertThat(ashcombe.name()).isEqualTo("AshcombeTrust");
        assertThat(HexFormat.of().formatHex(ashcombe.keyHash())).isEqualTo("d66e6773");
        assertThat(ashcombe.keyId()).isEqualTo(0xd66e6773);
        assertThat(ashcombe.publicKey()).hasSize(32);
        assertThat(ashcombe.text()).isEqualTo(ASHCOMBE_KEY);
        assertThat(ashcombe)
                .hasToString(ASHCOMBE_KEY)
                .isEqualTo(VerifierKey.parse(ASHCOMBE_KEY))
                .hasSameHashCodeAs(VerifierKey.parse(ASHCOMBE_KEY))
                .isNotEqualTo(VerifierKey.parse(ENOCH_KEY));
        assertThat(VerifierKey.parse(ENOCH_KEY).text()).isEqualTo(ENOCH_KEY);
    }

    @Test
    void surroundingWhitespaceAndUpperCaseHexAreForgiven() {
        assertThat(VerifierKey.parse("  " + ASHCOMBE_KEY + "\n").text()).isEqualTo(ASHCOMBE_KEY);
        assertThat(VerifierKey.parse(ASHCOMBE_KEY.replace("d66e6773", "D66E6773"))
                        .text())
                .isEqualTo(ASHCOMBE_KEY);
    }

    @Test
    void everyManglingIsRefused() {
        // as note_test.go's TestNewVerifier: every proper substring, and every character changed by one
        for (int i = 0; i <= ASHCOMBE_KEY.length(); i++) {
            for (int j = i + 1; j <= ASHCOMBE_KEY.length(); j++) {
                if (i != 0 || j != ASHCOMBE_KEY.length()) {
                    assertRefused(ASHCOMBE_KEY.substring(i, j));
                }
            }
        }
        char[] chars = ASHCOMBE_KEY.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i]++;
            assertRefused(new String(chars));
            chars[i]--;
        }
        // a key of the wrong length and an unknown algorithm, each with a key hash that matches
        assertRefused("AshcombeTrust+7175d163+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
        assertRefused("AshcombeTrust+8efffb76+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertRefused(null);
        assertRefused("");
        assertRefused("Ashcombe Trust+d66e6773+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertRefused("AshcombeTrust+0xd66e6773+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    @Test
    void theHashMismatchIsExplained() {
        assertThatThrownBy(() -> VerifierKey.parse(ASHCOMBE_KEY.replace("AshcombeTrust", "AshcombeTrus")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void theFingerprintIsTheStartOfTheTextsHashInGroupsOfFour() {
        VerifierKey ashcombe = VerifierKey.parse(ASHCOMBE_KEY);
        String expected =
                HexFormat.of().formatHex(Merkle.sha256().digest(ASHCOMBE_KEY.getBytes(StandardCharsets.UTF_8)), 0, 16);
        assertThat(ashcombe.fingerprint()).matches("([0-9a-f]{4} ){7}[0-9a-f]{4}");
        assertThat(ashcombe.fingerprint().replace(" ", "")).isEqualTo(expected);
        assertThat(ashcombe.fingerprint())
                .isNotEqualTo(VerifierKey.parse(ENOCH_KEY).fingerprint());
    }

    @Test
    void verifyAcceptsTheKeysSignaturesOnly() {
        LedgerKey key = NoteVectors.ashcombe();
        VerifierKey verifier = VerifierKey.parse(ASHCOMBE_KEY);
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
