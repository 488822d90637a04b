package org.sharingledger.subject;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each child's own key, in {@code subject_key}: random, 256 bits, stored only wrapped (AES-256-GCM under the wrapping
 * key derived from the subject key, with the pseudonym as associated data), so a dump of the database alone opens
 * nothing. Deleting the row is what erasure means. Every method runs in the caller's transaction, if any.
 */
@Repository
class SubjectKeys {

    private final JdbcTemplate jdbc;
    private final byte[] wrappingKey;
    private final Clock clock;

    SubjectKeys(JdbcTemplate jdbc, SubjectKey subjectKey, Clock clock) {
        this.jdbc = jdbc;
        this.wrappingKey = subjectKey.wrappingKey();
        this.clock = clock;
    }

    /** The child's key, created if there is none, marked as used now. Waits for an erasure of it in progress. */
    byte[] forSealing(String pseudonym) {
        Instant now = clock.instant();
        byte[] fresh = AesGcm.newKey();
        try {
            byte[] wrapped = jdbc.queryForObject(
                    """
                    insert into subject_key (pseudonym, wrapped_key, created_at, last_used_at) values (?, ?, ?, ?)
                    on conflict (pseudonym) do update
                        set last_used_at = greatest(subject_key.last_used_at, excluded.last_used_at)
                    returning wrapped_key""",
                    byte[].class,
                    pseudonym,
                    AesGcm.seal(wrappingKey, associatedData(pseudonym), fresh),
                    Timestamp.from(now),
                    Timestamp.from(now));
            return unwrap(pseudonym, wrapped);
        } finally {
            Arrays.fill(fresh, (byte) 0);
        }
    }

    /** The child's key, or empty when it has none (never had, or erased). Reading does not count as using it. */
    Optional<byte[]> forOpening(String pseudonym) {
        return jdbc
                .queryForList("select wrapped_key from subject_key where pseudonym = ?", byte[].class, pseudonym)
                .stream()
                .findFirst()
                .map(wrapped -> unwrap(pseudonym, wrapped));
    }

    /** Whether the child has a key; locks it until the transaction ends, so it cannot be used while being erased. */
    boolean lockIfHeld(String pseudonym) {
        return !jdbc.queryForList("select 1 from subject_key where pseudonym = ? for update", Integer.class, pseudonym)
                .isEmpty();
    }

    /**
     * Locks the child's key if it was last used before the cutoff and no one else holds it now. When was it last
     * used (empty when the key is gone, used since, or busy: a later run will see it again).
     */
    Optional<Instant> lockIfUnusedSince(String pseudonym, Instant cutoff) {
        return jdbc.queryForList("""
                select last_used_at from subject_key where pseudonym = ? and last_used_at < ?
                for update skip locked""", Timestamp.class, pseudonym, Timestamp.from(cutoff)).stream()
                .findFirst()
                .map(Timestamp::toInstant);
    }

    /** The children whose keys were last used before the cutoff. */
    List<String> unusedSince(Instant cutoff) {
        return jdbc.queryForList(
                "select pseudonym from subject_key where last_used_at < ? order by last_used_at",
                String.class,
                Timestamp.from(cutoff));
    }

    /** Destroys the child's key: what was sealed under it can never be opened again. */
    void destroy(String pseudonym) {
        jdbc.update("delete from subject_key where pseudonym = ?", pseudonym);
    }

    private byte[] unwrap(String pseudonym, byte[] wrapped) {
        return AesGcm.open(wrappingKey, associatedData(pseudonym), wrapped)
                .orElseThrow(() ->
                        new IllegalStateException("a subject key does not unwrap: was LEDGER_SUBJECT_KEY changed?"));
    }

    private static byte[] associatedData(String pseudonym) {
        return ("subject-key:" + pseudonym).getBytes(StandardCharsets.UTF_8);
    }
}
