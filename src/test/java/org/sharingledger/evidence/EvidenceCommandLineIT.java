package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.sharingledger.evidence.cli.EvidenceCommands;
import org.sharingledger.support.Http;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code java -jar sharing-ledger.jar verify}: the whole ledger from its database, with progress and an exit status. */
class EvidenceCommandLineIT extends IntegrationTest {

    @Autowired
    private LedgerKey key;

    @Test
    void verifyReportsVerifiedWithProgressAndExitsZero() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = EvidenceCommands.run(
                new String[] {"verify", "--key", key.verifier().text()}, env(suiteUrl()), print(out), print(err));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("verified: ")
                .contains("events/s");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("fingerprint " + key.verifier().fingerprint())
                .contains(" events (")
                .contains("events/s");
    }

    @Test
    void verifyOfATamperedLedgerNamesTheEventAndExitsOne() {
        Scenario.Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        try (LedgerCopy ledger = LedgerCopy.of(jdbc, List.of(id), key, Duration.ofMinutes(1))) {
            ledger.checkpointer().checkpoint();
            long position = ledger.position(id, 0);
            ledger.superuser()
                    .update(
                            "update domain_event_entry set payload = overlay(payload placing '\\x58' "
                                    + "from 20 for 1) where global_index = ?",
                            position);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            // The copy holds the event tables only (no read models, no deadlines): verify those.
            int status = EvidenceCommands.run(
                    new String[] {"verify", "--key", key.verifier().text(), "--events-only"},
                    env(((PGSimpleDataSource) ledger.dataSource()).getUrl()),
                    print(out),
                    print(new ByteArrayOutputStream()));

            assertThat(status).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .startsWith("NOT VERIFIED: 1 problem(s)")
                    .contains("MODIFIED at position " + position + ", stream " + id + ", sequence 0");
        }
    }

    @Test
    void verifyOfRolesRewrittenInTheAccountTableNamesTheRowAndExitsOne() {
        Http.Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        jdbc.update("update user_account set roles = 'ADMIN,PRACTITIONER' where username = ?", user.username());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = EvidenceCommands.run(
                    new String[] {"verify", "--key", key.verifier().text()},
                    env(suiteUrl()),
                    print(out),
                    print(new ByteArrayOutputStream()));

            assertThat(status).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .startsWith("NOT VERIFIED")
                    .contains("READ_MODEL_MISMATCH in table user_account, row " + user.username() + ": ")
                    .contains("roles");
        } finally {
            jdbc.update("update user_account set roles = 'PRACTITIONER' where username = ?", user.username());
        }
    }

    @Test
    void aWrongKeyOrAnUnknownOptionIsACommandThatCouldNotRun() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(EvidenceCommands.run(
                        new String[] {"verify", "--colour"},
                        env(suiteUrl()),
                        print(new ByteArrayOutputStream()),
                        print(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Unknown option --colour")
                .contains("Usage:");
        assertThat(EvidenceCommands.run(
                        new String[] {"verify", "--key", "not-a-key"},
                        env(suiteUrl()),
                        print(new ByteArrayOutputStream()),
                        print(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Test
    void aCheckpointSignedByAnotherKeyDoesNotVerify() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        assertThat(http.as(Scenario.ADMIN).get("/api/ledger/checkpoints/latest").status())
                .isEqualTo(200);
        LedgerKey other = LedgerKey.fromSeed(key.name(), new byte[32]);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = EvidenceCommands.run(
                new String[] {"verify", "--key", other.verifier().text()},
                env(suiteUrl()),
                print(out),
                print(new ByteArrayOutputStream()));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("CHECKPOINT_MISMATCH");
    }

    private String suiteUrl() {
        return "jdbc:postgresql://localhost:" + jdbc.queryForObject("show port", String.class) + "/postgres";
    }

    private static Map<String, String> env(String url) {
        return Map.of("SPRING_DATASOURCE_URL", url, "SPRING_DATASOURCE_USERNAME", "postgres");
    }

    private static PrintStream print(ByteArrayOutputStream out) {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }
}
