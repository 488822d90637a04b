package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void theSeedGivesTheKeyGoDerivesFromIt() {
        // note_test.go's seed (renamed, see NoteVectors): PRIVATE+KEY+AshcombeTrust+d66e6773+AYEK... signs for
        // ...+ARpc...
        LedgerKey ashcombe = NoteVectors.ashcombe();
        assertThat(ashcombe.name()).isEqualTo("AshcombeTrust");
        assertThat(ashcombe.verifier().text()).isEqualTo(NoteVectors.ASHCOMBE_KEY);
    }

    @Test
    void theSameSeedGivesTheSameKeyAndItsSignaturesVerify() {
        byte[] seed = new byte[32];
        seed[31] = 7;
        LedgerKey one = LedgerKey.fromSeed("ledger.example.org/audit", seed);
        LedgerKey again = LedgerKey.fromSeed("ledger.example.org/audit", seed.clone());
        seed[0] = 1;
        LedgerKey other = LedgerKey.fromSeed("ledger.example.org/audit", seed);
        assertThat(again.verifier()).isEqualTo(one.verifier());
        assertThat(other.verifier().publicKey()).isNotEqualTo(one.verifier().publicKey());

        byte[] message = "checkpoint".getBytes(StandardCharsets.UTF_8);
        byte[] signature = one.sign(message);
        assertThat(signature).hasSize(64).isEqualTo(again.sign(message));
        assertThat(one.verifier().verify(message, signature)).isTrue();
        assertThat(other.verifier().verify(message, signature)).isFalse();
    }

    @Test
    void badSeedsAndNamesAreRefusedAndTheSeedIsNeverPrinted() {
        assertThatThrownBy(() -> LedgerKey.fromSeed("a", new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerKey.fromSeed("a b", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerKey.fromSeed("a+b", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerKey.fromSeed("", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        byte[] seed = NoteVectors.ashcombeSeed();
        assertThat(NoteVectors.ashcombe().toString())
                .contains(NoteVectors.ASHCOMBE_KEY)
                .doesNotContain(Base64.getEncoder().encodeToString(seed))
                .doesNotContain(HexFormat.of().formatHex(seed));
    }

    @Test
    void aConfiguredKeyIsUsedAndNoFileIsWritten() throws Exception {
        String configured = Base64.getEncoder().encodeToString(NoteVectors.ashcombeSeed());
        LedgerKey key = LedgerKey.load("AshcombeTrust", " " + configured + "\n", true, dataDir);
        assertThat(key.verifier().text()).isEqualTo(NoteVectors.ASHCOMBE_KEY);
        assertThat(LedgerKey.load("AshcombeTrust", configured, false, dataDir)
                        .verifier()
                        .text())
                .isEqualTo(NoteVectors.ASHCOMBE_KEY);
        try (var files = Files.list(dataDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aConfiguredKeyMustBeBase64OfThirtyTwoBytes() {
        assertThatThrownBy(() -> LedgerKey.load("l", "not base64!", false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEDGER_SIGNING_KEY")
                .hasMessageContaining("openssl rand -base64 32");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> LedgerKey.load("l", short16, false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly 32 bytes");
    }

    @Test
    void withAnExternalDatabaseTheKeyMustBeGiven() {
        assertThatThrownBy(() -> LedgerKey.load("l", " ", true, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("LEDGER_SIGNING_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageContaining("outside the database");
        assertThatThrownBy(() -> LedgerKey.load("l", null, true, dataDir)).isInstanceOf(IllegalStateException.class);
        assertThat(dataDir.resolve(LedgerKey.KEY_FILE)).doesNotExist();
    }

    @Test
    void withTheEmbeddedDatabaseAKeyFileIsGeneratedOnceForTheOwnerAlone() throws Exception {
        Path folder = dataDir.resolve("not-yet-there");
        LedgerKey first = LedgerKey.load("ledger.example.org/audit", "", false, folder);
        Path file = folder.resolve(LedgerKey.KEY_FILE);
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(file);
        }
        LedgerKey second = LedgerKey.load("ledger.example.org/audit", null, false, folder);
        assertThat(second.verifier()).isEqualTo(first.verifier());
        byte[] message = {1, 2, 3};
        assertThat(first.verifier().verify(message, second.sign(message))).isTrue();
    }

    @Test
    void aDamagedKeyFileIsReportedNotReplaced() throws Exception {
        Path file = dataDir.resolve(LedgerKey.KEY_FILE);
        Files.writeString(file, "%%%");
        assertThatThrownBy(() -> LedgerKey.load("l", "", false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[31]));
        assertThatThrownBy(() -> LedgerKey.load("l", "", false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
        assertThat(Files.readString(file)).isEqualTo(Base64.getEncoder().encodeToString(new byte[31]));
    }
}
