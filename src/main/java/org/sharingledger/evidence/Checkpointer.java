package org.sharingledger.evidence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.sharingledger.verifier.Checkpoint;
import org.sharingledger.verifier.InvalidStatement;
import org.sharingledger.verifier.Merkle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds every committed event's hash to the Merkle tree, in the order events become visible, and signs a checkpoint
 * of the tree (size, root, time) whenever it grew. Runs in the background and on demand (before an export carries
 * proofs), always in a transaction of its own, and on one node at a time (a PostgreSQL advisory lock).
 *
 * <p>Normally leaves follow store order (global_index). A position below the tree's head with no committed event is
 * remembered as a gap (in {@code ledger_gap}, an insert-only chained log): a transaction that took that position may
 * still commit, and its event then joins the tree as the next leaf, but only within the gap timeout after the first
 * checkpoint that passed over the position; an event that appears there later is refused and reported.
 */
@Component
class Checkpointer {

    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    /** The advisory lock key: "ledger checkpoints". */
    private static final long LOCK = 0x4C45444745524350L;

    private static final int BATCH = 20_000;
    /**
     * The tree keeps its levels from 8 up in memory (about 2.5 MB for ten million events) and reads the 256 leaves
     * of a block from {@code ledger_leaf} when a proof needs a node below: keeping every level would take 64 MB per
     * million events, more than the heap at ten million.
     */
    private static final int LOWEST_KEPT_LEVEL = 8;

    private static final long MAX_GAP = 100_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LedgerKey key;
    private final SignedHead head;
    private final EvidenceProperties properties;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private MerkleTree tree = newTree();
    private long highWater;
    private final AtomicLong checkpointed = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong headRefusals = new AtomicLong();
    private volatile String headProblem;
    private final Set<Long> refusedLate = ConcurrentHashMap.newKeySet();

    Checkpointer(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactionManager,
            LedgerKey key,
            SignedHead head,
            EvidenceProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.key = key;
        this.head = head;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${ledger.evidence.checkpoint-interval}",
            fixedDelayString = "${ledger.evidence.checkpoint-interval}")
    void inTheBackground() {
        try {
            checkpoint();
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            log.warn("Checkpoint failed; the next run tries again: {}", e.toString());
        }
    }

