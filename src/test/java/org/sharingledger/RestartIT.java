package org.sharingledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Scenario;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger stopped and started again on the same data folder: everything recorded is still there, and a
 * deadline that fell due while it was down is recorded as overdue after it starts.
 */
class RestartIT {

    private static final Credentials ADMIN = new Credentials("admin", "restart-admin-password");

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--ledger.storage.data-dir=" + data,
                        "--ledger.security.bcrypt-strength=4",
                        "--ledger.security.admin-password=restart-admin-password",
                        "--ledger.due.emergency=PT4S");
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @Test
    void dataSurvivesARestartAndAnOverdueDeadlineFiresAfterIt() throws Exception {
        Path data = Files.createTempDirectory("ledger-restart-");
        String requestId;
        Credentials holder;
        Instant dueBy;
        try (ConfigurableApplicationContext first = start(data)) {
            Http http = http(first);
            String requester = "csc-" + System.nanoTime();
            String holding = "police-" + System.nanoTime();
            assertThat(http.as(ADMIN)
                            .post("/api/agencies", Scenario.agencyBody(requester, "CHILDRENS_SOCIAL_CARE"))
                            .status())
                    .isEqualTo(201);
            assertThat(http.as(ADMIN)
                            .post("/api/agencies", Scenario.agencyBody(holding, "POLICE"))
                            .status())
                    .isEqualTo(201);
            Credentials practitioner = register(http, "sw.restart", requester);
            holder = register(http, "pc.restart", holding);
            Http.Response created =
                    http.as(practitioner).post("/api/requests", Scenario.requestBody(requester, holding, "EMERGENCY"));
            requestId = created.field("requestId");
            dueBy = Instant.parse(created.field("dueBy"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(dueBy.plusMillis(500)));

        try (ConfigurableApplicationContext second = start(data)) {
            Http http = http(second);
            Http.Response view = http.as(holder).get("/api/requests/" + requestId);
            assertThat(view.status())
                    .as("the request and the user survived the restart")
                    .isEqualTo(200);
            assertThat(view.field("status")).isEqualTo("AWAITING_DECISION");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.as(holder)
                                    .get("/api/requests/" + requestId)
                                    .json()
                                    .path("history")
                                    .size()
                            == 2);
            assertThat(http.as(holder)
                            .get("/api/requests/" + requestId)
                            .json()
                            .path("history")
                            .get(1)
                            .path("type")
                            .asString())
                    .isEqualTo("OVERDUE");
        }
    }

    private static Credentials register(Http http, String username, String agencyId) {
        Http.Response response = http.as(ADMIN)
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                "password-of-" + username,
                                "displayName",
                                username,
                                "agencyId",
                                agencyId,
                                "roles",
                                List.of("PRACTITIONER")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Credentials(username, "password-of-" + username);
    }
}
