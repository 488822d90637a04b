package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The log of gaps (positions the tree passed over while no committed event held them) is evidence too: the ledger's
 * own database role can add to it but not change it, its rows are chained, and a gap cannot be reopened by writing a
 * row for an old position: an event that appears there is reported, never taken into the tree. Each test works on a
 * ledger of its own ({@link LedgerCopy}) holding request A (requested, refused, escalated), then B (requested,
 * shared).
 */
class GapLogEvidenceIT extends IntegrationTest {

    /** Forget gaps at once: a position the tree passed over is then final. */
    private static final Duration NO_GAP_WAIT = Duration.ofMillis(-1);

    @Autowired
    private LedgerKey key;

    private String a;
    private String b;
    private LedgerCopy copy;

    @BeforeEach
    void twoRequests() {
        Scenario.Parties p = scenario.parties();
        a = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        b = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
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

    /** A's events, then a position left empty (a transaction that rolled back), then B's; checkpointed. */
    private long ledgerWithAGap(Duration gapTimeout) {
        return ledgerWithAGap(gapTimeout, Clock.systemUTC());
    }

    private long ledgerWithAGap(Duration gapTimeout, Clock checkpointedAt) {
        copy = LedgerCopy.of(jdbc, List.of(a), key, gapTimeout);
        long free = copy.jdbc().queryForObject("select nextval('domain_event_entry_global_index_seq')", Long.class);
        copy.append(List.of(b));
        copy.checkpointer(checkpointedAt, gapTimeout).checkpoint();
        return free;
    }

    @Test
    void theLedgersOwnRoleCannotChangeOrRemoveAGapRecord() {
        long free = ledgerWithAGap(Duration.ofMinutes(1));
        JdbcTemplate app = copy.jdbc();
        assertThat(app.queryForObject("select count(*) from ledger_gap where global_index = ?", Long.class, free))
                .isEqualTo(1);

        for (String change :
                List.of("update ledger_gap set first_seen = now()", "delete from ledger_gap", "truncate ledger_gap")) {
            assertThatThrownBy(() -> app.update(change)).as(change).rootCause().hasMessageContaining("append-only");
        }
        assertThat(app.queryForObject("select count(*) from ledger_gap", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aGapWrittenForAnOldPositionDoesNotLetAnEventInThere() {
        long free = ledgerWithAGap(NO_GAP_WAIT);
        JdbcTemplate app = copy.jdbc();
        Map<String, Object> template = copy.event(copy.position(b, 1));

        // What the ledger's own role can do: record the old position as a fresh gap (unless its record is still
        // there), then store an event there that continues stream A (its trigger chains it), as if a transaction
        // had only now committed.
        app.update("insert into ledger_gap (global_index, first_seen) values (?, now()) on conflict do nothing", free);
        app.update(
                """
                insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                values (?, ?, ?, ?, ?, ?, ?, ?, 3, 'SharingRequest')""",
                free,
                UUID.randomUUID().toString(),
                template.get("meta_data"),
                template.get("payload"),
                template.get("payload_revision"),
                template.get("payload_type"),
                template.get("time_stamp"),
                a);
        copy.checkpointer().checkpoint();

        assertThat(app.queryForObject("select count(*) from ledger_leaf where global_index = ?", Long.class, free))
                .as("the event at the old position is not in the tree")
                .isZero();
        assertThat(copy.checkpointer().lateEventsRefused()).isEqualTo(1);
        Verification result = copy.verify();
        assertThat(result.verified()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            isAt(problem, Kind.INSERTED, free, a, 3);
            assertThat(problem.detail()).contains("after its position's gap had closed");
        });
    }

    @Test
    void aChangedOrRemovedGapRecordBreaksTheGapLogsChain() {
        copy = LedgerCopy.of(jdbc, List.of(a), key, Duration.ofMinutes(1));
        List<Long> free = List.of(
                copy.jdbc().queryForObject("select nextval('domain_event_entry_global_index_seq')", Long.class),
                copy.jdbc().queryForObject("select nextval('domain_event_entry_global_index_seq')", Long.class));
        copy.append(List.of(b));
        copy.checkpointer().checkpoint();
        assertThat(copy.verify().problems()).isEmpty();

        copy.superuser()
                .update(
                        "update ledger_gap set first_seen = first_seen - interval '1 second' where global_index = ?",
                        free.get(0));
        assertThat(copy.verify().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.GAP_LOG_MISMATCH);
            assertThat(problem.position()).isEqualTo(free.get(0));
            assertThat(problem.detail()).contains("changed after it was written");
        });

        copy.superuser().update("delete from ledger_gap where global_index = ?", free.get(0));
        assertThat(copy.verify().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.GAP_LOG_MISMATCH);
            assertThat(problem.position()).isEqualTo(free.get(1));
            assertThat(problem.detail()).contains("records were removed");
        });
    }

    @Test
    void aLateLeafTakenInLongAfterTheTreePassedItsPositionIsReportedAsInserted() throws SQLException {
        long free = ledgerWithAGap(Duration.ofMinutes(1));
        Map<String, Object> template = copy.event(copy.position(b, 1));
        try (Connection late = copy.dataSource().getConnection()) {
            new JdbcTemplate(new SingleConnectionDataSource(late, true))
                    .update(
                            """
                    insert into domain_event_entry (global_index, event_identifier, meta_data, payload,
                        payload_revision, payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 0, 'SharingRequest')""",
                            free,
                            UUID.randomUUID().toString(),
                            template.get("meta_data"),
                            template.get("payload"),
                            template.get("payload_revision"),
                            template.get("payload_type"),
                            template.get("time_stamp"),
                            "late-" + UUID.randomUUID());
        }
        // A checkpointer whose clock runs ten minutes ahead and that waits an hour for gaps takes it in.
        copy.checkpointer(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)), Duration.ofHours(1))
                .checkpoint();
        assertThat(copy.jdbc()
                        .queryForObject("select count(*) from ledger_leaf where global_index = ?", Long.class, free))
                .isEqualTo(1);

        List<Problem> problems = copy.verify(
                        Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10)), Duration.ofMinutes(1))
                .problems();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(Kind.INSERTED);
            assertThat(problem.position()).isEqualTo(free);
            assertThat(problem.detail()).contains("joined the tree as leaf 5");
        });
    }

    @Test
    void anEventCommittingWithinTheGapTimeoutStillJoinsAndTheGapLogVerifies() {
        long free = ledgerWithAGap(Duration.ofMinutes(1));
        Map<String, Object> template = copy.event(copy.position(b, 1));
        copy.jdbc()
                .update(
                        """
                insert into domain_event_entry (global_index, event_identifier, meta_data, payload, payload_revision,
                    payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, 'SharingRequest')""",
                        free,
                        UUID.randomUUID().toString(),
                        template.get("meta_data"),
                        template.get("payload"),
                        template.get("payload_revision"),
                        template.get("payload_type"),
                        template.get("time_stamp"),
                        "late-" + UUID.randomUUID());
        copy.checkpointer().checkpoint();

        Verification result = copy.verify();
        assertThat(result.problems()).isEmpty();
        assertThat(copy.jdbc()
                        .queryForObject("select leaf_index from ledger_leaf where global_index = ?", Long.class, free))
                .isEqualTo(5);
        assertThat(copy.jdbc().queryForObject("select count(*) from ledger_gap", Long.class))
                .as("a filled gap stays in the log")
                .isEqualTo(1);
    }

    private static void isAt(Problem problem, Kind kind, long position, String stream, long sequence) {
        assertThat(problem.kind()).as(problem.toString()).isEqualTo(kind);
        assertThat(problem.position()).as(problem.toString()).isEqualTo(position);
        assertThat(problem.aggregateIdentifier()).isEqualTo(stream);
        assertThat(problem.sequenceNumber()).isEqualTo(sequence);
    }
}
