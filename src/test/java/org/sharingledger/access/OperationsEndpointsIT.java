package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/** Actuator's health and metrics: details for administrators, Prometheus for a METRICS account and nothing else. */
class OperationsEndpointsIT extends IntegrationTest {

    @Test
    void onlyAnAdministratorSeesTheHealthDetails() {
        Credentials practitioner = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");

        Response anonymous = http.anonymous().get("/actuator/health");
        Response signedIn = http.as(practitioner).get("/actuator/health");
        Response admin = http.as(Scenario.ADMIN).get("/actuator/health");

        assertThat(anonymous.field("status")).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.json().has("components"))
                .as("a signed-in user who is not an ADMIN sees only the status")
                .isFalse();
        assertThat(admin.json().path("components").has("db")).isTrue();
    }

    @Test
    void aMetricsAccountScrapesPrometheusAndNothingElse() {
        Credentials metrics = scenario.user(null, "METRICS");
        Response issued = http.as(metrics).post("/api/tokens", Map.of("name", "prometheus"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String token = issued.field("token");

        for (Http.Call caller : List.of(http.as(metrics), http.withToken(token))) {
            Response scrape = caller.get("/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.text()).contains("ledger_commands_seconds");
            for (String path : List.of(
                    "/api/agencies",
                    "/api/requests",
                    "/api/users",
                    "/api/timeline-grants",
                    "/api/ledger/verification",
                    "/api/ledger/key",
                    "/api/admin/read-models",
                    "/actuator/metrics",
                    "/actuator/metrics/jvm.memory.used")) {
                Response refused = caller.get(path);
                assertThat(refused.status()).as("GET " + path).isEqualTo(403);
                assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            }
            assertThat(caller.post("/api/requests", Scenario.requestBody("a", "b", "ROUTINE"))
                            .status())
                    .isEqualTo(403);
            assertThat(caller.get("/actuator/health").json().has("components")).isFalse();
        }
        assertThat(http.as(Scenario.ADMIN).get("/actuator/prometheus").status())
                .as("an ADMIN still scrapes")
                .isEqualTo(200);
    }

    @Test
    void aMetricsAccountSeesNoPageButItsOwnAccount() {
        Credentials metrics = scenario.user(null, "METRICS");
        PageSession browser = new PageSession(port);
        browser.signIn(metrics);

        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
        assertThat(browser.get("/").headers().firstValue("Location").orElseThrow())
                .endsWith("/account");
        for (String page : List.of("/dashboard/x", "/requests", "/trust", "/timeline", "/ledger", "/admin/users")) {
            var refused = browser.get(page);
            assertThat(refused.statusCode()).as(page).isEqualTo(403);
            assertThat(refused.body()).contains("a METRICS account may only read");
        }
    }

    @Test
    void anAdministratorGivesTheMetricsRole() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        assertThat(http.as(user).get("/actuator/prometheus").status()).isEqualTo(403);

        Response changed = http.as(Scenario.ADMIN)
                .put("/api/users/" + user.username() + "/roles", Map.of("roles", List.of("METRICS")));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(http.as(user).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(http.as(user).get("/api/requests").status()).isEqualTo(403);
    }
}
