package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/**
 * The web pages over plain HTTP, as a browser without script would use them: form login with its CSRF token, a
 * session cookie, redirects not followed so that they can be checked.
 */
class DashboardPagesIT extends IntegrationTest {

    @Test
    void aVisitorWhoIsNotSignedInIsSentToTheSignInPage() {
        PageSession visitor = new PageSession(port);
        for (String page :
                new String[] {"/", "/trust", "/dashboard/anything", "/dashboard/anything.csv", "/trust.csv"}) {
            HttpResponse<String> response = visitor.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(page)
                    .endsWith("/login");
        }
        HttpResponse<String> login = new PageSession(port).get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<h1>Sign in</h1>").contains("name=\"_csrf\"");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'none'");
        assertThat(login.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        assertThat(visitor.get("/css/ledger.css").statusCode()).isEqualTo(200);
        HttpResponse<String> error = visitor.get("/error");
        assertThat(error.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(error.body()).contains("<h1>Something went wrong</h1>");
    }

    @Test
    void aWrongPasswordGoesBackToTheSignInPageWithAnError() {
        String agency = scenario.agency("HEALTH");
        Credentials representative = scenario.user(agency, "NOMINATED_REPRESENTATIVE");
        PageSession browser = new PageSession(port);

        HttpResponse<String> response = browser.signIn(representative.username(), "not-the-password");

        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("id=\"login-error\"");
        assertThat(browser.get("/dashboard/" + agency).statusCode()).isEqualTo(302);
    }

    @Test
    void aNominatedRepresentativeStartsAtTheWorkListWithALinkToTheirAgencysDashboardAndMayDownloadItsCsv() {
        String agency = scenario.agency("HEALTH");
        Credentials representative = scenario.user(agency, "NOMINATED_REPRESENTATIVE");
        awaitDashboardsKnow(agency, representative);
        PageSession browser = new PageSession(port);
        assertThat(browser.signIn(representative)
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .endsWith("/");

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/requests");
        assertThat(browser.get("/requests").body()).contains("href=\"/dashboard/" + agency + "\"");

        HttpResponse<String> dashboard = browser.get("/dashboard/" + agency + "?from=2009-01-01&to=2009-12-31");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(dashboard.body())
                .contains("id=\"holder-refused\"")
                .contains("id=\"agency-monthly-chart\"")
                .contains("<caption>Refusals by reason</caption>")
                .contains("value=\"2009-01-01\"")
                .contains("Agency " + agency);

        HttpResponse<String> csv = browser.get("/dashboard/" + agency + ".csv?from=2009-01-01&to=2009-12-31");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("section,metric,key,value\r\n")
                .contains("asHolder,received,,0\r\n")
                .contains("monthly,received,2009-12,0\r\n");
    }

    @Test
    void aNominatedRepresentativeOpeningAnotherAgencysDashboardIsRefusedAndTheAttemptIsRecorded() {
        String own = scenario.agency("EDUCATION");
        String other = scenario.agency("POLICE");
        Credentials representative = scenario.user(own, "NOMINATED_REPRESENTATIVE");
        PageSession browser = new PageSession(port);
        browser.signIn(representative);
        long denied = events("AccessDenied");

        HttpResponse<String> page = browser.get("/dashboard/" + other);

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains("<h1 id=\"denied\">Not allowed</h1>")
                .contains("or a TRUST_REVIEWER may see its dashboard");
        assertThat(events("AccessDenied")).isEqualTo(denied + 1);
        assertThat(recordedDenials(representative.username(), "/dashboard/" + other))
                .isEqualTo(1);

        assertThat(browser.get("/dashboard/" + other + ".csv").statusCode()).isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 2);
    }

    @Test
    void aPractitionerStartsAtTheWorkListAndOpeningTheTrustsPageIsRefusedAndRecorded() {
        String agency = scenario.agency("POLICE");
        Credentials practitioner = scenario.user(agency, "PRACTITIONER");
        PageSession browser = new PageSession(port);
        browser.signIn(practitioner);

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/requests");
        assertThat(browser.get("/requests").body()).doesNotContain("href=\"/trust\"");

        long denied = events("AccessDenied");
        HttpResponse<String> trust = browser.get("/trust");
        assertThat(trust.statusCode()).isEqualTo(403);
        assertThat(trust.body()).contains("Not allowed").contains("TRUST_REVIEWER");
        assertThat(events("AccessDenied")).isEqualTo(denied + 1);
        assertThat(recordedDenials(practitioner.username(), "/trust")).isEqualTo(1);

        HttpResponse<String> ownDashboard = browser.get("/dashboard/" + agency);
        assertThat(ownDashboard.statusCode())
                .as("a practitioner is not its agency's representative")
                .isEqualTo(403);
    }

    @Test
    void theTrustSeesTheRefusalPatternsAndEveryAgencysDashboard() {
        String agency = scenario.agency("HOUSING");
        Credentials reviewer = scenario.user(null, "TRUST_REVIEWER");
        awaitDashboardsKnow(agency, reviewer);
        PageSession browser = new PageSession(port);
        browser.signIn(reviewer);

        assertThat(browser.get("/").headers().firstValue("Location").orElseThrow())
                .endsWith("/trust");
        HttpResponse<String> trust = browser.get("/trust");
        assertThat(trust.statusCode()).isEqualTo(200);
        assertThat(trust.body())
                .contains("id=\"area-refusal-rate\"")
                .contains("id=\"agencies-table\"")
                .contains("href=\"/trust\" aria-current=\"page\"")
                .contains("href=\"/dashboard/" + agency + "?from=")
                .contains("<th scope=\"col\">Agency</th>");
        assertThat(browser.get("/dashboard/" + agency).statusCode()).isEqualTo(200);
        HttpResponse<String> csv = browser.get("/trust.csv?table=reasons");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("reason,refused\r\n");

        HttpResponse<String> unknown = browser.get("/dashboard/no-such-agency-" + Scenario.unique("x"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"problem-message\"");
        HttpResponse<String> backwards = browser.get("/trust?from=2010-01-01&to=2009-01-01");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("from must not be after to");
        assertThat(browser.get("/trust?from=yesterday").statusCode()).isEqualTo(400);
        HttpResponse<String> nowhere = browser.get("/dashboard/" + agency + "/nowhere");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("There is no page at this address.");
    }

    @Test
    void aRepresentativesFiguresLinkToExactlyTheRequestsBehindThemAndShowHowEscalationsEnded() {
        String holder = scenario.agency("HEALTH");
        String requester = scenario.agency("EDUCATION");
        Credentials representative = scenario.user(holder, "NOMINATED_REPRESENTATIVE");
        Credentials clinician = scenario.user(holder, "PRACTITIONER");
        Credentials teacher = scenario.user(requester, "PRACTITIONER");
        String routine = scenario.request(teacher, requester, holder);
        String emergency = scenario.request(teacher, Scenario.requestBody(requester, holder, "EMERGENCY"));
        String open = refusedAndEscalated(teacher, clinician, requester, holder);
        String sharedAfterAll = refusedAndEscalated(teacher, clinician, requester, holder);
        String upheld = refusedAndEscalated(teacher, clinician, requester, holder);
        resolve(representative, sharedAfterAll, "SHARED");
        resolve(representative, upheld, "REFUSAL_UPHELD");
        String decided = scenario.request(teacher, requester, holder);
        ok(http.as(clinician).post("/api/requests/" + decided + "/share", Scenario.share("FULL")));
        // The dashboards follow the ledger a moment later; the emergency request is overdue after 2 seconds.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var holderFigures = http.as(representative)
                    .get("/api/agencies/" + holder + "/dashboard")
                    .json();
            return holderFigures.path("asHolder").path("awaitingDecision").asLong() == 2
                    && holderFigures.path("asHolder").path("overdueNow").asLong() == 1
                    && holderFigures.path("openEscalations").asLong() == 1;
        });
        PageSession browser = new PageSession(port);
        browser.signIn(representative);

        String dashboard = browser.get("/dashboard/" + holder).body();

        assertThat(behindFigure(browser, dashboard, "holder-awaiting", "awaiting-"))
                .containsExactlyInAnyOrder(routine, emergency);
        assertThat(behindFigure(browser, dashboard, "holder-overdue-now", "awaiting-"))
                .containsExactly(emergency);
        assertThat(behindFigure(browser, dashboard, "open-escalations", "escalation-"))
                .containsExactly(open);
        assertThat(dashboard)
                .contains("<caption>How escalations against its decisions ended</caption>")
                .contains(">Shared after escalation</th>")
                .contains(">Refusal upheld</th>")
                .contains(">Escalated, not yet resolved</th>")
                .contains("id=\"holder-escalations-SHARED\">1<")
                .contains("id=\"holder-escalations-REFUSAL_UPHELD\">1<")
                .contains("id=\"holder-escalations-OPEN\">1<");

        // A period in which nothing was made: the figures and their lists are empty alike.
        String past = browser.get("/dashboard/" + holder + "?from=2009-01-01&to=2009-12-31")
                .body();
        assertThat(behindFigure(browser, past, "holder-awaiting", "awaiting-")).isEmpty();
        assertThat(browser.get("/requests?view=nowhere").statusCode()).isEqualTo(400);

        // The Trust sees the same figures, but the work list's filters are the agency's own.
        Credentials reviewer = scenario.user(null, "TRUST_REVIEWER");
        PageSession trust = new PageSession(port);
        trust.signIn(reviewer);
        String seenByTrust = trust.get("/dashboard/" + holder).body();
        assertThat(seenByTrust).doesNotContain("holder-awaiting-link").contains("id=\"holder-escalations-OPEN\">1<");
        PageSession clinicianBrowser = new PageSession(port);
        clinicianBrowser.signIn(clinician);
        assertThat(clinicianBrowser.get("/requests?view=awaiting").statusCode()).isEqualTo(403);
    }

