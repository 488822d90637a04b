package org.sharingledger.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start (no administrator yet) creates one: its password comes from {@code LEDGER_ADMIN_PASSWORD},
 * or is generated and printed once to the console.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private final AccountTable accounts;
    private final Accounts registration;
    private final String username;
    private final String configuredPassword;

    FirstAdministrator(
            AccountTable accounts,
            Accounts registration,
            @Value("${ledger.security.admin-username}") String username,
            @Value("${ledger.security.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.registration = registration;
        this.username = username;
        this.configuredPassword = configuredPassword;
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
        registration.register(username, password, "Ledger administrator", null, List.of(Role.ADMIN), Actor.SYSTEM);
        if (generated) {
            System.out.println("""

                    ================================================================
                     First start: created the administrator '%s' with the password
                         %s
                     It is shown only this once. Set LEDGER_ADMIN_PASSWORD to choose
                     it yourself on a fresh ledger.
                    ================================================================
                    """.formatted(username, password));
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
