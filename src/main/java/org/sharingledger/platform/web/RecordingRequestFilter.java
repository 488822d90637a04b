package org.sharingledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.sharingledger.kernel.BlindDigests;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.rules.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Every POST under {@code /api} that records something runs in one database transaction: its events, the read
 * models updated with them and its idempotency key commit together, and the answer is sent only after the commit. A
 * 4xx or 5xx rolls everything back, so nothing at all is recorded.
 * <p>
 * With an {@code Idempotency-Key} header (1 to 128 printable characters), a retry with the same key and the same
 * body records nothing new and gets the first answer's status and {@code Location} (never its body, which is not
 * kept); the same key with another body gets 422. A retry runs after security like any call, so a disabled account or
 * a revoked token is refused; the replay tells the caller only that their own step was recorded and where, and
 * reading what it created is checked afresh. An answer marked {@link IdempotencyKeys#neverReplay} (a timeline query)
 * is never replayed: each retry is checked and recorded again. Keys are per user, kept in the database (so they
 * survive restarts) for 24 hours ({@link IdempotencyKeys}). A concurrent retry waits for the first to finish.
 */
class RecordingRequestFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern WELL_FORMED_KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BlindDigests digests;
    private final IdempotencyKeys keys;

    RecordingRequestFilter(
            PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc,
            Clock clock,
            BlindDigests digests,
            IdempotencyKeys keys) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.clock = clock;
        this.digests = digests;
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Operations on read models (/api/admin/) record no ledger events and must not hold a request transaction.
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getRequestURI().startsWith("/api/admin/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key != null && !WELL_FORMED_KEY.matcher(key).matches()) {
            Problems.write(
                    response,
                    Problems.invalid(List.of(
                            new InvalidInput.FieldProblem(HEADER, "must be 1 to 128 printable ASCII characters"))));
            return;
        }
        CachedBodyRequest cachedRequest =
                new CachedBodyRequest(request, StreamUtils.copyToByteArray(request.getInputStream()));
        ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
        try {
            transactions.executeWithoutResult(tx -> {
                if (key == null) {
                    run(chain, cachedRequest, cachedResponse, tx);
                } else {
                    runOnce(key, chain, cachedRequest, cachedResponse, tx);
                }
            });
        } catch (UncheckedServletException e) {
            throw e.unwrap();
        } catch (RuntimeException e) {
            // The commit itself failed: nothing was recorded, and the client must not see a 2xx.
            cachedResponse.resetBuffer();
            logger.warn("Commit failed for " + request.getMethod() + " " + request.getRequestURI(), e);
            Problems.write(
                    cachedResponse,
                    Problems.of(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "not-recorded",
                            "Not recorded",
                            "The step could not be stored. Nothing was recorded; try again."));
        }
        cachedResponse.copyBodyToResponse();
    }

    private void run(
            FilterChain chain,
            CachedBodyRequest request,
            ContentCachingResponseWrapper response,
            TransactionStatus tx) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            tx.setRollbackOnly();
            throw new UncheckedServletException(e);
        }
        if (response.getStatus() >= 400) {
            tx.setRollbackOnly();
        }
    }

    private void runOnce(
            String key,
            FilterChain chain,
            CachedBodyRequest request,
            ContentCachingResponseWrapper response,
            TransactionStatus tx) {
        String username = CurrentActor.get().username();
        String hash = hash(request.getRequestURI(), request.body());
        keys.forgetIfExpired(username, key);
        int inserted = jdbc.update("""
                insert into idempotency_key (username, idempotency_key, request_hash, status, created_at)
                values (?, ?, ?, 0, ?) on conflict do nothing""", username, key, hash, Timestamp.from(clock.instant()));
        if (inserted == 0) {
            replay(key, username, hash, response);
            return;
        }
        run(chain, request, response, tx);
        if (IdempotencyKeys.neverReplayed(request)) {
            // Checked and recorded again at every retry: nothing of it is kept.
            jdbc.update("delete from idempotency_key where username = ? and idempotency_key = ?", username, key);
        } else if (response.getStatus() < 400) {
            jdbc.update(
                    "update idempotency_key set status = ?, location = ? where username = ? and idempotency_key = ?",
                    response.getStatus(),
                    response.getHeader("Location"),
                    username,
                    key);
        }
    }

    /**
     * The first answer's status and {@code Location}, and a body that says only that: the first body is never kept
     * (it may hold a token's secret or a child's records). What the step created is read at its address, under the
     * caller's rights of the moment.
     */
    private void replay(String key, String username, String hash, ContentCachingResponseWrapper response) {
        jdbc.query(
                "select request_hash, status, location from idempotency_key "
                        + "where username = ? and idempotency_key = ?",
                rs -> {
                    try {
                        if (!hash.equals(rs.getString("request_hash"))) {
                            Problems.write(
                                    response,
                                    Problems.of(
                                            HttpStatus.UNPROCESSABLE_CONTENT,
                                            "idempotency-key-reused",
                                            "Idempotency key reused",
                                            "This Idempotency-Key was already used with a different "
                                                    + "request. Use a new key for a new request."));
                            return;
                        }
                        String location = rs.getString("location");
                        response.setStatus(rs.getInt("status"));
                        response.setHeader(REPLAYED, "true");
                        response.setContentType("application/json");
                        if (location != null) {
                            response.setHeader("Location", location);
                        }
                        response.getOutputStream()
                                .write(("{\"replayed\":true,\"location\":"
                                                + (location == null ? "null" : quoted(location))
                                                + "}")
                                        .getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw new UncheckedServletException(e);
                    }
                },
                username,
                key);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The request's fingerprint: keyed, since the body may hold a child's NHS number (see {@link BlindDigests}). */
    private String hash(String uri, byte[] body) {
        byte[] line = ("POST " + uri + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[line.length + body.length];
        System.arraycopy(line, 0, content, 0, line.length);
        System.arraycopy(body, 0, content, line.length, body.length);
        return digests.of(content);
    }

    /** Carries a checked exception out of the transaction callback. */
    private static final class UncheckedServletException extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        UncheckedServletException(Exception cause) {
            super(cause);
        }

        ServletException unwrap() {
            return getCause() instanceof ServletException s ? s : new ServletException(getCause());
        }
    }
}
