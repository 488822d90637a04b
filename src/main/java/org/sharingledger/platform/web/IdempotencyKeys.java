package org.sharingledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The {@code idempotency_key} table that {@link RecordingRequestFilter} (the API) and {@link FormSubmissions} (the
 * pages) share. It keeps, per user and key, the request's keyed fingerprint, the first answer's status and its
 * {@code Location}, never an answer's body: an answer may hold a token's secret or a child's records. A key lives
 * {@code ledger.idempotency.key-lifetime} (24 hours by default): an older key is treated as new, and a job deletes
 * expired rows every {@code ledger.idempotency.purge-interval}.
 */
@Component
public class IdempotencyKeys {

    /** The request attribute that marks an answer as never to be replayed (see {@link #neverReplay}). */
    static final String NEVER_REPLAYED = IdempotencyKeys.class.getName() + ".neverReplayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration lifetime;

    IdempotencyKeys(
            JdbcTemplate jdbc, Clock clock, @Value("${ledger.idempotency.key-lifetime:PT24H}") Duration lifetime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /**
     * Marks this request's answer as one that no retry may be given again: the request runs, and is checked and
     * recorded, every time it is sent, whatever its {@code Idempotency-Key}. For answers that are the point of the
     * call (a child's timeline), where a replay without the answer would be useless.
     */
    public static void neverReplay(HttpServletRequest request) {
        request.setAttribute(NEVER_REPLAYED, true);
    }

    static boolean neverReplayed(HttpServletRequest request) {
        return request.getAttribute(NEVER_REPLAYED) != null;
    }

    /** Forgets this user's key if it has expired, so that it counts as new. In the caller's transaction. */
    void forgetIfExpired(String username, String key) {
        jdbc.update(
                "delete from idempotency_key where username = ? and idempotency_key = ? and created_at < ?",
                username,
                key,
                Timestamp.from(cutoff()));
    }

    /** Deletes every expired key; answers how many. */
    @Scheduled(
            fixedDelayString = "${ledger.idempotency.purge-interval:PT1H}",
            initialDelayString = "${ledger.idempotency.purge-interval:PT1H}")
    public int purgeExpired() {
        int purged = jdbc.update("delete from idempotency_key where created_at < ?", Timestamp.from(cutoff()));
        if (purged > 0) {
            log.info("Deleted {} idempotency keys older than {}", purged, lifetime);
        }
        return purged;
    }

    private Instant cutoff() {
        return clock.instant().minus(lifetime);
    }
}
