package org.sharingledger.access.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reset-admin-password hands a generated password over in an owner-only file, never on the console. */
class AccountCommandsTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedPasswordIsWrittenToAnOwnerOnlyFileAndOnlyItsPlaceIsPrinted() throws Exception {
        Path file = PasswordFile.write(dataDir, AccountCommands.PASSWORD_FILE, "A test password", "s3cret-generated");

        String told = AccountCommands.handedOver("admin", file);

        assertThat(file).isEqualTo(dataDir.resolve("admin-password-reset").toAbsolutePath());
        assertThat(Files.readAllLines(file)).contains("s3cret-generated");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(told).contains(file.toString()).doesNotContain("s3cret-generated");
    }

    @Test
    void anExistingFileIsReplacedAndStaysOwnerOnly() throws Exception {
        Path old = dataDir.resolve(AccountCommands.PASSWORD_FILE);
        Files.writeString(old, "old");
        Files.setPosixFilePermissions(old, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        Path file = PasswordFile.write(dataDir, AccountCommands.PASSWORD_FILE, "A test password", "the-new-one");

        assertThat(Files.readString(file)).doesNotContain("old").contains("the-new-one");
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void withoutItsUsernameTheCommandSaysHowToUseIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = AccountCommands.run(
                Object.class,
                new String[] {"reset-admin-password"},
                Map.of(),
                Map.of(),
                System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("admin-password-reset");
    }
}
