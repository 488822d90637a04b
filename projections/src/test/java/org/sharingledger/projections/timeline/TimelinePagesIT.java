package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.request.api.Consent;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.Purpose;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.Urgency;
import org.sharingledger.subject.api.SubjectKind;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case reviewers' timeline page over plain HTTP, as a browser without script would use it: form login with its
 * CSRF token, a session cookie, redirects not followed so that they can be checked. One child with two requests (one
 * refused by the police, one shared by health), a grant for that child, and a second child nobody may see.
 */
@ExtendWith(OutputCaptureExtension.class)
class TimelinePagesIT extends IntegrationTest {

    private static final Pattern QUERY_KEY = Pattern.compile("<input[^>]*name=\"query\"[^>]*value=\"([^\"]+)\"");

    private final String childDigits = Scenario.uniqueNhsNumber();
    /** As a reviewer might type it. */
    private final String child =
            childDigits.substring(0, 3) + " " + childDigits.substring(3, 6) + " " + childDigits.substring(6);

    private final String review =
            "Serious case review: Child " + UUID.randomUUID().toString().substring(0, 4);

    @Autowired
    JsonMapper json;

    @Autowired
    EventStore eventStore;

    @Autowired
    SubjectPseudonyms pseudonyms;

    @Autowired
    PlatformTransactionManager transactions;

    private String csc;
    private String police;
    private String health;
    private Credentials socialWorker;
    private Credentials policeOfficer;
    private Credentials trust;
    private Credentials reviewer;
    private String grant;

    @BeforeEach
    void aChildKnownToTheSocialWorkersThePoliceAndHealth() {
        csc = scenario.agency("CHILDRENS_SOCIAL_CARE");
        police = scenario.agency("POLICE");
        health = scenario.agency("HEALTH");
        socialWorker = scenario.user(csc, "PRACTITIONER");
        policeOfficer = scenario.user(police, "PRACTITIONER");
        Credentials nurse = scenario.user(health, "PRACTITIONER");
        trust = scenario.user(null, "TRUST_REVIEWER");
        reviewer = scenario.user(null, "CASE_REVIEWER");

        String toPolice = request(police, childDigits);
        ok(http.as(policeOfficer).post("/api/requests/" + toPolice + "/refusal", Scenario.refusal()));
        String toHealth = request(health, child);
        ok(http.as(nurse).post("/api/requests/" + toHealth + "/share", Scenario.share("FULL")));
        request(police, Scenario.uniqueNhsNumber());
        grant = grant(reviewer, childDigits);
        awaitReadModels();
    }

