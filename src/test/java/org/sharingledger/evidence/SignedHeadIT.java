package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger never signs a tree that does not extend the last checkpoint it signed, which it keeps outside the
 * database: a database rolled back, or rewritten with a different history, is refused, loudly, and the file is left
 * as it was. Each test works on a ledger of its own ({@link LedgerCopy}) holding A (requested, then refused at the end), B and
 * C (requested), and D (requested) to append later.
 */
class SignedHeadIT extends IntegrationTest {

    @Autowired
    private LedgerKey key;

    private String a;
    private String b;
    private String c;
    private String d;
    private LedgerCopy copy;

    @BeforeEach
    void fourRequests() {
        Scenario.Parties p = scenario.parties();
        a = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        b = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        c = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        d = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + a + "/refusal", Scenario.refusal())
                        .status())
                .isEqualTo(200);
        copy = LedgerCopy.of(jdbc, List.of(a, b, c), key, Duration.ofMinutes(1));
    }

    @AfterEach
    void dropCopy() {
        copy.close();
    }

    @Test
    void eachSignedCheckpointIsKeptOutsideTheDatabaseAndTheNextMustExtendIt() throws IOException {
        String first = copy.checkpointer().checkpoint().orElseThrow().statement();
        assertThat(Files.readString(copy.headFile(), StandardCharsets.UTF_8)).isEqualTo(first);

        copy.append(List.of(d));
        Checkpointer.StoredCheckpoint second = copy.checkpointer().checkpoint().orElseThrow();

        assertThat(second.checkpoint().treeSize()).isEqualTo(5);
        assertThat(Files.readString(copy.headFile(), StandardCharsets.UTF_8)).isEqualTo(second.statement());
        assertThat(copy.verify().problems()).isEmpty();
    }

    @Test
    void aDatabaseRolledBackUnderTheLedgerIsNotSigned() throws IOException {
        copy.checkpointer().checkpoint();
        String head = Files.readString(copy.headFile(), StandardCharsets.UTF_8);
        // A backup from before B was stored is restored: the later events, their leaves and the checkpoint are gone.
        long firstOfB = copy.position(b, 0);
        JdbcTemplate superuser = copy.superuser();
        superuser.update("delete from domain_event_entry where global_index >= ?", firstOfB);
        superuser.update("delete from ledger_leaf where global_index >= ?", firstOfB);
        superuser.update("delete from ledger_checkpoint");
        Checkpointer restarted = copy.checkpointer(Clock.systemUTC(), Duration.ofMinutes(1));

        assertThatThrownBy(restarted::checkpoint)
                .isInstanceOf(Checkpointer.HeadNotExtended.class)
                .hasMessageContaining("fewer than the 4 of the last checkpoint this ledger signed");

        assertThat(restarted.headRefusals()).isEqualTo(1);
        assertThat(restarted.headProblem()).contains("rolled back");
        assertThat(copy.jdbc().queryForObject("select count(*) from ledger_checkpoint", Long.class))
                .isZero();
        assertThat(Files.readString(copy.headFile(), StandardCharsets.UTF_8)).isEqualTo(head);
    }

    @Test
    void aDatabaseRewrittenWithADifferentHistoryIsNotSigned() throws IOException {
        copy.checkpointer().checkpoint();
        String head = Files.readString(copy.headFile(), StandardCharsets.UTF_8);
        // Everything after A's request is replaced: D first, then B and C again, as many events as were signed, but
        // not the history that was signed.
        long firstOfB = copy.position(b, 0);
        JdbcTemplate superuser = copy.superuser();
        superuser.update("delete from domain_event_entry where global_index >= ?", firstOfB);
        superuser.update("delete from ledger_leaf where global_index >= ?", firstOfB);
        superuser.update("delete from ledger_checkpoint");
        copy.append(List.of(d));
        copy.append(List.of(b, c));
        Checkpointer restarted = copy.checkpointer(Clock.systemUTC(), Duration.ofMinutes(1));

        assertThatThrownBy(restarted::checkpoint)
                .isInstanceOf(Checkpointer.HeadNotExtended.class)
                .hasMessageContaining("does not extend the last checkpoint this ledger signed");

        assertThat(copy.jdbc().queryForObject("select count(*) from ledger_checkpoint", Long.class))
                .isZero();
        assertThat(Files.readString(copy.headFile(), StandardCharsets.UTF_8)).isEqualTo(head);
    }

    @Test
    void aRefusalTurnsTheHealthDownAndIsCounted() {
        Map<String, Object> health =
                new SignedHeadHealth(copy.checkpointer()).health().getDetails();
        assertThat(health).isEmpty();
        copy.checkpointer().checkpoint();
        long firstOfB = copy.position(b, 0);
        copy.superuser().update("delete from domain_event_entry where global_index >= ?", firstOfB);
        copy.superuser().update("delete from ledger_leaf where global_index >= ?", firstOfB);
        copy.superuser().update("delete from ledger_checkpoint");
        Checkpointer restarted = copy.checkpointer(Clock.systemUTC(), Duration.ofMinutes(1));

        assertThatThrownBy(restarted::checkpoint).isInstanceOf(Checkpointer.HeadNotExtended.class);

        SignedHeadHealth refused = new SignedHeadHealth(restarted);
        assertThat(refused.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(refused.health().getDetails()).containsKey("problem");
    }
}
