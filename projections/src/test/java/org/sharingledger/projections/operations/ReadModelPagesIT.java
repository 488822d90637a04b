package org.sharingledger.projections.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
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
