package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.sharingledger.kernel.Actor;

/** The first administrator's generated password goes to a file only the ledger's user may read, not to the console. */
class FirstAdministratorTest {

    @TempDir
    Path dataDir;

    @Test
    void aGeneratedPasswordIsWrittenToAnOwnerOnlyFileAndOnlyItsPlaceIsPrinted() throws Exception {
        AccountTable table = mock(AccountTable.class);
        Accounts registration = mock(Accounts.class);
        when(table.anyAdministrator()).thenReturn(false);
        FirstAdministrator first = new FirstAdministrator(table, registration, "admin", "", dataDir);

        String console = console(() -> first.run(null));

        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        verify(registration).register(eq("admin"), password.capture(), any(), isNull(), anyList(), eq(Actor.SYSTEM));
        Path file = dataDir.resolve(FirstAdministrator.PASSWORD_FILE);
        assertThat(Files.readAllLines(file)).contains(password.getValue());
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(console).doesNotContain(password.getValue()).contains(file.toString());
    }

    @Test
    void aConfiguredPasswordWritesNoFile() {
        AccountTable table = mock(AccountTable.class);
        Accounts registration = mock(Accounts.class);
        FirstAdministrator first =
                new FirstAdministrator(table, registration, "admin", "configured-password-1", dataDir);

        String console = console(() -> first.run(null));

        assertThat(Files.exists(dataDir.resolve(FirstAdministrator.PASSWORD_FILE)))
                .isFalse();
        assertThat(console).doesNotContain("configured-password-1");
    }

    private static String console(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