    @Test
    void aReviewerWithAGrantReadsTheTimelineInPlainWordsAndDownloadsItWithoutTheNhsNumberEverShowing(
            CapturedOutput output) {
        Browser browser = new Browser();
        browser.signIn(reviewer);

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/timeline");
        HttpResponse<String> form = browser.get("/timeline");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("id=\"timeline-form\"")
                .contains("value=\"" + grant + "\"")
                .contains(review)
                .contains("A child, by NHS number")
                .contains("type=\"datetime-local\"")
                .contains("href=\"/timeline\" aria-current=\"page\"")
                .contains("UTC");
        long queried = events("TimelineQueried");

        HttpResponse<String> page = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        grant,
                        "nhsNumber",
                        child,
                        "reason",
                        "Preparing the panel's chronology",
                        "asOf",
                        "",
                        "_csrf",
                        PageSession.csrf(form.body())));

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        String html = page.body();
        assertThat(html)
                .contains("id=\"timeline-entries\"")
                .contains("A child identified by NHS number")
                .contains(review)
                .contains(reviewer.username())
                .contains("(the moment of the query)")
                .contains(
                        "Agency " + csc + " asked Agency " + police + " for information for a child protection enquiry")
                .contains("Agency " + police + " refused: disclosure would prejudice an investigation")
                .contains("Agency " + health + " shared the information in full")
                .contains("Public task (UK GDPR art. 6(1)(e))")
                .contains("Not sought")
                .contains("Secure email")
                .contains("A live investigation would be harmed")
                .contains("Decided in time")
                .contains("Police")
                .contains("Health")
                .contains("Children&#39;s social care")
                .contains("User " + policeOfficer.username());
        assertThat(figure(html, "summary-requests")).isEqualTo("2");
        assertThat(figure(html, "summary-refused")).isEqualTo("1");
        assertThat(figure(html, "summary-shared")).isEqualTo("1");
        assertThat(figure(html, "summary-agencies")).isEqualTo("3");
        assertThat(html)
                .contains("<caption>Every step, in the order the ledger recorded it</caption>")
                .doesNotContain("id=\"recorded-later\"");
        assertThat(rows(html, "timeline-entries")).isEqualTo(4);
        assertThat(html)
                .as("the NHS number is nowhere on the page, not even in the download buttons")
                .doesNotContain(childDigits)
                .doesNotContain(child);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(events("TimelineQueried")).isEqualTo(queried + 1);
        assertThat(recordedQueries(reviewer.username(), "html")).isEqualTo(1);

        HttpResponse<String> download = browser.post(
                "/timeline/export", Map.of("query", queryKey(html), "format", "json", "_csrf", PageSession.csrf(html)));

        assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"timeline.json\"");
        JsonNode timeline = json.readTree(download.body());
        assertThat(timeline.path("review").asString()).isEqualTo(review);
        assertThat(timeline.path("reviewer").asString()).isEqualTo(reviewer.username());
        assertThat(timeline.path("grantId").asString()).isEqualTo(grant);
        assertThat(timeline.path("summary").path("requests").asLong()).isEqualTo(2);
        assertThat(timeline.path("entries"))
                .extracting(e -> e.path("step").asString())
                .containsExactly("REQUESTED", "REFUSED", "REQUESTED", "SHARED");
        assertThat(timeline.path("entries").get(1).path("reason").path("code").asString())
                .isEqualTo("WOULD_PREJUDICE_INVESTIGATION");
        assertThat(download.body()).doesNotContain(childDigits);
        assertThat(events("TimelineQueried"))
                .as("the download is a query of its own")
                .isEqualTo(queried + 2);
        assertThat(recordedQueries(reviewer.username(), "json")).isEqualTo(1);
        assertThat(download.headers().firstValue("X-Timeline-Digest").orElseThrow())
                .isEqualTo("sha256=" + figure(html, "timeline-digest"));

        Map<String, String> types =
                Map.of("csv", "text/csv", "pdf", "application/pdf", "fhir", "application/fhir+json");
        types.forEach((format, type) -> {
            HttpResponse<String> file = browser.post(
                    "/timeline/export",
                    Map.of("query", queryKey(html), "format", format, "_csrf", PageSession.csrf(html)));
            assertThat(file.statusCode()).as(format).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Type").orElseThrow())
                    .as(format)
                    .startsWith(type);
            assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                    .as(format)
                    .startsWith("attachment; filename=\"timeline");
            assertThat(file.body()).as(format).doesNotContain(childDigits);
            assertThat(recordedQueries(reviewer.username(), format)).as(format).isEqualTo(1);
        });
        assertThat(events("TimelineQueried")).isEqualTo(queried + 5);

        HttpResponse<String> unknownQuery = browser.post(
                "/timeline/export",
                Map.of("query", UUID.randomUUID().toString(), "format", "json", "_csrf", PageSession.csrf(html)));
        assertThat(unknownQuery.statusCode()).isEqualTo(400);
        assertThat(unknownQuery.body()).contains("Run the query again");
        HttpResponse<String> unknownFormat = browser.post(
                "/timeline/export", Map.of("query", queryKey(html), "format", "docx", "_csrf", PageSession.csrf(html)));
        assertThat(unknownFormat.statusCode()).isEqualTo(400);
        assertThat(events("TimelineQueried")).isEqualTo(queried + 5);
        assertThat(output.getAll())
                .as("the NHS number is in no log line")
                .doesNotContain(childDigits)
                .doesNotContain(child);
    }

    @Test
    void mistakesAreShownOnTheFormAndRecordNothing(CapturedOutput output) {
        Browser browser = new Browser();
        browser.signIn(reviewer);
        String token = PageSession.csrf(browser.get("/timeline").body());
        long queried = events("TimelineQueried");

        HttpResponse<String> noReason =
                browser.post("/timeline", Map.of("grantId", grant, "nhsNumber", child, "reason", " ", "_csrf", token));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body())
                .contains("id=\"error-summary\"")
                .contains("There is a problem")
                .contains("<a href=\"#reason\">Enter your reason for looking</a>")
                .contains("id=\"reason-error\"")
                .contains("id=\"identifier-cleared\"")
                .contains("value=\"" + grant + "\" checked")
                .doesNotContain(childDigits)
                .doesNotContain(child);

        HttpResponse<String> twoWays = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        grant,
                        "nhsNumber",
                        child,
                        "caseReference",
                        "CASE-1",
                        "reason",
                        "Chronology",
                        "_csrf",
                        token));
        assertThat(twoWays.statusCode()).isEqualTo(400);
        assertThat(twoWays.body())
                .contains("<a href=\"#nhsNumber\">Identify the child or the case in exactly one way")
                .contains("value=\"CASE-1\"")
                .contains(">Chronology</textarea>");

        String wrongCheckDigit = childDigits.substring(0, 9) + ((childDigits.charAt(9) - '0' + 1) % 10);
        HttpResponse<String> badNumber = browser.post(
                "/timeline",
                Map.of("grantId", grant, "nhsNumber", wrongCheckDigit, "reason", "Chronology", "_csrf", token));
        assertThat(badNumber.statusCode()).isEqualTo(400);
        assertThat(badNumber.body()).contains("Enter a valid NHS number").doesNotContain(wrongCheckDigit);

        HttpResponse<String> localWithoutAgency = browser.post(
                "/timeline",
                Map.of("grantId", grant, "localReference", "REF-1", "reason", "Chronology", "_csrf", token));
        assertThat(localWithoutAgency.body())
                .contains("<a href=\"#agencyId\">Choose the agency whose local " + "reference this is</a>")
                .doesNotContain("REF-1");

        String tomorrow = LocalDateTime.now(ZoneOffset.UTC)
                .plusDays(1)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
        HttpResponse<String> future = browser.post(
                "/timeline",
                Map.of("grantId", grant, "nhsNumber", child, "reason", "Chronology", "asOf", tomorrow, "_csrf", token));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body())
                .contains("<a href=\"#asOf\">")
                .contains("must not be in the future")
                .contains("value=\"" + tomorrow + "\"");
        HttpResponse<String> notATime = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        grant,
                        "nhsNumber",
                        child,
                        "reason",
                        "Chronology",
                        "asOf",
                        "last Tuesday",
                        "_csrf",
                        token));
        assertThat(notATime.body()).contains("as a date and a time");

        HttpResponse<String> noGrant =
                browser.post("/timeline", Map.of("nhsNumber", child, "reason", "Chronology", "_csrf", token));
        assertThat(noGrant.body()).contains("<a href=\"#grantId\">Choose the grant you are looking under</a>");

        HttpResponse<String> everything =
                browser.post("/timeline", Map.of("nhsNumber", wrongCheckDigit, "asOf", "soon", "_csrf", token));
        assertThat(everything.body())
                .as("every problem at once, in the form's order")
                .containsSubsequence(
                        "<a href=\"#grantId\">",
                        "<a href=\"#nhsNumber\">Enter a valid NHS number",
                        "<a href=\"#reason\">",
                        "<a href=\"#asOf\">");

        assertThat(events("TimelineQueried")).isEqualTo(queried);
        assertThat(output.getAll())
                .as("no NHS number in any log line")
                .doesNotContain(childDigits)
                .doesNotContain(child)
                .doesNotContain(wrongCheckDigit)
                .doesNotContain("REF-1");
    }

    @Test
    void asKnownAtShowsWhatTheLedgerHeldThenAndListsWhatWasRecordedLaterApart() {
        Instant requested = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
        Instant decided = requested.plus(Duration.ofDays(1));
        backdatedRefusal(requested, decided);
        awaitReadModels();
        Browser browser = new Browser();
        browser.signIn(reviewer);
        String token = PageSession.csrf(browser.get("/timeline").body());

        String thatWeek = LocalDateTime.ofInstant(decided.plus(Duration.ofHours(1)), ZoneOffset.UTC)
                .toString();
        HttpResponse<String> then = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        grant,
                        "nhsNumber",
                        child,
                        "reason",
                        "What was known that week",
                        "asOf",
                        thatWeek,
                        "_csrf",
                        token));

        assertThat(then.statusCode()).as(then.body()).isEqualTo(200);
        String html = then.body();
        assertThat(figure(html, "summary-requests")).isEqualTo("1");
        assertThat(rows(html, "timeline-entries")).isEqualTo(1);
        assertThat(html)
                .contains("id=\"recorded-later\"")
                .contains("<h2 id=\"later-heading\">Recorded later</h2>")
                .contains("Agency " + police + " refused: a statute forbids disclosure")
                .doesNotContain("(the moment of the query)");
        assertThat(rows(html, "timeline-recorded-later")).isEqualTo(1);
        assertThat(html).containsPattern("class=\"late-flag\">Recorded [45] days( \\d+ hours?)? late</strong>");

        HttpResponse<String> before = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        grant,
                        "nhsNumber",
                        child,
                        "reason",
                        "Before anything",
                        "asOf",
                        LocalDateTime.ofInstant(requested.minus(Duration.ofDays(1)), ZoneOffset.UTC)
                                .toString(),
                        "_csrf",
                        token));
        assertThat(before.body()).contains("id=\"no-entries\"").doesNotContain("id=\"timeline-entries\"");
        assertThat(figure(before.body(), "summary-requests")).isEqualTo("0");
    }

    @Test
    void aPractitionerOpeningTheTimelinesIsRefusedAndTheAttemptIsRecorded() {
        Browser browser = new Browser();
        browser.signIn(socialWorker);
        long denied = events("AccessDenied");

        HttpResponse<String> page = browser.get("/timeline");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("<h1 id=\"denied\">Not allowed</h1>").contains("CASE_REVIEWER");
        assertThat(events("AccessDenied")).isEqualTo(denied + 1);
        assertThat(recordedDenials(socialWorker.username(), "/timeline")).isEqualTo(1);
        assertThat(browser.get("/requests").body())
                .as("no link to the timelines")
                .doesNotContain("href=\"/timeline\"");

        long queried = events("TimelineQueried");
        HttpResponse<String> posted = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        grant,
                        "nhsNumber",
                        child,
                        "reason",
                        "Curious",
                        "_csrf",
                        PageSession.csrf(browser.get("/requests").body())));
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).doesNotContain(childDigits).doesNotContain(child);
        assertThat(events("AccessDenied")).isEqualTo(denied + 2);
        assertThat(events("TimelineQueried")).isEqualTo(queried);

        HttpResponse<String> anonymous = new Browser().get("/timeline");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aReviewerWithoutAGrantForThatChildGetsTheRefusalPage() {
        Credentials otherReviewer = scenario.user(null, "CASE_REVIEWER");
        String otherChildGrant = grant(otherReviewer, Scenario.uniqueNhsNumber());
        Credentials noGrants = scenario.user(null, "CASE_REVIEWER");
        long denied = events("AccessDenied");
        long queried = events("TimelineQueried");

        Browser browser = new Browser();
        browser.signIn(otherReviewer);
        HttpResponse<String> form = browser.get("/timeline");
        assertThat(form.body()).contains("value=\"" + otherChildGrant + "\"").doesNotContain(grant);

        HttpResponse<String> anotherChild = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        otherChildGrant,
                        "nhsNumber",
                        child,
                        "reason",
                        "Chronology",
                        "_csrf",
                        PageSession.csrf(form.body())));
        assertThat(anotherChild.statusCode()).isEqualTo(403);
        assertThat(anotherChild.body())
                .contains("Not allowed")
                .contains("the grant is for another child or case")
                .doesNotContain(childDigits)
                .doesNotContain(child);

        HttpResponse<String> someoneElses = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        grant,
                        "nhsNumber",
                        child,
                        "reason",
                        "Chronology",
                        "_csrf",
                        PageSession.csrf(form.body())));
        assertThat(someoneElses.statusCode()).isEqualTo(403);
        assertThat(someoneElses.body()).contains("only the CASE_REVIEWER the grant names may query timelines under it");
        assertThat(events("AccessDenied")).isEqualTo(denied + 2);
        assertThat(recordedDenials(otherReviewer.username(), "/timeline")).isEqualTo(2);
        assertThat(events("TimelineQueried")).isEqualTo(queried);

        Browser empty = new Browser();
        empty.signIn(noGrants);
        HttpResponse<String> nothing = empty.get("/timeline");
        assertThat(nothing.statusCode()).isEqualTo(200);
        assertThat(nothing.body()).contains("id=\"no-grants\"").doesNotContain("id=\"timeline-form\"");
    }

    // --- the story ---

    private String request(String holder, String nhsNumber) {
        Map<String, Object> body = Scenario.requestBody(csc, holder, "ROUTINE");
        body.put("subject", Map.of("nhsNumber", nhsNumber));
        return scenario.request(socialWorker, body);
    }

    private String grant(Credentials to, String nhsNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("nhsNumber", nhsNumber);
        body.put("reviewer", to.username());
        body.put("review", review);
        body.put("reason", "Commissioned by the Safeguarding Children Board");
        body.put("validUntil", Instant.now().plus(Duration.ofDays(30)).toString());
        Response response = http.as(trust).post("/api/timeline-grants", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.field("grantId");
    }

    /** A request made six days ago to the police and refused the next day, recorded only now. */
    private void backdatedRefusal(Instant requested, Instant decided) {
        String id = UUID.randomUUID().toString();
        String pseudonym = pseudonyms.of(NhsNumber.parse(childDigits).orElseThrow());
        MetaData actor = MetaData.from(Map.of(
                ActorMetaData.USERNAME,
                policeOfficer.username(),
                ActorMetaData.AGENCY_ID,
                police,
                ActorMetaData.ROLES,
                "PRACTITIONER"));
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> eventStore.publish(List.of(
                        new GenericDomainEventMessage<>(
                                "SharingRequest",
                                id,
                                0,
                                new InformationRequested(
                                        id,
                                        csc,
                                        police,
                                        pseudonym,
                                        SubjectKind.NHS_NUMBER,
                                        null,
                                        Purpose.CHILD_PROTECTION_ENQUIRY,
                                        "s47",
                                        LawfulBasis.PUBLIC_TASK,
                                        new Consent(ConsentStatus.NOT_SOUGHT, "risk"),
                                        Urgency.ROUTINE,
                                        "records",
                                        requested,
                                        requested.plus(Duration.ofDays(10)),
                                        null,
                                        null),
                                actor),
                        new GenericDomainEventMessage<>(
                                "SharingRequest",
                                id,
                                1,
                                new InformationRefused(
                                        id,
                                        csc,
                                        police,
                                        Reason.STATUTORY_BAR,
                                        "Decided by telephone",
                                        null,
                                        Instant.now(),
                                        decided,
                                        false,
                                        null),
                                actor))));
    }

    // --- reading the pages ---

    private long recordedQueries(String username, String format) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type like '%TimelineQueried'
                and convert_from(payload, 'UTF8') like ? and convert_from(payload, 'UTF8') like ?""", Long.class, "%\"" + username + "\"%", "%\"format\":\"" + format + "\"%");
    }

    private long recordedDenials(String username, String path) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry where payload_type like '%AccessDenied'
                and convert_from(payload, 'UTF8') like ? and convert_from(payload, 'UTF8') like ?""", Long.class, "%\"" + username + "\"%", "%\"" + path + "\"%");
    }

    /** The number in a summary figure. */
    private static String figure(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertThat(matcher.find()).as("figure " + id).isTrue();
        return matcher.group(1);
    }

    /** How many steps a timeline table lists. */
    private static int rows(String html, String tableId) {
        Matcher matcher = Pattern.compile("<tr id=\"" + tableId + "-\\d+\"").matcher(html);
        int rows = 0;
        while (matcher.find()) {
            rows++;
        }
        return rows;
    }

    private static String queryKey(String html) {
        Matcher matcher = QUERY_KEY.matcher(html);
        assertThat(matcher.find()).as("a download form").isTrue();
        return matcher.group(1);
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void aCaseIsAskedForByItsReferenceAndTheAgencyThatSetIt() {
        Credentials caseReviewer = scenario.user(null, "CASE_REVIEWER");
        String reference = "CASE-PG-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = Scenario.requestBody(csc, police, "ROUTINE");
        body.put("caseReference", reference);
        scenario.request(socialWorker, body);
        Map<String, Object> grantBody = new HashMap<>();
        grantBody.put("caseReference", reference);
        grantBody.put("agencyId", csc);
        grantBody.put("reviewer", caseReviewer.username());
        grantBody.put("review", review);
        grantBody.put("reason", "Commissioned by the Safeguarding Children Board");
        grantBody.put("validUntil", Instant.now().plus(Duration.ofDays(30)).toString());
        String caseGrant =
                http.as(trust).post("/api/timeline-grants", grantBody).field("grantId");
        awaitReadModels();
        Browser browser = new Browser();
        browser.signIn(caseReviewer);
        HttpResponse<String> form = browser.get("/timeline");
        String token = PageSession.csrf(form.body());

        HttpResponse<String> withoutAgency = browser.post(
                "/timeline",
                Map.of("grantId", caseGrant, "caseReference", reference, "reason", "Chronology", "_csrf", token));
        HttpResponse<String> withAgency = browser.post(
                "/timeline",
                Map.of(
                        "grantId",
                        caseGrant,
                        "caseReference",
                        reference,
                        "caseAgencyId",
                        csc,
                        "reason",
                        "Chronology",
                        "_csrf",
                        token));

        assertThat(form.body()).contains("id=\"caseAgencyId\"").contains(reference);
        assertThat(withoutAgency.statusCode()).isEqualTo(400);
        assertThat(withoutAgency.body())
                .contains("<a href=\"#caseAgencyId\">Choose the agency whose case reference this is</a>");
        assertThat(withAgency.statusCode()).as(withAgency.body()).isEqualTo(200);
        assertThat(withAgency.body()).contains("The case with reference " + reference + " of ");
    }

    /** The reviewer's session; no address it is sent to ever carries the child's identifier. */
    private final class Browser extends PageSession {

        Browser() {
            super(port);
        }

        @Override
        public HttpResponse<String> post(String path, Map<String, String> form) {
            HttpResponse<String> response = super.post(path, form);
            response.headers()
                    .firstValue("Location")
                    .ifPresent(location -> assertThat(location)
                            .as("never an identifier in an address")
                            .doesNotContain(childDigits));
            return response;
        }
    }
}