    /** Brings the tree up to date with every committed event; returns the latest signed checkpoint, if any. */
    Optional<StoredCheckpoint> checkpoint() {
        lock.lock();
        try {
            return Optional.ofNullable(transactions.execute(status -> {
                        jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK);
                        catchUpWithStoredLeaves();
                        long first = tree.size();
                        addNewLeaves();
                        extendsTheSignedHead();
                        if (tree.size() == first) {
                            return latest().orElse(null);
                        }
                        Checkpoint checkpoint = new Checkpoint(
                                properties.origin(),
                                tree.size(),
                                tree.root(tree.size()),
                                clock.instant().truncatedTo(ChronoUnit.SECONDS));
                        String statement = SignedCheckpoints.sign(checkpoint, key);
                        jdbc.update(
                                "insert into ledger_checkpoint (tree_size, root_hash, signed_at, statement) "
                                        + "values (?, ?, ?, ?)",
                                checkpoint.treeSize(),
                                checkpoint.rootHash(),
                                Timestamp.from(checkpoint.signedAt()),
                                statement);
                        return new StoredCheckpoint(checkpoint, statement);
                    }))
                    .map(stored -> {
                        checkpointed.set(stored.checkpoint().treeSize());
                        if (!stored.statement().equals(head.statement().orElse(null))) {
                            head.write(stored.statement());
                        }
                        return stored;
                    });
        } catch (RuntimeException e) {
            // The leaves appended in memory may not have been committed: start again from the database next time.
            tree = newTree();
            highWater = 0;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Refuses to go on unless the tree in the database extends the last checkpoint this ledger signed, as kept
     * outside the database: a consistency proof from the head's size to the tree's, checked against both roots.
     */
    private void extendsTheSignedHead() {
        Checkpoint signed;
        try {
            signed = head.checkpoint(key.verifier()).orElse(null);
        } catch (InvalidStatement e) {
            throw refuse(
                    "the signed head " + head.file() + " is not a checkpoint signed by this ledger: " + e.getMessage());
        }
        if (signed == null) {
            headProblem = null;
            return;
        }
        long size = tree.size();
        if (signed.treeSize() > size) {
            throw refuse("the database's tree holds " + size + " events, fewer than the " + signed.treeSize()
                    + " of the last checkpoint this ledger signed (" + signed.signedAt() + ", kept in " + head.file()
                    + "): the database was rolled back or events were removed");
        }
        boolean extended = signed.treeSize() == 0
                ? Arrays.equals(signed.rootHash(), Merkle.emptyRoot())
                : Merkle.verifyConsistency(
                        signed.treeSize(),
                        size,
                        signed.rootHash(),
                        tree.root(size),
                        tree.consistencyProof(signed.treeSize(), size));
        if (!extended) {
            throw refuse("the database's tree of " + size + " events does not extend the last checkpoint this "
                    + "ledger signed (" + signed.treeSize() + " events, " + signed.signedAt() + ", kept in "
                    + head.file() + "): the history it covers was rewritten");
        }
        headProblem = null;
    }

    private HeadNotExtended refuse(String problem) {
        headRefusals.incrementAndGet();
        headProblem = problem;
        log.error("Refusing to sign a checkpoint: {}", problem);
        return new HeadNotExtended(problem);
    }

    /** Runs refused because the database does not extend the last signed checkpoint. */
    long headRefusals() {
        return headRefusals.get();
    }

    /** Why the last run refused to sign, or null when it did not. */
    String headProblem() {
        return headProblem;
    }

    /** The tree as far as the latest checkpoint, for proofs; call {@link #checkpoint()} first to bring it up to date. */
    MerkleTree tree() {
        lock.lock();
        try {
            catchUpWithStoredLeavesOutsideTransaction();
            return tree;
        } finally {
            lock.unlock();
        }
    }

    /** Events covered by the latest checkpoint this node signed or saw. */
    long checkpointedEvents() {
        return checkpointed.get();
    }

    /** Background runs that failed (each is retried by the next). */
    long failures() {
        return failures.get();
    }

    Optional<StoredCheckpoint> latest() {
        return jdbc
                .query(
                        "select statement from ledger_checkpoint order by tree_size desc limit 1",
                        (row, i) -> row.getString(1))
                .stream()
                .findFirst()
                .map(statement -> new StoredCheckpoint(SignedCheckpoints.open(statement, key.verifier()), statement));
    }

    private void catchUpWithStoredLeavesOutsideTransaction() {
        transactions.executeWithoutResult(status -> catchUpWithStoredLeaves());
    }

    /**
     * Leaves this node has not seen yet (written by an earlier run, or another node), a page at a time: the driver
     * would otherwise hold every row of the result at once.
     */
    private void catchUpWithStoredLeaves() {
        int read;
        do {
            long before = tree.size();
            jdbc.query(
                    "select global_index, event_hash from ledger_leaf where leaf_index >= ? and leaf_index < ? "
                            + "order by leaf_index",
                    row -> {
                        tree.append(row.getBytes(2));
                        highWater = Math.max(highWater, row.getLong(1));
                    },
                    before,
                    before + BATCH);
            read = Math.toIntExact(tree.size() - before);
        } while (read == BATCH);
    }

    private MerkleTree newTree() {
        return new MerkleTree(
                LOWEST_KEPT_LEVEL,
                (from, count) -> jdbc.query(
                        "select event_hash from ledger_leaf where leaf_index >= ? and leaf_index < ? "
                                + "order by leaf_index",
                        (row, i) -> row.getBytes(1),
                        from,
                        from + count));
    }

    /**
     * Stores and appends the events committed since the tree's head, a batch at a time so that a long backlog
     * (after an import, or a checkpointer that could not run for a while) never sits in memory at once. Each batch
     * is written to {@code ledger_leaf} before the tree takes it, so a proof within this transaction can read it.
     */
    private void addNewLeaves() {
        Instant now = clock.instant();
        append(lateLeaves(now));
        List<Leaf> batch;
        do {
            batch = jdbc.query("""
                    select global_index, aggregate_identifier, sequence_number, event_hash from domain_event_entry
                    where global_index > ? order by global_index limit ?""", Leaf.ROWS, highWater, BATCH);
            for (Leaf leaf : batch) {
                long missing = leaf.position() - highWater - 1;
                if (missing > MAX_GAP) {
                    log.warn(
                            "{} positions before {} hold no event; too many to wait for, so not tracked as gaps",
                            missing,
                            leaf.position());
                } else if (missing > 0) {
                    jdbc.update(
                            "insert into ledger_gap (global_index, first_seen) "
                                    + "select generate_series(?::bigint, ?::bigint), ? on conflict do nothing",
                            highWater + 1,
                            leaf.position() - 1,
                            Timestamp.from(now));
                }
                highWater = leaf.position();
            }
            append(batch);
        } while (batch.size() == BATCH);
    }

    private void append(List<Leaf> added) {
        if (added.isEmpty()) {
            return;
        }
        long first = tree.size();
        jdbc.batchUpdate(
                "insert into ledger_leaf (leaf_index, global_index, aggregate_identifier, "
                        + "sequence_number, event_hash) values (?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Leaf leaf = added.get(i);
                        statement.setLong(1, first + i);
                        statement.setLong(2, leaf.position());
                        statement.setString(3, leaf.aggregateIdentifier());
                        statement.setLong(4, leaf.sequenceNumber());
                        statement.setBytes(5, leaf.eventHash());
                    }

                    @Override
                    public int getBatchSize() {
                        return added.size();
                    }
                });
        added.forEach(leaf -> tree.append(leaf.eventHash()));
    }

    /**
     * Events that committed late at positions the tree passed over while they were empty. Such an event joins the
     * tree only while its position is still open: for the gap timeout after the first checkpoint whose tree passed
     * over it (a signed time, so a gap row written afterwards cannot reopen it). One that appears later is not a
     * transaction that took long to commit: it is refused, counted and logged (its position only), and verification
     * reports it as inserted. The gap log itself is never changed: a filled or expired gap simply stays in it.
     */
    private List<Leaf> lateLeaves(Instant now) {
        Duration timeout = properties.gapTimeout();
        List<Leaf> candidates = jdbc.query("""
                select e.global_index, e.aggregate_identifier, e.sequence_number, e.event_hash
                from ledger_gap g join domain_event_entry e on e.global_index = g.global_index
                where not exists (select from ledger_leaf l where l.global_index = g.global_index)
                order by e.global_index""", Leaf.ROWS);
        List<Leaf> late = new ArrayList<>();
        for (Leaf leaf : candidates) {
            Instant passedOver = passedOver(leaf.position());
            if (passedOver == null || !now.isAfter(passedOver.plus(timeout))) {
                late.add(leaf);
            } else if (refusedLate.add(leaf.position())) {
                log.error(
                        "An event appeared at position {}, which the tree passed over at {}, more than the gap "
                                + "timeout ({}) later: it is not added to the tree, and verification reports it",
                        leaf.position(),
                        passedOver,
                        timeout);
            }
        }
        return late;
    }

    /** When the tree first passed over a position: the signing time of the first checkpoint holding a later one. */
    private Instant passedOver(long position) {
        return jdbc.query("""
                        select min(c.signed_at) from ledger_checkpoint c
                        where c.tree_size > (select min(leaf_index) from ledger_leaf where global_index > ?)""", (row, i) -> row.getTimestamp(1), position).stream()
                .filter(Objects::nonNull)
                .map(Timestamp::toInstant)
                .findFirst()
                .orElse(null);
    }

    /** Late events refused since start (each position counted once). */
    long lateEventsRefused() {
        return refusedLate.size();
    }

    @SuppressWarnings("ArrayRecordComponent") // a row read to be hashed, never compared or kept in a set
    record Leaf(long position, String aggregateIdentifier, long sequenceNumber, byte[] eventHash) {
        static final RowMapper<Leaf> ROWS =
                (row, i) -> new Leaf(row.getLong(1), row.getString(2), row.getLong(3), row.getBytes(4));
    }

    record StoredCheckpoint(Checkpoint checkpoint, String statement) {}

    /** The database does not extend the last checkpoint this ledger signed: nothing is signed. */
    static final class HeadNotExtended extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        HeadNotExtended(String message) {
            super(message);
        }
    }
}
