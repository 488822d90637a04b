package org.sharingledger.projections.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sharingledger.LedgerApplication;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.support.Http;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A read model whose handler fails on an event stops there, visibly (health DOWN, a metric, a log line naming the
 * event), and never skips it: once the cause is fixed it carries on from that same event and loses nothing.
 * Runs in a context of its own, with a deliberately broken handler in the dashboards' processing group.
 */
@SpringBootTest(
        classes = {LedgerApplication.class, ReadModelFailureIT.BrokenHandler.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.security.bcrypt-strength=4",
            "ledger.security.admin-password=" + ReadModelFailureIT.PASSWORD,
            "spring.main.banner-mode=off"
        })
@ExtendWith(OutputCaptureExtension.class)
class ReadModelFailureIT {

    static final String PASSWORD = "failure-admin-password";
    static final AtomicBoolean BROKEN = new AtomicBoolean(true);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) throws Exception {
        String dir = Files.createTempDirectory("ledger-failure-").toString();
        registry.add("ledger.storage.data-dir", () -> dir);
    }

    /** A bug in a read model: it fails on any agency whose name contains "Broken". */
    @ProcessingGroup("dashboards")
    static class BrokenHandler {
        @EventHandler
        void on(AgencySigned event) {
            if (BROKEN.get() && event.name().contains("Broken")) {
                throw new IllegalStateException("simulated bug in a read model");
            }
        }
    }

    @Test
    void aFailingHandlerHaltsVisiblyAndRecoversWithoutLosingTheEvent(CapturedOutput output) {
        Http http = new Http(port);
        Http.Credentials admin = new Http.Credentials("admin", PASSWORD);
        var body = Scenario.agencyBody("broken-agency", "HOUSING");
        body.put("name", "Broken Housing Trust");
        assertThat(http.as(admin).post("/api/agencies", body).status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        "DOWN".equals(http.anonymous().get("/actuator/health").field("status")));
        assertThat(meters.get("ledger.projection.errors")
                        .tag("readModel", "dashboards")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(output.getAll()).contains("failed on event AgencySigned").contains("no event is skipped");
        assertThat(jdbc.queryForObject(
                        "select count(*) from dashboard_agency where agency_id = 'broken-agency'", Long.class))
                .isZero();

        BROKEN.set(false);

        await().atMost(Duration.ofSeconds(90))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from dashboard_agency where agency_id = 'broken-agency'", Long.class)
                        == 1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(http.as(admin).get("/actuator/health").text())
                                .startsWith("{\"components"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(http.as(admin).get("/actuator/health").field("status"))
                                .isEqualTo("UP"));
        assertThat(meters.get("ledger.projection.errors")
                        .tag("readModel", "dashboards")
                        .gauge()
                        .value())
                .isZero();
    }
}
