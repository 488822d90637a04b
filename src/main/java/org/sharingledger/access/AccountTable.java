package org.sharingledger.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.access.api.AccountDirectory;
import org.sharingledger.access.api.PasswordChanged;
import org.sharingledger.access.api.TokenIssued;
import org.sharingledger.access.api.TokenRevoked;
import org.sharingledger.access.api.UserDisabled;
import org.sharingledger.access.api.UserEnabled;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.access.api.UserRolesChanged;
import org.sharingledger.access.api.UserStatus;
import org.sharingledger.access.api.UserSummary;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.storage.Reconciled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts authentication reads, kept from the accounts' events by a subscribing processor, so an account can
 * log in as soon as its registration has committed, and a change (roles, disabling) holds from the moment it
 * commits: every request, by password, token or page session, reads the account here again.
 */
@Component
@Reconciled({
    @Reconciled.Table(
            name = "user_account",
            key = {"username"}),
    @Reconciled.Table(
            name = "api_token",
            key = {"token_id"})
})
@ProcessingGroup(AccountTable.PROCESSING_GROUP)
class AccountTable implements AccountDirectory {

    static final String PROCESSING_GROUP = "access-accounts";

    private final JdbcTemplate jdbc;

    AccountTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.update(
                """
                insert into user_account (username, display_name, agency_id, roles, registered_at)
                values (?, ?, ?, ?, ?)
                on conflict (username) do update set display_name = excluded.display_name,
                    agency_id = excluded.agency_id, roles = excluded.roles""",
                event.username(),
                event.displayName(),
                event.agencyId(),
                joined(event.roles()),
                Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(UserDisabled event) {
        jdbc.update(
                "update user_account set status = ? where username = ?", UserStatus.DISABLED.name(), event.username());
    }

    @EventHandler
    void on(UserEnabled event) {
        jdbc.update(
                "update user_account set status = ? where username = ?", UserStatus.ACTIVE.name(), event.username());
    }

    @EventHandler
    void on(UserRolesChanged event) {
        jdbc.update(
                "update user_account set agency_id = ?, roles = ? where username = ?",
                event.agencyId(),
                joined(event.roles()),
                event.username());
    }

    @EventHandler
    void on(PasswordChanged event) {
        jdbc.update(
                "update user_account set must_change_password = ? where username = ?", event.reset(), event.username());
    }

    /**
     * A token's row, from which bearer authentication reads: only its hash, its owner and its validity. A token issued
     * before its hash was recorded in the event has no row (migration V2026.12.01.60 ended those tokens).
     */
    @EventHandler
    void on(TokenIssued event) {
        if (event.tokenHash() == null) {
            return;
        }
        jdbc.update(
                """
                insert into api_token (token_id, token_hash, username, name, issued_at, expires_at)
                values (?::uuid, ?, ?, ?, ?, ?) on conflict (token_id) do nothing""",
                event.tokenId(),
                event.tokenHash(),
                event.username(),
                event.name(),
                Timestamp.from(event.recordedAt()),
                Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(TokenRevoked event) {
        jdbc.update(
                "update api_token set revoked_at = ? where token_id = ?::uuid",
                Timestamp.from(event.recordedAt()),
                event.tokenId());
    }

    @ResetHandler
    void reset() {
        // Accounts are never deleted: credentials and tokens refer to them. Replays upsert.
    }

    boolean exists(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from user_account where username = ?)", Boolean.class, username));
    }

    boolean anyAdministrator() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from user_account where roles like '%ADMIN%')", Boolean.class));
    }

    @Override
    public Optional<Actor> find(String username) {
        return account(username).map(Account::actor);
    }

    Optional<Account> account(String username) {
        return jdbc.query("""
                select a.username, a.display_name, a.agency_id, a.roles, a.status, a.must_change_password,
                    c.password_hash
                from user_account a left join credentials c on c.username = a.username
                where a.username = ?""", AccountTable::account, username).stream().findFirst();
    }

    /**
     * The account of the token with this SHA-256 hash, if the token is unrevoked and unexpired at {@code now}: one
     * indexed lookup, read afresh on every call, so a revoked token or a disabled account stops working at once.
     */
    Optional<Account> byLiveToken(String tokenHash, Instant now) {
        return jdbc.query("""
                select a.username, a.display_name, a.agency_id, a.roles, a.status, a.must_change_password,
                    null as password_hash
                from api_token t join user_account a on a.username = t.username
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?""", AccountTable::account, tokenHash, Timestamp.from(now)).stream()
                .findFirst();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                new Actor(rs.getString("username"), rs.getString("agency_id"), roles(rs.getString("roles"))),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                UserStatus.valueOf(rs.getString("status")),
                rs.getBoolean("must_change_password"));
    }

    /** One page of accounts, by username. */
    List<UserSummary> page(int page, int size) {
        return jdbc.query(
                """
                select username, display_name, agency_id, roles, status, must_change_password
                from user_account order by username limit ? offset ?""",
                (rs, i) -> new UserSummary(
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getString("agency_id"),
                        roles(rs.getString("roles")),
                        UserStatus.valueOf(rs.getString("status")),
                        rs.getBoolean("must_change_password")),
                size,
                (long) page * size);
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from user_account", Long.class);
        return count == null ? 0 : count;
    }

    /** The active accounts bound to an agency. */
    List<String> activeIn(String agencyId) {
        return jdbc.queryForList(
                "select username from user_account where agency_id = ? and status = ? order by username",
                String.class,
                agencyId,
                UserStatus.ACTIVE.name());
    }

    static String joined(List<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static List<Role> roles(String joined) {
        return joined == null || joined.isBlank()
                ? List.of()
                : Arrays.stream(joined.split(",")).map(Role::valueOf).toList();
    }

    /** An account as authentication sees it. */
    record Account(
            Actor actor, String displayName, String passwordHash, UserStatus status, boolean mustChangePassword) {

        boolean active() {
            return status == UserStatus.ACTIVE;
        }

        UserSummary summary() {
            return new UserSummary(
                    actor.username(), displayName, actor.agencyId(), actor.roles(), status, mustChangePassword);
        }

        @Override
        public String toString() {
            return "Account[" + actor.username() + "]";
        }
    }
}
