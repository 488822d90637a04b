package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.evidence.api.Verification.Kind;
import org.sharingledger.evidence.api.Verification.Problem;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.verifier.Checkpoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Someone with a superuser connection, which bypasses the append-only triggers, changes the stored ledger; the
 * verification says exactly what was done and where. Each test tampers with a ledger of its own ({@link LedgerCopy})
 * holding three requests: A (requested, refused, escalated), B (requested, shared) and C (requested).
 */
class TamperEvidenceIT extends IntegrationTest {

    /** Forget gaps at once: a position the tree passed over is then final. */
    private static final Duration NO_GAP_WAIT = Duration.ofMillis(-1);

    @Autowired
    private LedgerKey key;

    private String a;
    private String b;
    private String c;
    private LedgerCopy copy;

    @BeforeEach
    void threeRequests() {
        Scenario.Parties p = scenario.parties();
        a = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        b = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        c = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + a + "/refusal", Scenario.refusal())
                        .status())
                .isEqualTo(200);
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + b + "/share", Scenario.share("FULL"))
                        .status())
                .isEqualTo(200);
        assertThat(http.as(p.requesterPractitioner())
                        .post(
                                "/api/requests/" + a + "/escalations",
                                Map.of("stage", "LINE_MANAGER", "reason", "The police hold what we need"))
                        .status())
                .isEqualTo(200);
    }

    @AfterEach
    void dropCopy() {
        if (copy != null) {
            copy.close();
        }
    }

    private LedgerCopy checkpointedCopy() {
        copy = LedgerCopy.of(jdbc, List.of(a, b, c), key, NO_GAP_WAIT);
        copy.checkpointer().checkpoint();
        return copy;
    }

    @Test
    void anUntouchedLedgerVerifies() {
        Verification result = checkpointedCopy().verify();

        assertThat(result.problems()).isEmpty();
        assertThat(result.verified()).isTrue();
        assertThat(result.events()).isEqualTo(6);
        assertThat(result.checkpoint().treeSize()).isEqualTo(6);
        assertThat(result.uncheckpointedEvents()).isZero();
    }

    @Test
    void oneChangedByteOfAPayloadIsReportedAsModifiedAtThatEvent() {
        LedgerCopy ledger = checkpointedCopy();
        long refusal = ledger.position(a, 1);

        ledger.superuser()
                .update(
                        "update domain_event_entry set payload = overlay(payload placing '\\x58' from 20 "
                                + "for 1) where global_index = ?",
                        refusal);

        assertThat(ledger.verify().problems())
                .singleElement()
                .satisfies(problem -> isAt(problem, Kind.MODIFIED, refusal, a, 1));
    }

    @Test
    void aDeletedEventIsReportedAsMissingAtItsPosition() {
        LedgerCopy ledger = checkpointedCopy();
        long refusal = ledger.position(a, 1);

        ledger.superuser().update("delete from domain_event_entry where global_index = ?", refusal);

        Verification result = ledger.verify();
        assertThat(result.verified()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> isAt(problem, Kind.MISSING, refusal, a, 1));
    }

    @Test
    void aVerifierKeepingOneStreamInMemoryReadsTheOthersBackAndReportsTheSame() {
        LedgerCopy ledger = checkpointedCopy();
        assertThat(ledger.verifyKeeping(1).problems()).isEmpty();
        long refusal = ledger.position(a, 1);
        long sharing = ledger.position(b, 1);

        ledger.superuser().update("delete from domain_event_entry where global_index = ?", refusal);
        ledger.superuser()
                .update(
                        "update domain_event_entry set payload = overlay(payload placing '\\x58' from 20 "
                                + "for 1) where global_index = ?",
                        sharing);

        List<Problem> problems = ledger.verifyKeeping(1).problems();
        assertThat(problems).hasSize(2);
        isAt(problems.get(0), Kind.MISSING, refusal, a, 1);
        isAt(problems.get(1), Kind.MODIFIED, sharing, b, 1);
        assertThat(ledger.verify().problems()).usingRecursiveComparison().isEqualTo(problems);
    }

    @Test
    void aForgedEventWithTheNextSequenceNumberIsReportedAsInserted() {
        copy = LedgerCopy.of(jdbc, List.of(a, b), key, NO_GAP_WAIT);
        long free = copy.jdbc().queryForObject("select nextval('domain_event_entry_global_index_seq')", Long.class);
        copy.append(List.of(c));
        copy.checkpointer().checkpoint();
        assertThat(copy.verify().verified()).isTrue();

        // A well-formed event continuing stream A (sequence 3 after the escalation), correctly chained to A's last
        // hash, placed in the free position: everything about it looks right except that no checkpoint covers it.
        Map<String, Object> template = copy.event(copy.position(b, 1));
        byte[] previous = (byte[]) copy.event(copy.position(a, 2)).get("event_hash");
        String eventId = UUID.randomUUID().toString();
        byte[] hash = new EventHashes()
                .hash(
                        previous,
                        eventId,
                        a,
                        3,
                        "SharingRequest",
                        (String) template.get("time_stamp"),
                        (String) template.get("payload_type"),
                        (String) template.get("payload_revision"),
                        (byte[]) template.get("payload"),
                        (byte[]) template.get("meta_data"));
        copy.superuser()
                .update(
                        """
                insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type, event_hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, 3, 'SharingRequest', ?)""",
                        free,
                        eventId,
                        template.get("meta_data"),
                        template.get("payload"),
                        template.get("payload_revision"),
                        template.get("payload_type"),
                        template.get("time_stamp"),
                        a,
                        hash);

        assertThat(copy.verify().problems())
                .singleElement()
                .satisfies(problem -> isAt(problem, Kind.INSERTED, free, a, 3));
    }

    @Test
    void swappedPayloadsAreReportedAtBothEventsAsSwapped() {
        LedgerCopy ledger = checkpointedCopy();
        long first = ledger.position(a, 0);
        long second = ledger.position(b, 0);
        JdbcTemplate superuser = ledger.superuser();

        superuser.update("""
                update domain_event_entry e set payload = o.payload
                from domain_event_entry o
                where (e.global_index, o.global_index) in ((?, ?), (?, ?))""", first, second, second, first);

        List<Problem> problems = ledger.verify().problems();
        assertThat(problems).hasSize(2);
        isAt(problems.get(0), Kind.MODIFIED, first, a, 0);
        isAt(problems.get(1), Kind.MODIFIED, second, b, 0);
        assertThat(problems.get(0).detail()).contains("swapped").contains("position " + second);
        assertThat(problems.get(1).detail()).contains("swapped").contains("position " + first);
    }

    @Test
    void twoEventsExchangingPositionsAreReportedOutOfOrder() {
        LedgerCopy ledger = checkpointedCopy();
        long first = ledger.position(b, 0);
        long second = ledger.position(c, 0);
        JdbcTemplate superuser = ledger.superuser();

        superuser.update("update domain_event_entry set global_index = -1 where global_index = ?", first);
        superuser.update("update domain_event_entry set global_index = ? where global_index = ?", first, second);
        superuser.update("update domain_event_entry set global_index = ? where global_index = -1", second);

        List<Problem> problems = ledger.verify().problems();
        assertThat(problems).hasSize(2);
        isAt(problems.get(0), Kind.OUT_OF_ORDER, first, c, 0);
        isAt(problems.get(1), Kind.OUT_OF_ORDER, second, b, 0);
        assertThat(problems.get(0).detail()).contains("event 0 of stream " + b);
    }

    @Test
    void anAlteredCheckpointIsReportedAsACheckpointMismatch() {
        LedgerCopy ledger = checkpointedCopy();
        Checkpoint signed = ledger.checkpointer().latest().orElseThrow().checkpoint();
        String root = Base64.getEncoder().encodeToString(signed.rootHash());
        String forgedRoot = Base64.getEncoder().encodeToString(new byte[32]);

        ledger.superuser()
                .update(
                        "update ledger_checkpoint set statement = replace(statement, ?, ?), root_hash = ?",
                        root,
                        forgedRoot,
                        new byte[32]);

        Verification result = ledger.verify();
        assertThat(result.verified()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
            assertThat(problem.detail()).contains("tree size 6").contains("does not verify");
        });
    }

    @Test
    void rewritingEventsHashesAndTreeConsistentlyStillBreaksTheSignedRoot() {
        LedgerCopy ledger = checkpointedCopy();
        JdbcTemplate superuser = ledger.superuser();
        long refusal = ledger.position(a, 1);
        long escalation = ledger.position(a, 2);
        superuser.update(
                "update domain_event_entry set payload = overlay(payload placing '\\x58' from 20 for 1) "
                        + "where global_index = ?",
                refusal);
        for (long position : List.of(refusal, escalation)) {
            Map<String, Object> event = ledger.event(position);
            byte[] previous = (byte[]) ledger.jdbc()
                    .queryForObject(
                            "select event_hash from domain_event_entry "
                                    + "where aggregate_identifier = ? and sequence_number = ?",
                            byte[].class,
                            a,
                            (Long) event.get("sequence_number") - 1);
            byte[] hash = new EventHashes()
                    .hash(
                            previous,
                            (String) event.get("event_identifier"),
                            a,
                            (Long) event.get("sequence_number"),
                            (String) event.get("type"),
                            (String) event.get("time_stamp"),
                            (String) event.get("payload_type"),
                            (String) event.get("payload_revision"),
                            (byte[]) event.get("payload"),
                            (byte[]) event.get("meta_data"));
            superuser.update("update domain_event_entry set event_hash = ? where global_index = ?", hash, position);
            superuser.update("update ledger_leaf set event_hash = ? where global_index = ?", hash, position);
        }

        assertThat(ledger.verify().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
            assertThat(problem.detail()).contains("first 6 events").contains("leaves 0 to 5");
        });
    }

    @Test
    void anEventCommittedLateJoinsTheTreeAsTheNextLeafAndTheLedgerStillVerifies() throws SQLException {
        copy = LedgerCopy.of(jdbc, List.of(a), key, Duration.ofMinutes(1));
        Map<String, Object> template = copy.event(copy.position(a, 0));
        String lateStream = "late-" + UUID.randomUUID();
        try (Connection late = copy.dataSource().getConnection()) {
            late.setAutoCommit(false);
            new JdbcTemplate(new SingleConnectionDataSource(late, true))
                    .update(
                            """
                    insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    values (?, ?, ?, ?, ?, ?, ?, 0, 'SharingRequest')""",
                            UUID.randomUUID().toString(),
                            template.get("meta_data"),
                            template.get("payload"),
                            template.get("payload_revision"),
                            template.get("payload_type"),
                            template.get("time_stamp"),
                            lateStream);
            copy.append(List.of(b));
            copy.checkpointer().checkpoint();
            assertThat(copy.jdbc().queryForObject("select count(*) from ledger_gap", Long.class))
                    .isEqualTo(1);
            late.commit();
        }
        copy.checkpointer().checkpoint();

        Verification result = copy.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(result.checkpoint().treeSize()).isEqualTo(6);
        long latePosition = copy.position(lateStream, 0);
        assertThat(latePosition).isLessThan(copy.position(b, 0));
        assertThat(copy.jdbc()
                        .queryForObject(
                                "select leaf_index from ledger_leaf where global_index = ?", Long.class, latePosition))
                .as("the late event is the last leaf")
                .isEqualTo(5);
    }

    private static void isAt(Problem problem, Kind kind, long position, String stream, long sequence) {
        assertThat(problem.kind()).as(problem.toString()).isEqualTo(kind);
        assertThat(problem.position()).as(problem.toString()).isEqualTo(position);
        assertThat(problem.aggregateIdentifier()).isEqualTo(stream);
        assertThat(problem.sequenceNumber()).isEqualTo(sequence);
    }
}
