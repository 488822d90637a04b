package org.sharingledger.platform.web;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.sharingledger.kernel.BlindDigests;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.rules.InvalidInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The API's idempotency keys, for a web page's form: a form carries a hidden key, and a double click or a form sent
 * again records its step once. The step, its events, its read models and the key commit in one transaction, in the
 * same {@code idempotency_key} table as {@link RecordingRequestFilter} (keys are per user). A second submission with
 * the key gets the first one's address and records nothing; one sent while the first still runs waits for it. A
 * step that fails (an exception) rolls back with its key, so the form can be corrected and sent again. Only the
 * address is kept, and for 24 hours ({@link IdempotencyKeys}); the page at that address checks the user's rights
 * when it is read.
 */
@Component
public class FormSubmissions {

    private static final Pattern WELL_FORMED_KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");

    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BlindDigests digests;
    private final IdempotencyKeys keys;

    FormSubmissions(
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

    /** Whether a key may be used: 1 to 128 printable ASCII characters, as the API's {@code Idempotency-Key}. */
    public static boolean wellFormed(String key) {
        return key != null && WELL_FORMED_KEY.matcher(key).matches();
    }

    /**
     * Runs {@code step} once for this user and key, and answers the address it gave (where the page sends the user
     * next). With the key seen before, answers the first address as a {@link Repeat}, without running the step.
     */
    public Outcome once(String form, String key, Supplier<String> step) {
        String username = CurrentActor.get().username();
        String hash = digests.of(("FORM " + form + "\n").getBytes(StandardCharsets.UTF_8));
        return transactions.execute(tx -> {
            keys.forgetIfExpired(username, key);
            int inserted = jdbc.update("""
                    insert into idempotency_key (username, idempotency_key, request_hash, status, created_at)
                    values (?, ?, ?, 0, ?) on conflict do nothing""", username, key, hash, Timestamp.from(clock.instant()));
            if (inserted == 0) {
                List<String> first = jdbc.queryForList(
                        "select location from idempotency_key where username = ? and idempotency_key = ? "
                                + "and request_hash = ? and location is not null",
                        String.class,
                        username,
                        key,
                        hash);
                return new Outcome(first.isEmpty() ? null : first.get(0), true);
            }
            String location = step.get();
            jdbc.update(
                    "update idempotency_key set status = 303, location = ? where username = ? and idempotency_key = ?",
                    location,
                    username,
                    key);
            return new Outcome(location, false);
        });
    }

    /**
     * A page's form taken {@link #once}: sent again (a double click, a form sent again), it records nothing and answers
     * the first one's address as a repeat. A form without a well-formed key takes its step each time; a key used for
     * another form is a problem on the field {@code idempotencyKey} (400).
     */
    public Outcome onceForPage(String form, String key, Supplier<String> step) {
        if (!wellFormed(key)) {
            return new Outcome(step.get(), false);
        }
        Outcome outcome = once(form, key, step);
        if (outcome.location() == null) {
            throw new InvalidInput("idempotencyKey", "was used for another form");
        }
        return outcome;
    }

    /**
     * Where the submission leads; {@code repeat} when the key had been used before (then {@code location} is the
     * first submission's, or null when the key was used for something else).
     */
    public record Outcome(String location, boolean repeat) {}
}
