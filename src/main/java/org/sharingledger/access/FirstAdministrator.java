package org.sharingledger.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.sharingledger.access.cli.PasswordFile;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start (no administrator yet) creates one: its password comes from {@code LEDGER_ADMIN_PASSWORD}, or is
 * generated and written to {@code initial-admin-password} in the data folder, readable only by the ledger's user; the
 * console says only where it is (a console ends up in container logs).
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    /** The file in the data folder that holds a generated password. */
    static final String PASSWORD_FILE = "initial-admin-password";

    private final AccountTable accounts;
    private final Accounts registration;
    private final String username;
    private final String configuredPassword;
    private final Path dataDir;

    FirstAdministrator(
            AccountTable accounts,
            Accounts registration,
            @Value("${ledger.security.admin-username}") String username,
            @Value("${ledger.security.admin-password:}") String configuredPassword,
            @Value("${ledger.storage.data-dir}") Path dataDir) {
        this.accounts = accounts;
        this.registration = registration;
        this.username = username;
        this.configuredPassword = configuredPassword;
        this.dataDir = dataDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyAdministrator()) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        if (!generated
                && (configuredPassword.length() < Accounts.MIN_PASSWORD_LENGTH
                        || configuredPassword.length() > Accounts.MAX_PASSWORD_LENGTH)) {
            throw new IllegalStateException("LEDGER_ADMIN_PASSWORD must have " + Accounts.MIN_PASSWORD_LENGTH + " to "
                    + Accounts.MAX_PASSWORD_LENGTH + " characters");
        }
        String password = generated ? generatePassword() : configuredPassword;
        try {
            registration.register(username, password, "Ledger administrator", null, List.of(Role.ADMIN), Actor.SYSTEM);
        } catch (RuntimeException e) {
            // Two nodes started together on a new database: the other one created the administrator first.
            if (accounts.anyAdministrator()) {
                return;
            }
            throw e;
        }
        if (generated) {
            Path file;
            try {
                file = PasswordFile.write(
                        dataDir, PASSWORD_FILE, "The password of the administrator '" + username + "'", password);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the first administrator's password to " + dataDir, e);
            }
            System.out.println("""

                    ================================================================
                     First start: created the administrator '%s'. Its password is in
                         %s
                     readable only by the user the ledger runs as. Sign in, choose
                     your own password, then delete that file. (Set
                     LEDGER_ADMIN_PASSWORD to choose it yourself on a fresh ledger.)
                    ================================================================
                    """.formatted(username, file));
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