    private static final Pattern FIGURE_LINK = Pattern.compile("<a ([^>]*id=\"([a-z-]+)-link\"[^>]*)>([0-9,]+)</a>");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    /**
     * Follows a figure's link to the work list: the requests listed there (in every page), checked against the
     * figure's number.
     */
    private List<String> behindFigure(PageSession browser, String dashboard, String figure, String rowPrefix) {
        Matcher link = FIGURE_LINK.matcher(dashboard);
        String href = null;
        long count = -1;
        while (link.find()) {
            if (link.group(2).equals(figure)) {
                Matcher target = HREF.matcher(link.group(1));
                assertThat(target.find()).isTrue();
                href = target.group(1).replace("&amp;", "&");
                count = Long.parseLong(link.group(3).replace(",", ""));
            }
        }
        assertThat(href).as(figure + " links to its requests").startsWith("/requests?view=");
        HttpResponse<String> list = browser.get(href);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"view-filter\"").doesNotContain("id=\"made\"");
        Matcher row =
                Pattern.compile("<tr id=\"" + rowPrefix + "([0-9a-f-]{36})\"").matcher(list.body());
        List<String> ids = new ArrayList<>();
        while (row.find()) {
            ids.add(row.group(1));
        }
        assertThat(ids)
                .as(figure + ": the list shows as many as the figure counts")
                .hasSize((int) count);
        return ids;
    }

    private String refusedAndEscalated(Credentials teacher, Credentials clinician, String requester, String holder) {
        String id = scenario.request(teacher, requester, holder);
        ok(http.as(clinician).post("/api/requests/" + id + "/refusal", Scenario.refusal()));
        ok(http.as(teacher)
                .post("/api/requests/" + id + "/escalations", Map.of("stage", "LINE_MANAGER", "reason", "Needed")));
        return id;
    }

    private void resolve(Credentials representative, String id, String outcome) {
        Map<String, Object> body = new HashMap<>(Map.of("outcome", outcome, "rationale", "Considered again"));
        if ("SHARED".equals(outcome)) {
            body.put("informationShared", "Clinic notes");
            body.put("method", "MEETING");
        }
        ok(http.as(representative).post("/api/requests/" + id + "/escalations/resolution", body));
    }

    private static void ok(org.sharingledger.support.Http.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    @Test
    void signingOutNeedsTheFormsTokenAndEndsTheSession() {
        Credentials reviewer = scenario.user(null, "TRUST_REVIEWER");
        PageSession browser = new PageSession(port);
        browser.signIn(reviewer);
        HttpResponse<String> trust = browser.get("/trust");
        assertThat(trust.statusCode()).isEqualTo(200);

        HttpResponse<String> forged = browser.post("/logout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/trust").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> signedOut = browser.post("/logout", Map.of("_csrf", PageSession.csrf(trust.body())));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(browser.get("/trust").statusCode()).isEqualTo(302);
    }

    @Test
    void theApiStillTakesOnlyBasicOrTokensNotThePagesSession() {
        Credentials reviewer = scenario.user(null, "TRUST_REVIEWER");
        PageSession browser = new PageSession(port);
        browser.signIn(reviewer);
        assertThat(browser.get("/trust").statusCode()).isEqualTo(200);

        HttpResponse<String> api = browser.get("/api/trust/refusal-patterns");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(http.as(reviewer).get("/api/trust/refusal-patterns").status())
                .isEqualTo(200);
        assertThat(http.anonymous().get("/actuator/health").status()).isEqualTo(200);
        String openApi = http.anonymous().get("/v3/api-docs").text();
        assertThat(openApi)
                .contains("\"/api/trust/refusal-patterns\"")
                .doesNotContain("\"/trust\"")
                .doesNotContain("\"/dashboard/{agencyId}\"")
                .doesNotContain("\"/login\"");
    }

    /** The dashboards are fed by a streaming processor: a new agency appears in them a moment after it signs. */
    private void awaitDashboardsKnow(String agency, Credentials reader) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(reader)
                                .get("/api/agencies/" + agency + "/dashboard")
                                .status()
                        == 200);
    }

    private long recordedDenials(String username, String path) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type like '%AccessDenied'
                and convert_from(payload, 'UTF8') like ? and convert_from(payload, 'UTF8') like ?""", Long.class, "%\"" + username + "\"%", "%\"" + path + "\"%");
    }
}
