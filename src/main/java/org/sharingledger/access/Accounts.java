package org.sharingledger.access;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.sharingledger.access.AccountTable.Account;
import org.sharingledger.access.api.ChangePassword;
import org.sharingledger.access.api.ChangeUserRoles;
import org.sharingledger.access.api.DisableUser;
import org.sharingledger.access.api.EnableUser;
import org.sharingledger.access.api.RegisterUser;
import org.sharingledger.access.api.UserAdministration;
import org.sharingledger.access.api.UserSummary;
import org.sharingledger.access.cli.AdministratorPasswordReset;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.Commands;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers and changes user accounts: the account, its roles, its status and each password change as events, the
 * password itself only as a slow hash in a table.
 */
@Service
class Accounts implements UserAdministration {

    /** bcrypt reads at most 72 bytes: a longer password would be cut silently, so it is refused. */
    private static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    /**
     * The names the ledger records its own steps under: {@code system} (deadlines, start-up, sign-in lockouts) and
     * {@code operator} (the command line's password reset). An account by either name would pass for the ledger.
     */
    static final Set<String> RESERVED_USERNAMES = Set.of(Actor.SYSTEM.username(), AdministratorPasswordReset.OPERATOR);

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

    @Override
    @Transactional
    public void register(NewUser user, Actor registeredBy) {
        register(user.username(), user.password(), user.displayName(), user.agencyId(), user.roles(), registeredBy);
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
        if (RESERVED_USERNAMES.contains(username)) {
            throw new InvalidInput("username", "is reserved for the ledger's own records: choose another");
        }
        checkPassword("password", password);
        checkSignedAgency(agencyId);
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

    /** The rule for every password: 12 to 64 characters, no more than bcrypt reads, and not a common one. */
    static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInput(
                    field, "must have " + MIN_PASSWORD_LENGTH + " to " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInput(
                    field,
                    "must be at most " + MAX_PASSWORD_BYTES + " bytes long in UTF-8 (an accented letter takes two, "
                            + "some signs three or four)");
        }
        if (CommonPasswords.contains(password)) {
            throw new InvalidInput(
                    field, "is too common: it is on the list of the commonest passwords, which are guessed first");
        }
    }

    /** Whether the password is the one hashed; never bcrypt on more than it reads (a longer one matches nothing). */
    private boolean matches(String password, String hash) {
        return hash != null
                && password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES
                && passwords.matches(password, hash);
    }

    private void checkSignedAgency(String agencyId) {
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
    }

    private Account existing(String username) {
        return accounts.account(username).orElseThrow(() -> new NotFound("no user " + username));
    }

    @Override
    public List<UserSummary> page(int page, int size) {
        return accounts.page(page, size);
    }

    @Override
    public long count() {
        return accounts.count();
    }

    @Override
    public UserSummary user(String username) {
        return existing(username).summary();
    }

    @Override
    @Transactional
    public void disable(String username, String reason, Actor actor) {
        existing(username);
        commands.send(new DisableUser(username, reason, actor.username(), clock.instant()), actor);
    }

    @Override
    @Transactional
    public void enable(String username, String reason, Actor actor) {
        Account account = existing(username);
        String agencyId = account.actor().agencyId();
        if (agencyId != null
                && agencies.find(agencyId).filter(agency -> !agency.signed()).isPresent()) {
            throw new StepNotAllowed("the user acts for agency " + agencyId
                    + ", which has withdrawn from the Code of Practice: change their roles and agency first");
        }
        commands.send(new EnableUser(username, reason, actor.username(), clock.instant()), actor);
    }

    @Override
    @Transactional
    public void changeRoles(String username, List<Role> roles, String agencyId, Actor actor) {
        existing(username);
        checkSignedAgency(agencyId);
        commands.send(new ChangeUserRoles(username, agencyId, roles, actor.username(), clock.instant()), actor);
    }

    /**
     * A user changes their own password (they must give the current one), or an administrator sets another's (a
     * reset: the user must change it at their next sign-in). A wrong current password records nothing.
     */
    @Override
    @Transactional
    public void changePassword(String username, String currentPassword, String newPassword, Actor actor) {
        boolean self = actor.username().equals(username);
        if (!self && !actor.has(Role.ADMIN)) {
            throw new NotPermitted("only the user themself or an administrator may change a password");
        }
        Account account = existing(username);
        if (self) {
            if (currentPassword == null || currentPassword.isEmpty()) {
                throw new InvalidInput("currentPassword", "is required to change your own password");
            }
            if (!matches(currentPassword, account.passwordHash())) {
                throw new InvalidInput("currentPassword", "is not your current password");
            }
        }
        checkPassword("newPassword", newPassword);
        if (self && newPassword.equals(currentPassword)) {
            throw new InvalidInput("newPassword", "must differ from the current password");
        }
        setPassword(username, newPassword, !self, actor);
    }

    /** The operator's way back in when every administrator's password is lost (from the command line). */
    @Transactional
    void resetAdministratorPassword(String username, String newPassword, Actor operator) {
        Account account = existing(username);
        if (!account.actor().has(Role.ADMIN)) {
            throw new StepNotAllowed(username + " is not an administrator");
        }
        if (!account.active()) {
            throw new StepNotAllowed(username + " is disabled: enable another administrator instead");
        }
        checkPassword("password", newPassword);
        setPassword(username, newPassword, true, operator);
    }

    private void setPassword(String username, String newPassword, boolean reset, Actor actor) {
        commands.send(new ChangePassword(username, actor.username(), reset, clock.instant()), actor);
        jdbc.update("""
                insert into credentials (username, password_hash, changed_at) values (?, ?, ?)
                on conflict (username) do update set password_hash = excluded.password_hash,
                    changed_at = excluded.changed_at""", username, passwords.encode(newPassword), Timestamp.from(clock.instant()));
    }
}
