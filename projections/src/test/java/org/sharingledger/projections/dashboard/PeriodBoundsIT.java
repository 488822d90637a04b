package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/**
 * A dashboard works its figures out month by month, in memory: before, a nominated representative could ask for
 * {@code from=-999999999-01-01} and the ledger would try to build billions of months. Dates a caller names (dashboards'
 * {@code from} and {@code to}, the work list's, a timeline's {@code asOf}) run from 1990-01-01 to ten years from
 * today, and a period is at most twenty years long: outside, 400 naming the parameter.
 */
class PeriodBoundsIT extends IntegrationTest {

    @Test
    void aNominatedRepresentativeCannotAskForMillionsOfMonths() {
        String agency = scenario.agency("HEALTH");
        Credentials representative = scenario.user(agency, "NOMINATED_REPRESENTATIVE");
        String dashboard = "/api/agencies/" + agency + "/dashboard";
        awaitReadModels();

        // Each asked and checked in turn; the absurd one last, so that code without the bounds fails on the
        // thousand years (12,000 month rows) before it is asked for some 12 billion months.
        assertProblem(http.as(representative).get(dashboard + "?from=1500-01-01&to=2500-12-31"), "from", "to");
        assertProblem(http.as(representative).get(dashboard + "?from=1990-01-01&to=2015-01-01"), "to");
        assertProblem(http.as(representative).get(dashboard + "?from=1995-01-01"), "from");
        assertProblem(
                http.as(representative)
                        .get(dashboard + "?from=2026-01-01&to="
                                + LocalDate.now().plusYears(11)),
                "to");
        assertProblem(http.as(representative).get(dashboard + "?from=-999999999-01-01"), "from");
        assertThat(http.as(representative)
                        .get(dashboard + "?from=1990-01-01&to=2009-12-31")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theTrustsPatternsTheirCsvAndTheDashboardPageAreBoundedAlike() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");

        Response json = http.as(trust).get("/api/trust/refusal-patterns?from=1900-01-01&to=1901-01-01");
        Response csv = http.as(trust)
                .header("Accept", "text/csv")
                .get("/api/trust/refusal-patterns?from=1990-01-01&to=2030-01-01");
        PageSession browser = new PageSession(port);
        browser.signIn(trust);
        int page = browser.get("/trust?from=1000-01-01&to=3000-01-01").statusCode();

        assertProblem(json, "from", "to");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(400);
        assertThat(page).isEqualTo(400);
    }

    @Test
    void aTimelineAsOfBeforeNineteenNinetyIsRefused() {
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        String child = Scenario.uniqueNhsNumber();
        Map<String, Object> grant = new HashMap<>();
        grant.put("reviewer", reviewer.username());
        grant.put("review", "Review of 2009");
        grant.put("reason", "Serious case review");
        grant.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        grant.put("nhsNumber", child);
        String grantId =
                http.as(Scenario.ADMIN).post("/api/timeline-grants", grant).field("grantId");
        long before = events();

        Response response = http.as(reviewer)
                .post(
                        "/api/timelines/queries",
                        Map.of(
                                "grantId",
                                grantId,
                                "nhsNumber",
                                child,
                                "reason",
                                "Chronology",
                                "asOf",
                                "1900-01-01T00:00:00Z"));

        assertProblem(response, "asOf");
        assertThat(events()).isEqualTo(before);
    }

    private static void assertProblem(Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly(fields);
    }
}
