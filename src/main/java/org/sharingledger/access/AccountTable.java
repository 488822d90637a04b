package org.sharingledger.access;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.access.api.AccountDirectory;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts authentication reads, kept from {@link UserRegistered} events by a subscribing processor, so an
 * account can log in as soon as its registration has committed.
 */
@Component
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
        return jdbc
                .query(
                        """
                select a.username, a.display_name, a.agency_id, a.roles, c.password_hash
                from user_account a left join credentials c on c.username = a.username
                where a.username = ?""",
                        (rs, i) -> new Account(
                                new Actor(
                                        rs.getString("username"),
                                        rs.getString("agency_id"),
                                        roles(rs.getString("roles"))),
                                rs.getString("display_name"),
                                rs.getString("password_hash")),
                        username)
                .stream()
                .findFirst();
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
    record Account(Actor actor, String displayName, String passwordHash) {}
}
