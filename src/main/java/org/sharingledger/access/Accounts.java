package org.sharingledger.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.sharingledger.access.api.RegisterUser;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.Commands;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers user accounts: the account and its roles as an event, the password as a slow hash in a table. */
@Service
class Accounts {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    private final Commands commands;
    private final AccountTable accounts;
    private final AgencyDirectory agencies;
    private final PasswordEncoder passwords;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    Accounts(
            Commands commands,
            AccountTable accounts,
            AgencyDirectory agencies,
            PasswordEncoder passwords,
            JdbcTemplate jdbc,
            Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.agencies = agencies;
        this.passwords = passwords;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void register(
            String username,
            String password,
            String displayName,
            String agencyId,
            List<Role> roles,
            Actor registeredBy) {
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInput(
                    "username",
                    "must be 2 to 64 lower-case letters, digits or . _ @ -, " + "starting with a letter or digit");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (agencyId != null) {
            agencies.find(agencyId)
                    .ifPresentOrElse(
                            agency -> {
                                if (!agency.signed()) {
                                    throw new StepNotAllowed(
                                            "agency " + agencyId + " has withdrawn from the Code of Practice");
                                }
                            },
                            () -> {
                                throw new InvalidInput("agencyId", "is not a registered agency");
                            });
        }
        if (accounts.exists(username)) {
            throw new StepNotAllowed("the username " + username + " is already taken");
        }
        commands.send(new RegisterUser(username, displayName, agencyId, roles, clock.instant()), registeredBy);
        jdbc.update(
                "insert into credentials (username, password_hash, changed_at) values (?, ?, ?)",
                username,
                passwords.encode(password),
                Timestamp.from(clock.instant()));
    }
}
