package org.sharingledger.projections.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/** The administrators' read-model page: each one's state and lag, its last rebuild, and a rebuild at a click. */
class ReadModelPagesIT extends IntegrationTest {

    @Test
    void anAdministratorSeesEachReadModelAndRebuildsOneFromThePage() {
        PageSession admin = signedIn(Scenario.ADMIN);
        HttpResponse<String> page = admin.get("/admin/read-models");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Read models</h1>")
                .contains("id=\"read-model-dashboards\"")
                .contains("id=\"read-model-timelines\"")
                .contains("aria-current=\"page\">Read models</a>");

        HttpResponse<String> started =
                admin.post("/admin/read-models/timelines/rebuild", Map.of("_csrf", PageSession.csrf(page.body())));
        assertThat(started.statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !http.as(Scenario.ADMIN)
                        .get("/api/admin/read-models/timelines")
                        .json()
                        .path("rebuild")
                        .path("finishedAt")
                        .isNull());
        awaitReadModels();

        String after = admin.get("/admin/read-models").body();
        assertThat(after).containsPattern("id=\"read-model-timelines\"[\\s\\S]*?Rebuilt: [0-9,]+ events, finished");
    }

    @Test
    void whileARebuildRunsThePageAndTheMetricsSayHowFarItHasCome() throws Exception {
        PageSession admin = signedIn(Scenario.ADMIN);
        String page = admin.get("/admin/read-models").body();

        // The test holds the timelines' table, so the rebuild waits at its first step while the test reads it.
        try (Connection held = jdbc.getDataSource().getConnection()) {
            held.setAutoCommit(false);
            try {
                try (Statement lock = held.createStatement()) {
                    lock.execute("lock table timeline_entry in access exclusive mode");
                }
                HttpResponse<String> started =
                        admin.post("/admin/read-models/timelines/rebuild", Map.of("_csrf", PageSession.csrf(page)));
                assertThat(started.statusCode()).isEqualTo(303);

                String during = admin.get("/admin/read-models").body();
                assertThat(during)
                        .containsPattern("id=\"read-model-timelines\"[\\s\\S]*?<td>Rebuilding</td>")
                        .containsPattern("id=\"read-model-timelines\"[\\s\\S]*?Rebuilding: [0-9,]+ of [0-9,]+ events"
                                + " so far \\([0-9]{1,2} %\\), [0-9,]+ events a second");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    String scrape =
                            http.as(Scenario.ADMIN).get("/actuator/prometheus").text();
                    assertThat(gauge(
                                    scrape,
                                    "ledger_projection_state",
                                    "readModel=\"timelines\"",
                                    "state=\"rebuilding\""))
                            .isEqualTo(1);
                    assertThat(gauge(scrape, "ledger_projection_rebuild_progress", "readModel=\"timelines\""))
                            .isLessThan(1);
                });
            } finally {
                held.rollback();
            }
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !http.as(Scenario.ADMIN)
                        .get("/api/admin/read-models/timelines")
                        .json()
                        .path("rebuild")
                        .path("finishedAt")
                        .isNull());
        awaitReadModels();
        assertThat(admin.get("/admin/read-models").body())
                .containsPattern("id=\"read-model-timelines\"[\\s\\S]*?Rebuilt: [0-9,]+ events, finished");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(gauge(
                                http.as(Scenario.ADMIN)
                                        .get("/actuator/prometheus")
                                        .text(),
                                "ledger_projection_rebuild_progress",
                                "readModel=\"timelines\""))
                        .isEqualTo(1));
    }

    /** The value of the one sample of a metric whose labels hold those given. */
    private static double gauge(String scrape, String name, String... labels) {
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        while (sample.find()) {
            String found = sample.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return Double.NaN;
    }

    @Test
    void aRebuildOfAReadModelThereIsNotIsNotFound() {
        PageSession admin = signedIn(Scenario.ADMIN);
        String page = admin.get("/admin/read-models").body();

        HttpResponse<String> unknown =
                admin.post("/admin/read-models/no-such-model/rebuild", Map.of("_csrf", PageSession.csrf(page)));

        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorMayAndARebuildNeedsTheFormsToken() {
        PageSession trust = signedIn(scenario.user(null, "TRUST_REVIEWER"));
        long denied = events("AccessDenied");
        assertThat(trust.get("/admin/read-models").statusCode()).isEqualTo(403);
        assertThat(events("AccessDenied")).isGreaterThan(denied);
        assertThat(trust.get("/requests").body()).doesNotContain("Read models");

        PageSession admin = signedIn(Scenario.ADMIN);
        admin.get("/admin/read-models");
        assertThat(admin.post("/admin/read-models/dashboards/rebuild", Map.of()).statusCode())
                .as("no CSRF token")
                .isEqualTo(403);

        HttpResponse<String> anonymous = new PageSession(port).get("/admin/read-models");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private PageSession signedIn(Credentials credentials) {
        PageSession session = new PageSession(port);
        session.signIn(credentials);
        return session;
    }
}
