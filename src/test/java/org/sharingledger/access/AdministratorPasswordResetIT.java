package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.LedgerApplication;
import org.sharingledger.access.cli.AccountCommands;
import org.sharingledger.access.cli.AdministratorPasswordReset;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The operator's way back in: reset-admin-password, recorded as the operator. */
class AdministratorPasswordResetIT extends IntegrationTest {

    @Autowired
    private AdministratorPasswordReset reset;

    @Value("${ledger.storage.data-dir}")
    private String dataDir;

    @Test
    void theOperatorResetsAnAdministratorsPasswordAsAnEvent() {
        Credentials admin = scenario.user(null, "ADMIN");

        reset.reset(admin.username(), "operator-chose-this-1");

        assertThat(http.as(admin).get("/api/agencies").status()).isEqualTo(401);
        Credentials afterReset = new Credentials(admin.username(), "operator-chose-this-1");
        assertThat(http.as(afterReset).get("/api/agencies").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select convert_from(meta_data, 'UTF8') from domain_event_entry "
                                + "where aggregate_identifier = ? and payload_type like '%.PasswordChanged'",
                        String.class, admin.username()))
                .contains("\"operator\"");
        assertThat(jdbc.queryForObject(
                        "select must_change_password from user_account where username = ?",
                        Boolean.class,
                        admin.username()))
                .isTrue();
    }

    @Test
    void onlyAnActiveAdministratorsPasswordIsReset() {
        Credentials practitioner = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        long before = events("PasswordChanged");

        assertThatThrownBy(() -> reset.reset(practitioner.username(), "operator-chose-this-1"))
                .isInstanceOf(StepNotAllowed.class);
        assertThatThrownBy(() -> reset.reset(scenario.user(null, "ADMIN").username(), "short"))
                .hasMessageContaining("12 to 64");
        assertThat(events("PasswordChanged")).isEqualTo(before);
        assertThat(http.as(practitioner).get("/api/agencies").status()).isEqualTo(200);
    }

    @Test
    void theCommandRefusesAnEmbeddedDatabaseInUseAndNeedsAUsername() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

        int inUse = AccountCommands.run(
                LedgerApplication.class,
                new String[] {"reset-admin-password", "admin"},
                Map.of("LEDGER_DATA_DIR", dataDir),
                Map.of(),
                System.out,
                errors);
        int noUsername = AccountCommands.run(
                LedgerApplication.class, new String[] {"reset-admin-password"}, Map.of(), Map.of(), System.out, errors);

        assertThat(inUse).isEqualTo(2);
        assertThat(noUsername).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("stop the ledger first")
                .contains("Usage:");
        assertThat(http.as(org.sharingledger.support.Scenario.ADMIN)
                        .get("/api/agencies")
                        .status())
                .isEqualTo(200);
    }
}
