package org.sharingledger.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sharingledger.access.api.IssueToken;
import org.sharingledger.access.api.PersonalTokens;
import org.sharingledger.access.api.RevokeToken;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens for agency systems and scripts: 256 random bits, shown once, stored only as a SHA-256
 * hash so that checking one costs a single indexed lookup (a password hash on every request would not).
 */
@Service
class Tokens implements PersonalTokens {

    static final String PREFIX = "isl_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Commands commands;
    private final JdbcTemplate jdbc;
    private final AccountTable accounts;
    private final Clock clock;

    Tokens(Commands commands, JdbcTemplate jdbc, AccountTable accounts, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional
    public IssuedToken issue(Actor owner, String name, int validDays) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String tokenId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofDays(validDays));
        // The token's row in api_token is kept from the event, by AccountTable, in this transaction.
        commands.send(new IssueToken(owner.username(), tokenId, name, expiresAt, now, sha256(token)), owner);
        return new IssuedToken(tokenId, token, expiresAt);
    }

    @Override
    @Transactional
    public Instant revoke(String tokenId, Actor actor) {
        String owner = jdbc
                .query("select username from api_token where token_id = ?::uuid", (rs, i) -> rs.getString(1), tokenId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("no token " + tokenId));
        if (!owner.equals(actor.username()) && !actor.has(Role.ADMIN)) {
            throw new NotPermitted("only the token's owner or an ADMIN may revoke it");
        }
        Instant now = clock.instant();
        commands.send(new RevokeToken(owner, tokenId, actor.username(), now), actor);
        return now;
    }

    @Override
    public List<TokenSummary> ownedBy(String username) {
        return jdbc.query("""
                select token_id, name, issued_at, expires_at, revoked_at from api_token
                where username = ? order by issued_at desc, token_id""", Tokens::summary, username);
    }

    @Override
    public List<TokenSummary> ownedBy(String username, int page, int size) {
        return jdbc.query("""
                select token_id, name, issued_at, expires_at, revoked_at from api_token
                where username = ? order by issued_at desc, token_id limit ? offset ?""", Tokens::summary, username, size, Paging.offset(page, size));
    }

    @Override
    public long countOwnedBy(String username) {
        Long count = jdbc.queryForObject("select count(*) from api_token where username = ?", Long.class, username);
        return count == null ? 0 : count;
    }

    private static TokenSummary summary(ResultSet rs, int row) throws SQLException {
        return new TokenSummary(
                rs.getString("token_id"),
                rs.getString("name"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("revoked_at") == null
                        ? null
                        : rs.getTimestamp("revoked_at").toInstant());
    }

    /** The live token's owner, if the presented token is one of ours, unrevoked and unexpired, and they active. */
    Optional<LedgerPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        return accounts.byLiveToken(sha256(presented), clock.instant())
                .filter(AccountTable.Account::active)
                .map(LedgerPrincipal::byToken);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
