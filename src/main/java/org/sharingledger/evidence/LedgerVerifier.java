package org.sharingledger.evidence;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.evidence.api.Verification.CheckpointSummary;
import org.sharingledger.evidence.api.Verification.Kind;
import org.sharingledger.evidence.api.Verification.Problem;
import org.sharingledger.verifier.Checkpoint;
import org.sharingledger.verifier.InvalidStatement;
import org.sharingledger.verifier.Merkle;
import org.sharingledger.verifier.VerifierKey;

/**
 * Recomputes the ledger from its raw rows, trusting nothing stored but the signed checkpoints (and those only under
 * the verifier key): every event's hash from its bytes, every stream's chain, the tree's record against every
 * signed root. It reads one consistent snapshot of the database and needs only the public key.
 *
 * <ul>
 * <li>MODIFIED: an event's bytes no longer give its stored hash, or no longer the hash that was checkpointed.</li>
 * <li>MISSING: a checkpointed event is gone, or a stream skips a sequence number.</li>
 * <li>INSERTED: an event sits at a position the tree passed over (no checkpoint covers it, later events are).</li>
 * <li>OUT_OF_ORDER: a stream's events are stored out of sequence, or a position holds another event than the one
 * checkpointed there.</li>
 * <li>CHECKPOINT_MISMATCH: a checkpoint's signature does not hold, or the tree's record does not give its root.</li>
 * <li>GAP_LOG_MISMATCH: the insert-only log of gaps (positions the tree passed over while empty) was changed, cut,
 * or written to after the tree had passed the position it names.</li>
 * </ul>
 *
 * <p>An event that is not in the tree although later positions are is pending only while its position's gap is
 * open: for the gap timeout after the first checkpoint that passed over it. Later it is INSERTED, and so is an event
 * the tree took in as a late leaf more than the gap timeout after passing over its position.
 */
public final class LedgerVerifier {

    static final int MAX_PROBLEMS = 1000;
    private static final int FETCH = 2000;
    private static final int SWAP_CANDIDATES = 50;

    /** Told how far a long run has come. */
    @FunctionalInterface
    public interface Progress {
        void at(long eventsDone, long eventsTotal);

        Progress NONE = (done, total) -> {};
    }

    /** The application's default gap timeout ({@code ledger.evidence.gap-timeout}). */
    public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofMinutes(1);
    /**
     * Checkpoints are signed to the whole second and a run takes a moment: a gap record or a late leaf is judged
     * against the signed times with this much slack.
     */
    static final Duration SLACK = Duration.ofSeconds(30);
    /** A gap is recorded in the run that signs the checkpoint passing over it, to the second. */
    static final Duration GAP_SLACK = Duration.ofSeconds(2);

    /**
     * The streams whose last event a run keeps in memory, the most recently seen: about 25 MB. Keeping every stream
     * took some 200 bytes a stream, more than the heap at ten million events; the last event of a stream not kept
     * is read back from the store (in the run's snapshot) when the stream's next event comes.
     */
    static final int STREAMS_KEPT = 100_000;

    private final DataSource dataSource;
    private final VerifierKey key;
    private final Clock clock;
    private final Duration gapTimeout;
    private final int streamsKept;

    public LedgerVerifier(DataSource dataSource, VerifierKey key, Clock clock) {
        this(dataSource, key, clock, DEFAULT_GAP_TIMEOUT);
    }

    public LedgerVerifier(DataSource dataSource, VerifierKey key, Clock clock, Duration gapTimeout) {
        this(dataSource, key, clock, gapTimeout, STREAMS_KEPT);
    }

    LedgerVerifier(DataSource dataSource, VerifierKey key, Clock clock, Duration gapTimeout, int streamsKept) {
        this.dataSource = dataSource;
        this.key = key;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.streamsKept = streamsKept;
    }

    public Verification verify(Progress progress) {
        return verify(progress, null);
    }

