package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.sharingledger.projections.pages.Vocabularies;
import org.sharingledger.support.ChromiumBrowser;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * The dashboards in a real Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by Selenium; never
 * downloaded): sign in through the form, read the figures off the page and check them against the JSON API, sign
 * out, and follow the Trust's funnel plot to an agency by keyboard; then a case reviewer's timeline query, with
 * agencies of its own (it runs last, so that the dashboards' figures stay those of the story). Saves the screenshots
 * the README shows. Runs with {@code ./mvnw -B verify -Pbrowser}, in a JVM and a database of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT extends IntegrationTest {

    @RegisterExtension
    static final ChromiumBrowser browser = new ChromiumBrowser();

    /** target/screenshots by default; -Dledger.screenshots=docs refreshes the README's pictures. */
    private static final Duration DASHBOARD_LAG = Duration.ofSeconds(60);

    private static Cast cast;

    /** The agencies and people of the story, made once for both tests. */
    private record Cast(
            String police,
            String health,
            String school,
            String socialCare,
            String youth,
            String housing,
            Credentials policeRepresentative,
            Credentials trustReviewer) {}

    @BeforeEach
    void story() {
        if (cast == null) {
            cast = tellTheStory();
        }
    }

    @Test
    @Order(1)
    void aNominatedRepresentativeSignsInAndSeesTheSameFiguresAsTheApi() throws IOException {
        JsonNode api = http.as(cast.policeRepresentative())
                .get("/api/agencies/" + cast.police() + "/dashboard")
                .json();

        browser.open(base() + "/");
        browser.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.driver().getTitle()).startsWith("Sign in");
        signIn(cast.policeRepresentative());

        browser.until(ExpectedConditions.urlContains("/requests"));
        browser.find(By.linkText("Your agency's dashboard")).click();
        browser.until(ExpectedConditions.urlContains("/dashboard/" + cast.police()));
        assertThat(browser.text(By.id("agency-name"))).startsWith("Lowmarsh Constabulary");
        JsonNode holder = api.path("asHolder");
        assertThat(browser.text(By.id("holder-refused")))
                .isEqualTo(holder.path("refused").asString())
                .isEqualTo("7");
        assertThat(browser.text(By.id("holder-received")))
                .isEqualTo(holder.path("received").asString());
        assertThat(browser.text(By.id("holder-decided")))
                .isEqualTo(holder.path("decided").asString());
        assertThat(browser.text(By.id("holder-refusal-rate")))
                .isEqualTo(percent(holder.path("refusalRate").asDouble()))
                .isEqualTo("58.3 %");
        assertThat(browser.text(By.id("holder-overdue-now")))
                .isEqualTo(holder.path("overdueNow").asString());
        assertThat(browser.text(By.id("holder-reason-WOULD_PREJUDICE_INVESTIGATION")))
                .isEqualTo(holder.path("refusalsByReason")
                        .path("WOULD_PREJUDICE_INVESTIGATION")
                        .asString());
        assertThat(browser.text(By.id("requester-made")))
                .isEqualTo(api.path("asRequester").path("made").asString());
        assertThat(browser.text(By.id("open-escalations")))
                .isEqualTo(api.path("openEscalations").asString());
        assertThat(browser.findAll(By.cssSelector("#agency-monthly-chart rect.bar")))
                .hasSize(api.path("monthly").size());
        assertThat(browser.findAll(By.cssSelector("#agency-monthly-table tbody tr")))
                .hasSize(api.path("monthly").size());
        assertThat(browser.find(By.id("csv-download")).getAttribute("href"))
                .contains("/dashboard/" + cast.police() + ".csv?from=");
        assertFitsTheWindow();
        browser.screenshot("agency-dashboard.png");

        browser.find(By.id("sign-out")).click();
        browser.until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.text(By.id("logout-done"))).isEqualTo("You have signed out.");
        browser.open(base() + "/dashboard/" + cast.police());
        browser.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findAll(By.id("holder-refused"))).isEmpty();
    }

    @Test
    @Order(2)
    void theTrustSeesTheFunnelPlotAndFollowsAnAgencyByKeyboard() throws IOException {
        browser.open(base() + "/login");
        signIn(cast.trustReviewer());
        browser.until(ExpectedConditions.urlContains("/trust"));
        JsonNode api =
                http.as(cast.trustReviewer()).get("/api/trust/refusal-patterns").json();
        browser.driver().navigate().refresh();

        assertThat(browser.text(By.id("area-refusal-rate")))
                .isEqualTo(percent(api.path("areaRefusalRate").asDouble()));
        JsonNode police = agency(api, cast.police());
        assertThat(browser.text(By.id("agency-" + cast.police() + "-refused")))
                .isEqualTo(police.path("refused").asString())
                .isEqualTo("7");
        String flag = police.path("funnel").path("flag").asString();
        assertThat(browser.text(By.id("agency-" + cast.police() + "-flag")))
                .isEqualTo(Vocabularies.standalone().label("Funnel.Flag", flag).replace('\u00A0', ' '));

        WebElement plot = browser.find(By.id("funnel-plot"));
        List<String> withDecisions = new ArrayList<>();
        api.path("agencies").forEach(a -> {
            if (a.path("decided").asLong() > 0) {
                withDecisions.add(a.path("agencyId").asString());
            }
        });
        List<WebElement> points = plot.findElements(By.cssSelector(".agency-point"));
        assertThat(points)
                .extracting(p -> p.getAttribute("data-agency"))
                .containsExactlyInAnyOrderElementsOf(withDecisions)
                .contains(cast.police(), cast.socialCare())
                .doesNotContain(cast.housing());
        WebElement policePoint = plot.findElement(By.cssSelector(".agency-point[data-agency='" + cast.police() + "']"));
        assertThat(policePoint.getAttribute("class"))
                .contains("flag-" + flag.toLowerCase(Locale.ROOT).replace('_', '-'));
        assertThat(policePoint.getAttribute("aria-label")).startsWith("Lowmarsh Constabulary: 12 decided, 7 refused");
        assertThat(policePoint.findElement(By.tagName("title")).getAttribute("textContent"))
                .isEqualTo(policePoint.getAttribute("aria-label"));
        assertThat(plot.findElements(By.cssSelector("polyline.limit--95"))).hasSize(2);
        assertThat(plot.findElements(By.cssSelector("polyline.limit--998"))).hasSize(2);
        assertThat(plot.findElements(By.cssSelector("line.mean"))).hasSize(1);
        assertThat(browser.findAll(By.cssSelector("#sector-matrix tbody tr"))).isNotEmpty();
        assertFitsTheWindow();
        Object tableOverflow = browser.driver()
                .executeScript("const table = document.getElementById('agencies-table');"
                        + "return table.scrollWidth - table.parentElement.clientWidth;");
        assertThat(((Number) tableOverflow).longValue())
                .as("the agencies table needs no scrolling on a laptop")
                .isLessThanOrEqualTo(0);
        browser.screenshot("trust-refusal-patterns.png");

        // By keyboard: the first Tab reaches the skip link, which moves on to the main content.
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.focused();
        assertThat(skip.getText()).isEqualTo("Skip to main content");
        assertThat(skip.getCssValue("top"))
                .as("the skip link shows when focused")
                .isNotEqualTo("-48px");
        skip.sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("#main"));
        assertThat(browser.focused().getAttribute("id")).isEqualTo("main");

        WebElement link = browser.find(By.id("agency-" + cast.police() + "-link"));
        assertThat(link.getText()).isEqualTo("Lowmarsh Constabulary");
        link.sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("/dashboard/" + cast.police()));
        assertThat(browser.text(By.id("agency-name"))).startsWith("Lowmarsh Constabulary");
        assertThat(browser.text(By.id("holder-refused"))).isEqualTo("7");
        assertThat(browser.find(By.linkText("Back to the refusal patterns")).getAttribute("href"))
                .contains("/trust?from=");
    }

    @Test
    @Order(3)
    void aCaseReviewerReadsAChildsTimelineUnderAGrant() throws IOException {
        String school = agency("Saltmead Primary School", "EDUCATION");
        String police = agency("County Constabulary", "POLICE");
        String socialCare = agency("County Children's Services", "CHILDRENS_SOCIAL_CARE");
        String health = agency("Lowmarsh Community Health", "HEALTH");
        Credentials teacher = person(school, "Maria Lopez", "PRACTITIONER");
        Credentials officer = person(police, "Daniel Shaw", "PRACTITIONER");
        Credentials inspector = person(police, "Ruth Okoro", "NOMINATED_REPRESENTATIVE");
        Credentials socialWorker = person(socialCare, "Tom Fielding", "PRACTITIONER");
        Credentials nurse = person(health, "Priya Nair", "PRACTITIONER");
        Credentials caseReviewer = person(null, "Helen Marsh", "CASE_REVIEWER");
        String child = Scenario.uniqueNhsNumber();

        String asked = scenario.request(teacher, childsRequest(school, police, child, "URGENT"));
        post(
                officer,
                "/api/requests/" + asked + "/refusal",
                Map.of(
                        "reason",
                        "WOULD_PREJUDICE_INVESTIGATION",
                        "rationale",
                        "An investigation into the family is under way.",
                        "adviceSought",
                        "Force solicitor"));
        escalate(teacher, asked, "NOMINATED_REPRESENTATIVE");
        resolve(inspector, asked, "SHARED");
        share(nurse, scenario.request(socialWorker, childsRequest(socialCare, health, child, "ROUTINE")), "PARTIAL");
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("nhsNumber", child);
        grant.put("reviewer", caseReviewer.username());
        grant.put("review", "Serious case review: Child R");
        grant.put("reason", "Commissioned by the Local Safeguarding Children Board");
        grant.put("validUntil", Instant.now().plus(Duration.ofDays(90)).toString());
        var granted = http.as(cast.trustReviewer()).post("/api/timeline-grants", grant);
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        awaitReadModels();

        browser.open(base() + "/login");
        signIn(caseReviewer);
        browser.until(ExpectedConditions.urlContains("/timeline"));
        WebElement choice = browser.find(By.id("grantId"));
        assertThat(choice.isSelected()).as("their only grant is chosen already").isTrue();
        assertThat(browser.text(By.cssSelector("label[for='grantId'] .choice__title")))
                .isEqualTo("Serious case review: Child R");
        browser.find(By.id("nhsNumber"))
                .sendKeys(child.substring(0, 3) + " " + child.substring(3, 6) + " " + child.substring(6));
        browser.find(By.id("reason")).sendKeys("Preparing the panel's chronology");
        browser.find(By.id("show-timeline")).click();

        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("timeline-entries")));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/timeline").doesNotContain(child);
        assertThat(browser.text(By.id("timeline-review"))).isEqualTo("Serious case review: Child R");
        assertThat(browser.text(By.id("summary-requests"))).isEqualTo("2");
        assertThat(browser.text(By.id("summary-refused"))).isEqualTo("1");
        assertThat(browser.text(By.id("summary-partially-shared"))).isEqualTo("1");
        assertThat(browser.text(By.id("summary-escalations"))).isEqualTo("1");
        assertThat(browser.findAll(By.cssSelector("#timeline-entries tbody tr")))
                .hasSize(6);
        assertThat(browser.text(By.cssSelector("#timeline-entries-2 .step-description")))
                .isEqualTo("County Constabulary refused: disclosure would prejudice an investigation");
        assertThat(browser.driver().getPageSource()).doesNotContain(child);
        assertThat(browser.findAll(By.cssSelector("#downloads button")))
                .extracting(WebElement::getText)
                .containsExactly(
                        "PDF, for the panel",
                        "CSV, for a spreadsheet",
                        "JSON, as the API gives it",
                        "FHIR R4 (AuditEvent bundle)");
        assertFitsTheWindow();
        browser.screenshot("timeline.png");
    }

    @Test
    @Order(4)
    void theTrustOpensTheLedgerEvidenceAndVerifiesItByKeyboard() throws IOException {
        browser.open(base() + "/login");
        signIn(cast.trustReviewer());
        browser.until(ExpectedConditions.urlContains("/trust"));
        browser.find(By.linkText("Ledger evidence")).click();
        browser.until(ExpectedConditions.urlContains("/ledger"));

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Ledger evidence");
        assertThat(browser.text(By.id("statement")))
                .startsWith("sharing-ledger")
                .contains("\u2014 sharing-ledger ");
        assertThat(browser.text(By.id("fingerprint")))
                .isEqualTo(http.as(cast.trustReviewer())
                        .get("/api/ledger/key")
                        .json()
                        .path("fingerprint")
                        .asString());
        WebElement verify = browser.find(By.id("verify"));
        verify.sendKeys(Keys.ENTER);

        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("verification")));
        assertThat(browser.text(By.id("verification-heading"))).isEqualTo("Verified");
        assertThat(browser.text(By.id("verified-summary"))).startsWith("All ").contains("records were checked");
        assertFitsTheWindow();
        browser.screenshot("ledger-evidence.png");
    }

    /** A user with a real-looking name, for the screenshot. */
    private Credentials person(String agencyId, String displayName, String role) {
        String username = Scenario.unique(displayName.toLowerCase(Locale.ROOT).replace(' ', '.'));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", "password-" + username);
        body.put("displayName", displayName);
        body.put("agencyId", agencyId);
        body.put("roles", List.of(role));
        var registered = http.as(Scenario.ADMIN).post("/api/users", body);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new Credentials(username, "password-" + username);
    }

    private static Map<String, Object> childsRequest(String requester, String holder, String child, String urgency) {
        Map<String, Object> body = Scenario.requestBody(requester, holder, urgency);
        body.put("subject", Map.of("nhsNumber", child));
        body.put(
                "caseReference",
                "CASE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
        return body;
    }

    // --- the story: six signatories, some requests shared, some refused, some escalated, one overdue ---

    private Cast tellTheStory() {
        String police = agency("Lowmarsh Constabulary", "POLICE");
        String health = agency("County Primary Care Trust", "HEALTH");
        String school = agency("Hilltop School", "EDUCATION");
        String socialCare = agency("County Children's Social Care", "CHILDRENS_SOCIAL_CARE");
        String youth = agency("Oak Lodge Youth Project", "VOLUNTARY_COMMUNITY");
        String housing = agency("Lowmarsh Housing Association", "HOUSING");
        Credentials policeStaff = scenario.user(police, "PRACTITIONER");
        Credentials policeRepresentative = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials healthStaff = scenario.user(health, "PRACTITIONER");
        Credentials schoolStaff = scenario.user(school, "PRACTITIONER");
        Credentials socialWorker = scenario.user(socialCare, "PRACTITIONER");
        Credentials youthWorker = scenario.user(youth, "PRACTITIONER");
        Credentials trustReviewer = scenario.user(null, "TRUST_REVIEWER");

        // Made to the police: 14 requests, 12 decided, 7 refused (58.3 %), one left overdue, one still in time.
        List<String> refusedToSocialCare = new ArrayList<>();
        for (String reason : List.of(
                "WOULD_PREJUDICE_INVESTIGATION",
                "WOULD_PREJUDICE_INVESTIGATION",
                "WOULD_PREJUDICE_INVESTIGATION",
                "THIRD_PARTY_CONFIDENTIALITY",
                "NO_CONSENT_NO_OVERRIDING_PUBLIC_INTEREST")) {
            refusedToSocialCare.add(refuse(policeStaff, request(socialWorker, socialCare, police), reason));
        }
        share(policeStaff, request(socialWorker, socialCare, police), "FULL");
        share(policeStaff, request(socialWorker, socialCare, police), "FULL");
        String partial = share(policeStaff, request(socialWorker, socialCare, police), "PARTIAL");
        refuse(policeStaff, request(schoolStaff, school, police), "NOT_NECESSARY_OR_PROPORTIONATE");
        refuse(policeStaff, request(schoolStaff, school, police), "WOULD_PREJUDICE_INVESTIGATION");
        share(policeStaff, request(schoolStaff, school, police), "FULL");
        request(schoolStaff, school, police);
        share(policeStaff, request(healthStaff, health, police), "FULL");
        String emergency = scenario.request(healthStaff, Scenario.requestBody(health, police, "EMERGENCY"));

        // Escalations against the police's decisions: one shared after all, one upheld and taken to the Trust, one
        // partial share still with the line manager.
        escalate(socialWorker, refusedToSocialCare.get(0), "LINE_MANAGER");
        resolve(policeRepresentative, refusedToSocialCare.get(0), "SHARED");
        escalate(socialWorker, refusedToSocialCare.get(1), "NOMINATED_REPRESENTATIVE");
        resolve(policeRepresentative, refusedToSocialCare.get(1), "REFUSAL_UPHELD");
        escalate(socialWorker, refusedToSocialCare.get(1), "SAFEGUARDING_PARTNERSHIP");
        escalate(socialWorker, partial, "LINE_MANAGER");

        // The police as requester.
        share(healthStaff, request(policeStaff, police, health), "FULL");
        refuse(healthStaff, request(policeStaff, police, health), "INFORMATION_NOT_HELD");
        share(socialWorker, request(policeStaff, police, socialCare), "FULL");
        share(socialWorker, request(policeStaff, police, socialCare), "FULL");
        String refusedByTheSchool =
                refuse(schoolStaff, request(policeStaff, police, school), "NO_CONSENT_NO_OVERRIDING_PUBLIC_INTEREST");
        escalate(policeStaff, refusedByTheSchool, "DATA_PROTECTION_OFFICER");

        // Everyone else.
        refuse(healthStaff, request(socialWorker, socialCare, health), "THIRD_PARTY_CONFIDENTIALITY");
        for (int i = 0; i < 5; i++) {
            share(healthStaff, request(socialWorker, socialCare, health), i == 0 ? "PARTIAL" : "FULL");
        }
        for (int i = 0; i < 4; i++) {
            share(healthStaff, request(schoolStaff, school, health), "FULL");
        }
        for (int i = 0; i < 3; i++) {
            share(schoolStaff, request(socialWorker, socialCare, school), "FULL");
        }
        for (int i = 0; i < 6; i++) {
            share(socialWorker, request(schoolStaff, school, socialCare), "FULL");
        }
        refuse(youthWorker, request(socialWorker, socialCare, youth), "NO_CONSENT_NO_OVERRIDING_PUBLIC_INTEREST");
        refuse(youthWorker, request(socialWorker, socialCare, youth), "OTHER");
        share(youthWorker, request(socialWorker, socialCare, youth), "FULL");
        request(socialWorker, socialCare, housing);
        request(socialWorker, socialCare, housing);

        // The dashboards lag the ledger: wait until they show all of it, the overdue emergency included.
        Map<String, long[]> expected = new LinkedHashMap<>();
        expected.put(police, new long[] {14, 12, 7});
        expected.put(health, new long[] {12, 12, 2});
        expected.put(school, new long[] {4, 4, 1});
        expected.put(socialCare, new long[] {8, 8, 0});
        expected.put(youth, new long[] {3, 3, 2});
        expected.put(housing, new long[] {2, 0, 0});
        await().atMost(DASHBOARD_LAG).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode dashboard = http.as(policeRepresentative)
                    .get("/api/agencies/" + police + "/dashboard")
                    .json();
            assertThat(dashboard.path("asHolder").path("overdueNow").asLong()).isEqualTo(1);
            assertThat(dashboard.path("openEscalations").asLong()).isEqualTo(2);
            assertThat(dashboard.path("asRequester").path("made").asLong()).isEqualTo(5);
            JsonNode patterns =
                    http.as(trustReviewer).get("/api/trust/refusal-patterns").json();
            expected.forEach((agencyId, figures) -> {
                JsonNode agency = agency(patterns, agencyId);
                assertThat(new long[] {
                            agency.path("received").asLong(),
                            agency.path("decided").asLong(),
                            agency.path("refused").asLong()
                        })
                        .as(agencyId)
                        .containsExactly(figures);
            });
            assertThat(agency(patterns, police).path("overdueRate").asDouble()).isEqualTo(1.0 / 14);
            assertThat(agency(patterns, police).path("escalations").asLong()).isEqualTo(4);
        });
        assertThat(emergency).isNotBlank();
        return new Cast(police, health, school, socialCare, youth, housing, policeRepresentative, trustReviewer);
    }

    private String agency(String name, String sector) {
        String agencyId = Scenario.unique(sector.toLowerCase(Locale.ROOT).replace('_', '-'));
        Map<String, Object> body = Scenario.agencyBody(agencyId, sector);
        body.put("name", name);
        assertThat(scenario.signAgency(body).status()).isEqualTo(201);
        return agencyId;
    }

    private String request(Credentials by, String requester, String holder) {
        return scenario.request(by, requester, holder);
    }

    private String share(Credentials by, String requestId, String scope) {
        post(by, "/api/requests/" + requestId + "/share", Scenario.share(scope));
        return requestId;
    }

    private String refuse(Credentials by, String requestId, String reason) {
        post(
                by,
                "/api/requests/" + requestId + "/refusal",
                Map.of("reason", reason, "rationale", "Recorded for the browser test's story"));
        return requestId;
    }

    private void escalate(Credentials by, String requestId, String stage) {
        post(
                by,
                "/api/requests/" + requestId + "/escalations",
                Map.of("stage", stage, "reason", "The information is needed to protect the child"));
    }

    private void resolve(Credentials by, String requestId, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("outcome", outcome);
        body.put("rationale", "Reviewed by the nominated representative");
        if ("SHARED".equals(outcome)) {
            body.put("informationShared", "A summary of the relevant call-outs");
            body.put("method", "SECURE_EMAIL");
        }
        post(by, "/api/requests/" + requestId + "/escalations/resolution", body);
    }

    private void post(Credentials by, String path, Object body) {
        var response = http.as(by).post(path, body);
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
    }

    // --- the browser ---

    private String base() {
        return "http://localhost:" + port;
    }

    /** Signs in from the sign-in page, whose username field has the focus. */
    private void signIn(Credentials credentials) {
        WebElement username = browser.find(By.id("username"));
        assertThat(browser.focused()).as("the username field has the focus").isEqualTo(username);
        browser.signIn(credentials);
    }

    private static String percent(double rate) {
        return String.format(Locale.UK, "%.1f %%", rate * 100);
    }

    private static JsonNode agency(JsonNode patterns, String agencyId) {
        for (JsonNode agency : patterns.path("agencies")) {
            if (agencyId.equals(agency.path("agencyId").asString())) {
                return agency;
            }
        }
        throw new AssertionError("no agency " + agencyId + " in the refusal patterns");
    }

    /** Readable on a laptop: nothing wider than the 1366-pixel window. */
    private static void assertFitsTheWindow() {
        Object overflow = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue())
                .as("horizontal overflow in pixels")
                .isLessThanOrEqualTo(0);
    }
}