    /**
     * Verifies the ledger, and that it still extends a checkpoint published earlier: the tree of its first
     * {@code treeSize} events must still have the published root. A statement that is well formed but not signed by
     * this ledger's key (or names another ledger) is a CHECKPOINT_MISMATCH.
     *
     * @param published a checkpoint statement (signed note) as published, or null
     * @throws InvalidStatement with reason MALFORMED when {@code published} is not a signed checkpoint at all
     */
    public Verification verify(Progress progress, String published) {
        Checkpoint checkpoint = null;
        String notOurs = null;
        if (published != null) {
            try {
                checkpoint = SignedCheckpoints.open(published, key);
                if (!checkpoint.origin().equals(key.name())) {
                    notOurs = "the published checkpoint names another ledger: " + checkpoint.origin();
                    checkpoint = null;
                }
            } catch (InvalidStatement e) {
                if (e.reason() == InvalidStatement.Reason.MALFORMED) {
                    throw e;
                }
                notOurs = "the published checkpoint is not this ledger's: " + e.getMessage();
            }
        }
        return verify(progress, checkpoint, notOurs);
    }

    private Verification verify(Progress progress, Checkpoint published, String notOurs) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Run run = new Run(connection, progress);
                run.published = published;
                if (notOurs != null) {
                    run.problem(Kind.CHECKPOINT_MISMATCH, null, null, null, notOurs);
                }
                return run.verify();
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the ledger to verify it: " + e.getMessage(), e);
        }
    }

    /** One verification: one snapshot, one pass over the tree's record, one merged pass over events and leaves. */
    private final class Run {

        private final Connection connection;
        private final Progress progress;
        private final EventHashes hashes = new EventHashes();
        private final List<Problem> problems = new ArrayList<>();
        private long problemCount;
        /** The last event seen of the streams seen most recently; see {@link #STREAMS_KEPT}. */
        private final Map<String, Link> streams = new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                return size() > streamsKept;
            }
        };

        private PreparedStatement lastStored;
        private PreparedStatement checkedLeaf;
        private final List<Event> modified = new ArrayList<>();
        private final Set<Long> gaps = new HashSet<>();
        private final Set<Long> recordedGaps = new HashSet<>();
        /** Leaves that raised the tree's highest position, in leaf order: when the tree passed over a position. */
        private final PositionRecords highs = new PositionRecords();
        /** Late leaves taken in after their position's gap had closed: position to what to say. */
        private final Map<Long, String> lateAdoptions = new HashMap<>();

        private Instant now;
        /** A checkpoint published earlier, which the tree's record must still extend; null when none was given. */
        private Checkpoint published;

        private List<Checkpoint> checkpoints = List.of();
        private long uncheckpointed;

        Run(Connection connection, Progress progress) {
            this.connection = connection;
            this.progress = progress;
        }

        Verification verify() throws SQLException {
            Instant started = clock.instant();
            now = started;
            long t0 = System.nanoTime();
            checkpoints = signedCheckpoints();
            treeRecordAgainstCheckpoints();
            gapLog();
            long total = single("select count(*) from domain_event_entry");
            long events;
            try {
                events = eventsAgainstLeaves(total);
            } finally {
                closeLookups();
            }
            identifySwaps();
            long nanos = Math.max(1, System.nanoTime() - t0);
            Checkpoint latest = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
            problems.sort(Comparator.comparing((Problem p) -> p.position() == null ? Long.MAX_VALUE : p.position()));
            return new Verification(
                    problemCount == 0,
                    events,
                    events * 1_000_000_000L / nanos,
                    latest == null
                            ? null
                            : new CheckpointSummary(
                                    latest.treeSize(),
                                    Base64.getEncoder().encodeToString(latest.rootHash()),
                                    latest.signedAt()),
                    checkpoints.size(),
                    uncheckpointed,
                    List.copyOf(problems),
                    Math.max(0, problemCount - problems.size()),
                    started,
                    Duration.ofNanos(nanos).toMillis(),
                    key.text());
        }

        /** Every checkpoint row must be a statement signed by the verifier key that says what its columns say. */
        private List<Checkpoint> signedCheckpoints() throws SQLException {
            List<Checkpoint> valid = new ArrayList<>();
            query(
                    "select tree_size, root_hash, signed_at, statement from ledger_checkpoint order by tree_size",
                    row -> {
                        long size = row.getLong(1);
                        try {
                            Checkpoint signed = SignedCheckpoints.open(row.getString(4), key);
                            if (signed.treeSize() != size
                                    || !Arrays.equals(signed.rootHash(), row.getBytes(2))
                                    || !signed.signedAt()
                                            .equals(row.getTimestamp(3).toInstant())) {
                                problem(
                                        Kind.CHECKPOINT_MISMATCH,
                                        null,
                                        null,
                                        null,
                                        "checkpoint of tree size " + size
                                                + ": its stored size, root or time differ from its signed statement");
                            } else if (!signed.origin().equals(key.name())) {
                                problem(
                                        Kind.CHECKPOINT_MISMATCH,
                                        null,
                                        null,
                                        null,
                                        "checkpoint of tree size " + size + " names another ledger: "
                                                + signed.origin());
                            } else {
                                valid.add(signed);
                            }
                        } catch (RuntimeException e) {
                            problem(
                                    Kind.CHECKPOINT_MISMATCH,
                                    null,
                                    null,
                                    null,
                                    "checkpoint of tree size " + size + " does not verify: " + e.getMessage());
                        }
                    });
            return valid;
        }

        /** Rebuilds each signed root from the tree's record of leaves, in leaf order. */
        private void treeRecordAgainstCheckpoints() throws SQLException {
            RootAccumulator tree = new RootAccumulator();
            int[] next = {0};
            long[] expected = {0};
            long[] highest = {-1};
            query("select leaf_index, event_hash, global_index from ledger_leaf order by leaf_index", row -> {
                long index = row.getLong(1);
                long position = row.getLong(3);
                if (position > highest[0]) {
                    highest[0] = position;
                    highs.add(index, position);
                } else {
                    lateLeaf(index, position);
                }
                if (index != expected[0]) {
                    problem(
                            Kind.CHECKPOINT_MISMATCH,
                            null,
                            null,
                            null,
                            "the tree's record skips from leaf " + (expected[0] - 1) + " to leaf " + index);
                }
                expected[0] = index + 1;
                tree.append(row.getBytes(2));
                if (published != null && published.treeSize() == tree.size()) {
                    comparePublished(tree.root());
                }
                while (next[0] < checkpoints.size() && checkpoints.get(next[0]).treeSize() == tree.size()) {
                    compareRoot(checkpoints.get(next[0]++), tree.root(), previousSize(next[0] - 1));
                }
            });
            if (published != null && published.treeSize() == 0) {
                comparePublished(Merkle.emptyRoot());
            } else if (published != null && published.treeSize() > tree.size()) {
                problem(
                        Kind.CHECKPOINT_MISMATCH,
                        null,
                        null,
                        null,
                        "the published checkpoint of " + published.treeSize() + " events (signed "
                                + published.signedAt() + ") covers more events than the tree's record holds ("
                                + tree.size() + "): the ledger was rolled back, or events were removed");
            }
            for (int i = next[0]; i < checkpoints.size(); i++) {
                Checkpoint checkpoint = checkpoints.get(i);
                if (checkpoint.treeSize() == 0) {
                    compareRoot(checkpoint, Merkle.emptyRoot(), 0);
                } else {
                    problem(
                            Kind.CHECKPOINT_MISMATCH,
                            null,
                            null,
                            null,
                            "checkpoint of tree size "
                                    + checkpoint.treeSize() + " covers more events than the tree's record holds ("
                                    + tree.size() + "): leaves were removed");
                }
            }
        }

        /** A leaf whose position the tree had passed over: it must have joined while that position's gap was open. */
        private void lateLeaf(long leafIndex, long position) {
            Instant passedOver = passedOver(position);
            Instant joined = signedTimeCovering(leafIndex);
            if (passedOver != null
                    && joined != null
                    && joined.isAfter(passedOver.plus(gapTimeout).plus(SLACK))) {
                lateAdoptions.put(
                        position,
                        "this event joined the tree as leaf " + leafIndex + " (checkpoint signed " + joined
                                + ") although the tree passed over its position at " + passedOver
                                + ", more than the gap timeout (" + gapTimeout + ") before: it was put in afterwards");
            }
        }

        /** When the tree first passed over a position: the time of the first checkpoint holding a later one. */
        private Instant passedOver(long position) {
            long leafIndex = highs.firstLeafAbove(position);
            return leafIndex < 0 ? null : signedTimeCovering(leafIndex);
        }

        /** The signing time of the first valid checkpoint whose tree holds this leaf; null when none does yet. */
        private Instant signedTimeCovering(long leafIndex) {
            int low = 0;
            int high = checkpoints.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (checkpoints.get(middle).treeSize() > leafIndex) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low < checkpoints.size() ? checkpoints.get(low).signedAt() : null;
        }

        /**
         * The gap log is a chain (V2026.12.01.50__gap_log_insert_only.sql): each row's hash covers the previous
         * row's. A row must also have been written when the tree passed over its position, not afterwards. Gaps
         * that are well formed and still within the gap timeout are the positions a late event may yet fill.
         */
        private void gapLog() throws SQLException {
            MessageDigest sha256 = Merkle.sha256();
            byte[][] previous = {EventHashes.genesis()};
            long[] expected = {0};
            query("select gap_index, global_index, first_seen, gap_hash from ledger_gap order by gap_index", row -> {
                long index = row.getLong(1);
                long position = row.getLong(2);
                Instant firstSeen = row.getTimestamp(3).toInstant();
                byte[] stored = row.getBytes(4);
                recordedGaps.add(position);
                boolean skipped = index != expected[0];
                if (skipped) {
                    problem(
                            Kind.GAP_LOG_MISMATCH,
                            position,
                            null,
                            null,
                            "the gap log skips from record " + (expected[0] - 1) + " to record " + index
                                    + ": records were removed");
                }
                expected[0] = index + 1;
                sha256.reset();
                sha256.update(previous[0]);
                sha256.update(ByteBuffer.allocate(24)
                        .putLong(index)
                        .putLong(position)
                        .putLong(Math.addExact(
                                Math.multiplyExact(firstSeen.getEpochSecond(), 1_000_000L), firstSeen.getNano() / 1000))
                        .array());
                boolean intact = Arrays.equals(sha256.digest(), stored);
                if (!intact && !skipped) {
                    problem(
                            Kind.GAP_LOG_MISMATCH,
                            position,
                            null,
                            null,
                            "gap record " + index + " no longer gives its hash: it was changed after it was written");
                }
                previous[0] = stored;
                Instant passedOver = passedOver(position);
                if (passedOver == null || firstSeen.isAfter(passedOver.plus(GAP_SLACK))) {
                    problem(
                            Kind.GAP_LOG_MISMATCH,
                            position,
                            null,
                            null,
                            "gap record " + index + " was written at " + firstSeen + ", "
                                    + (passedOver == null
                                            ? "but the tree has not passed over this position"
                                            : "after the tree had passed over this position (at " + passedOver + ")"));
                } else if (intact && !now.isAfter(passedOver.plus(gapTimeout))) {
                    gaps.add(position);
                }
            });
        }

        private void comparePublished(byte[] root) {
            if (!Arrays.equals(published.rootHash(), root)) {
                problem(
                        Kind.CHECKPOINT_MISMATCH,
                        null,
                        null,
                        null,
                        "the ledger no longer extends the published checkpoint of " + published.treeSize()
                                + " events (signed " + published.signedAt() + "): the tree of its first "
                                + published.treeSize() + " events has another root");
            }
        }

        private long previousSize(int index) {
            return index == 0 ? 0 : checkpoints.get(index - 1).treeSize();
        }

        private void compareRoot(Checkpoint checkpoint, byte[] root, long previousSize) {
            if (!Arrays.equals(checkpoint.rootHash(), root)) {
                problem(
                        Kind.CHECKPOINT_MISMATCH,
                        null,
                        null,
                        null,
                        "the tree of the first " + checkpoint.treeSize()
                                + " events no longer has the root signed at " + checkpoint.signedAt()
                                + ": its record was altered among leaves " + previousSize + " to "
                                + (checkpoint.treeSize() - 1));
            }
        }

        /** Store order: events and the tree's leaves merged by position, each event rehashed and chained. */
        private long eventsAgainstLeaves(long total) throws SQLException {
            long lastLeafPosition = single("select coalesce(max(global_index), 0) from ledger_leaf");
            long checkpointed = checkpoints.isEmpty()
                    ? 0
                    : checkpoints.get(checkpoints.size() - 1).treeSize();
            try (PreparedStatement leafQuery = connection.prepareStatement(
                            "select global_index, leaf_index, "
                                    + "aggregate_identifier, sequence_number, event_hash from ledger_leaf order by global_index");
                    PreparedStatement eventQuery = connection.prepareStatement("select global_index, "
                            + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                            + "payload_revision, payload, meta_data, event_hash from domain_event_entry "
                            + "order by global_index")) {
                leafQuery.setFetchSize(FETCH);
                eventQuery.setFetchSize(FETCH);
                binary(leafQuery);
                binary(eventQuery);
                try (ResultSet leaves = leafQuery.executeQuery();
                        ResultSet events = eventQuery.executeQuery()) {
                    Leaf leaf = Leaf.next(leaves);
                    Event event = Event.next(events);
                    long done = 0;
                    while (leaf != null || event != null) {
                        if (event == null || (leaf != null && leaf.position < event.position)) {
                            problem(
                                    Kind.MISSING,
                                    leaf.position,
                                    leaf.aggregateIdentifier,
                                    leaf.sequenceNumber,
                                    "this event was checkpointed (leaf " + leaf.index + ") and is no longer stored");
                            streams.put(leaf.aggregateIdentifier, new Link(leaf.sequenceNumber, leaf.eventHash));
                            leaf = Leaf.next(leaves);
                            continue;
                        }
                        if (leaf == null || event.position < leaf.position) {
                            check(event, null);
                            if (event.position < lastLeafPosition && !gaps.contains(event.position)) {
                                problem(
                                        Kind.INSERTED,
                                        event.position,
                                        event.aggregateIdentifier,
                                        event.sequenceNumber,
                                        gapRecorded(event.position)
                                                ? "this event appeared after its position's gap had closed (the "
                                                        + "tree passed over it more than the gap timeout, "
                                                        + gapTimeout + ", before): it was put in afterwards"
                                                : "no checkpoint covers this event although the tree "
                                                        + "already holds later positions: it was put in afterwards");
                            } else {
                                uncheckpointed++;
                            }
                        } else {
                            check(event, leaf);
                            String late = lateAdoptions.get(leaf.position);
                            if (late != null) {
                                problem(
                                        Kind.INSERTED,
                                        event.position,
                                        event.aggregateIdentifier,
                                        event.sequenceNumber,
                                        late);
                            }
                            if (leaf.index >= checkpointed) {
                                uncheckpointed++;
                            }
                            leaf = Leaf.next(leaves);
                        }
                        event = Event.next(events);
                        if (++done % 10_000 == 0) {
                            progress.at(done, total);
                        }
                    }
                    progress.at(done, total);
                    return done;
                }
            }
        }

        private boolean gapRecorded(long position) {
            return recordedGaps.contains(position);
        }

        private void check(Event event, Leaf leaf) throws SQLException {
            Link link = streams.get(event.aggregateIdentifier);
            if (link == null && event.sequenceNumber > 0) {
                link = lastStoredBefore(event);
            }
            byte[] previous = null;
            if (event.sequenceNumber == 0 && link == null) {
                previous = EventHashes.genesis();
            } else if (link != null && link.sequenceNumber == event.sequenceNumber - 1) {
                previous = link.eventHash;
            } else if (link != null && link.sequenceNumber >= event.sequenceNumber) {
                problem(
                        Kind.OUT_OF_ORDER,
                        event.position,
                        event.aggregateIdentifier,
                        event.sequenceNumber,
                        "stored after event " + link.sequenceNumber + " of its stream");
            } else {
                long from = link == null ? 0 : link.sequenceNumber + 1;
                problem(
                        Kind.MISSING,
                        event.position,
                        event.aggregateIdentifier,
                        event.sequenceNumber,
                        (from == event.sequenceNumber - 1
                                        ? "event " + from
                                        : "events " + from + " to " + (event.sequenceNumber - 1))
                                + " of this stream, which this event follows, "
                                + (from == event.sequenceNumber - 1 ? "is" : "are") + " not stored");
            }
            boolean reported = false;
            if (previous != null) {
                byte[] recomputed = hashes.hash(
                        previous,
                        event.eventIdentifier,
                        event.aggregateIdentifier,
                        event.sequenceNumber,
                        event.type,
                        event.timeStamp,
                        event.payloadType,
                        event.payloadRevision,
                        event.payload,
                        event.metaData);
                event.previous = previous;
                if (!Arrays.equals(recomputed, event.eventHash)) {
                    problem(
                            Kind.MODIFIED,
                            event.position,
                            event.aggregateIdentifier,
                            event.sequenceNumber,
                            "its stored bytes no longer give its hash");
                    reported = true;
                    if (modified.size() < SWAP_CANDIDATES) {
                        modified.add(event);
                    }
                }
            }
            if (leaf != null && !reported) {
                if (!leaf.aggregateIdentifier.equals(event.aggregateIdentifier)
                        || leaf.sequenceNumber != event.sequenceNumber) {
                    problem(
                            Kind.OUT_OF_ORDER,
                            event.position,
                            event.aggregateIdentifier,
                            event.sequenceNumber,
                            "this position was checkpointed holding event " + leaf.sequenceNumber + " of stream "
                                    + leaf.aggregateIdentifier);
                } else if (!Arrays.equals(leaf.eventHash, event.eventHash)) {
                    problem(
                            Kind.MODIFIED,
                            event.position,
                            event.aggregateIdentifier,
                            event.sequenceNumber,
                            "this event and its hash were changed after it was checkpointed (leaf " + leaf.index + ")");
                }
            }
            streams.put(event.aggregateIdentifier, new Link(event.sequenceNumber, event.eventHash));
        }

        /**
         * The last event of the stream stored before this one, for a stream no longer kept in memory: what the run
         * saw of it, as it read the store in order in the same snapshot.
         */
        private Link lastStoredBefore(Event event) throws SQLException {
            if (lastStored == null) {
                lastStored = connection.prepareStatement("""
                        select sequence_number, event_hash from domain_event_entry
                        where aggregate_identifier = ? and global_index < ?
                        order by global_index desc limit 1""");
            }
            lastStored.setString(1, event.aggregateIdentifier);
            lastStored.setLong(2, event.position);
            Link stored;
            try (ResultSet row = lastStored.executeQuery()) {
                stored = row.next() ? new Link(row.getLong(1), row.getBytes(2)) : null;
            }
            if (stored != null && stored.sequenceNumber == event.sequenceNumber - 1) {
                return stored;
            }
            // The event before is not stored: the run chained on from its leaf, if the tree holds it (rare, and
            // ledger_leaf has no index by stream, so only on this path).
            if (checkedLeaf == null) {
                checkedLeaf = connection.prepareStatement("""
                        select sequence_number, event_hash from ledger_leaf
                        where aggregate_identifier = ? and sequence_number = ? and global_index < ?""");
            }
            checkedLeaf.setString(1, event.aggregateIdentifier);
            checkedLeaf.setLong(2, event.sequenceNumber - 1);
            checkedLeaf.setLong(3, event.position);
            try (ResultSet row = checkedLeaf.executeQuery()) {
                return row.next() ? new Link(row.getLong(1), row.getBytes(2)) : stored;
            }
        }

        private void closeLookups() throws SQLException {
            if (lastStored != null) {
                lastStored.close();
            }
            if (checkedLeaf != null) {
                checkedLeaf.close();
            }
        }

        /** Two modified events whose payloads were exchanged: say so, rather than two unexplained changes. */
        private void identifySwaps() {
            for (Event a : modified) {
                for (Event b : modified) {
                    if (a != b
                            && a.previous != null
                            && Arrays.equals(
                                    a.eventHash,
                                    hashes.hash(
                                            a.previous,
                                            a.eventIdentifier,
                                            a.aggregateIdentifier,
                                            a.sequenceNumber,
                                            a.type,
                                            a.timeStamp,
                                            a.payloadType,
                                            a.payloadRevision,
                                            b.payload,
                                            a.metaData))) {
                        for (int i = 0; i < problems.size(); i++) {
                            Problem p = problems.get(i);
                            if (p.kind() == Kind.MODIFIED && a.position == p.position()) {
                                problems.set(
                                        i,
                                        new Problem(
                                                Kind.MODIFIED,
                                                p.position(),
                                                p.aggregateIdentifier(),
                                                p.sequenceNumber(),
                                                "its payload is the one stored at position " + b.position
                                                        + ", and that event holds another: the two payloads were swapped"));
                            }
                        }
                    }
                }
            }
        }

        private void problem(Kind kind, Long position, String stream, Long sequence, String detail) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(kind, position, stream, sequence, detail));
            }
        }

        private long single(String sql) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql);
                    ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }

        private void query(String sql, RowHandler handler) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH);
                binary(statement);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        handler.handle(row);
                    }
                }
            }
        }
    }

    /**
     * Rows in PostgreSQL's binary format: payloads arrive as bytes rather than as hexadecimal text to decode, which
     * makes verification about twice as fast.
     */
    private static void binary(PreparedStatement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(-1);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet row) throws SQLException;
    }

    @SuppressWarnings("ArrayRecordComponent") // a row read to be hashed, never compared or kept in a set
    private record Link(long sequenceNumber, byte[] eventHash) {}

    private static final class Leaf {
        long position;
        long index;
        String aggregateIdentifier;
        long sequenceNumber;
        byte[] eventHash;

        static Leaf next(ResultSet rows) throws SQLException {
            if (!rows.next()) {
                return null;
            }
            Leaf leaf = new Leaf();
            leaf.position = rows.getLong(1);
            leaf.index = rows.getLong(2);
            leaf.aggregateIdentifier = rows.getString(3);
            leaf.sequenceNumber = rows.getLong(4);
            leaf.eventHash = rows.getBytes(5);
            return leaf;
        }
    }

    private static final class Event {
        long position;
        String eventIdentifier;
        String aggregateIdentifier;
        long sequenceNumber;
        String type;
        String timeStamp;
        String payloadType;
        String payloadRevision;
        byte[] payload;
        byte[] metaData;
        byte[] eventHash;
        byte[] previous;

        static Event next(ResultSet rows) throws SQLException {
            if (!rows.next()) {
                return null;
            }
            Event event = new Event();
            event.position = rows.getLong(1);
            event.eventIdentifier = rows.getString(2);
            event.aggregateIdentifier = rows.getString(3);
            event.sequenceNumber = rows.getLong(4);
            event.type = rows.getString(5);
            event.timeStamp = rows.getString(6);
            event.payloadType = rows.getString(7);
            event.payloadRevision = rows.getString(8);
            event.payload = rows.getBytes(9);
            event.metaData = rows.getBytes(10);
            event.eventHash = rows.getBytes(11);
            return event;
        }
    }

    /** Leaf index and position of each leaf that raised the tree's highest position, both ascending. */
    private static final class PositionRecords {
        private long[] leaves = new long[1024];
        private long[] positions = new long[1024];
        private int size;

        void add(long leafIndex, long position) {
            if (size == leaves.length) {
                leaves = Arrays.copyOf(leaves, size * 2);
                positions = Arrays.copyOf(positions, size * 2);
            }
            leaves[size] = leafIndex;
            positions[size] = position;
            size++;
        }

        /** The first leaf (so far) whose position is above this one, or -1. */
        long firstLeafAbove(long position) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (positions[middle] > position) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low < size ? leaves[low] : -1;
        }
    }
}
