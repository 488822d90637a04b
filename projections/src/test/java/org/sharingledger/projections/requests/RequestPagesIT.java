package org.sharingledger.projections.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/**
 * The practitioners' request pages over plain HTTP, as a browser without script uses them: the work list, the request
 * form, and each step's form on a request's page. Every step goes through the same service as the API, so these
 * check the pages' own part: the form comes back with its problems and nothing recorded, 303 and a confirmation on
 * success, one request for a form sent twice, the plain 409, and refusals (401, 403, CSRF) recorded as the API's.
 */
class RequestPagesIT extends IntegrationTest {

    private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");

    private String school;
    private String police;
    private Credentials teacher;
    private Credentials officer;
    private Credentials policeRepresentative;

    @BeforeEach
    void aSchoolAndThePolice() {
        school = scenario.agency("EDUCATION");
        police = scenario.agency("POLICE");
        teacher = scenario.user(school, "PRACTITIONER");
        officer = scenario.user(police, "PRACTITIONER");
        policeRepresentative = scenario.user(police, "NOMINATED_REPRESENTATIVE");
    }

    @Test
    void aPractitionerStartsAtTheWorkListAndMakesARequestThroughTheForm() {
        PageSession browser = signedIn(teacher);
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/requests");

        HttpResponse<String> form = browser.get("/requests/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("id=\"request-form\"")
                .contains("value=\"" + police + "\"")
                .doesNotContain("<option value=\"" + school + "\"")
                .contains("Is there a clear and legitimate purpose")
                .contains("A decision is due within <span>24 hours</span>")
                .contains("A decision is due within <span>10 days</span>")
                .contains("href=\"/requests/new\" aria-current=\"page\"");
        long requested = events("InformationRequested");

        HttpResponse<String> made = browser.post("/requests", validForm(form.body()));

        assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
        String location = made.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/requests/[0-9a-f-]{36}$");
        assertThat(events("InformationRequested")).isEqualTo(requested + 1);
        HttpResponse<String> page = browser.get(path(location));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"confirmation\"")
                .contains("Your request has been sent to")
                .contains("Awaiting decision")
                .contains("On time")
                .contains("943 476 5919")
                .contains("asked")
                .contains("id=\"withdraw-form\"")
                .doesNotContain("id=\"refuse-form\"");

        HttpResponse<String> list = browser.get("/requests");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("id=\"made-table\"")
                .contains(location.substring(location.indexOf("/requests/")));
    }

    @Test
    void theRequestFormComesBackWithEveryProblemTheEntriesKeptAndNothingRecorded() {
        PageSession browser = signedIn(teacher);
        String form = browser.get("/requests/new").body();
        long before = steps();

        Map<String, String> empty = Map.of("_csrf", PageSession.csrf(form), "idempotencyKey", key(form));
        HttpResponse<String> nothing = browser.post("/requests", empty);
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#holdingAgencyId\"")
                .contains("href=\"#nhsNumber\"")
                .contains("href=\"#purpose\"")
                .contains("href=\"#purposeDetail\"")
                .contains("href=\"#lawfulBasis\"")
                .contains("href=\"#consentStatus\"")
                .contains("href=\"#urgency\"")
                .contains("href=\"#informationSought\"")
                .contains("Choose the purpose")
                .contains("Enter the information you are asking for");

        Map<String, String> badNhs = validForm(form);
        badNhs.put("nhsNumber", "943 476 5918");
        badNhs.put("informationSought", "Call-outs to the home, kept as typed");
        HttpResponse<String> wrongDigit = browser.post("/requests", badNhs);
        assertThat(wrongDigit.statusCode()).isEqualTo(400);
        assertThat(wrongDigit.body())
                .contains("Enter a valid NHS number: 10 digits with a correct check digit")
                .contains("id=\"nhsNumber-error\"")
                .contains("value=\"943 476 5918\"")
                .contains("Call-outs to the home, kept as typed")
                .contains("value=\"" + police + "\" selected");

        Map<String, String> consent = validForm(form);
        consent.put("lawfulBasis", "CONSENT");
        HttpResponse<String> aggregateRule = browser.post("/requests", consent);
        assertThat(aggregateRule.statusCode()).isEqualTo(400);
        assertThat(aggregateRule.body())
                .contains("href=\"#consentStatus\"")
                .contains("When the lawful basis is consent, consent must have been given");

        Map<String, String> both = validForm(form);
        both.put("localReference", "PUPIL-17");
        HttpResponse<String> twoIdentifiers = browser.post("/requests", both);
        assertThat(twoIdentifiers.statusCode()).isEqualTo(400);
        assertThat(twoIdentifiers.body()).contains("one of the two, not both");

        assertThat(steps()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void aRequestFormSentTwiceRecordsOneRequest() throws Exception {
        PageSession browser = signedIn(teacher);
        Map<String, String> form = validForm(browser.get("/requests/new").body());
        long before = events("InformationRequested");

        HttpResponse<String> first = browser.post("/requests", form);
        assertThat(browser.get(path(first.headers().firstValue("Location").orElseThrow()))
                        .body())
                .contains("Your request has been sent to");
        HttpResponse<String> again = browser.post("/requests", form);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(browser.get(path(again.headers().firstValue("Location").orElseThrow()))
                        .body())
                .contains("This form had already been sent");
        assertThat(events("InformationRequested")).isEqualTo(before + 1);

        Map<String, String> doubleClick = validForm(browser.get("/requests/new").body());
        List<CompletableFuture<HttpResponse<String>>> clicks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clicks.add(CompletableFuture.supplyAsync(() -> browser.post("/requests", doubleClick)));
        }
        List<String> locations = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> click : clicks) {
            HttpResponse<String> response = click.get();
            assertThat(response.statusCode()).isEqualTo(303);
            locations.add(response.headers().firstValue("Location").orElseThrow());
        }
        assertThat(locations.get(0)).isEqualTo(locations.get(1));
        assertThat(events("InformationRequested")).isEqualTo(before + 2);
    }

    @Test
    void theHolderRefusesTheRequesterEscalatesAndTheRepresentativeUpholdsEachA303WithItsEvent() {
        String id = scenario.request(teacher, school, police);
        PageSession holder = signedIn(officer);
        HttpResponse<String> list = holder.get("/requests");
        assertThat(list.body())
                .contains("id=\"awaiting-table\"")
                .contains("/requests/" + id)
                .contains("On time");

        String page = holder.get("/requests/" + id).body();
        assertThat(page)
                .contains("id=\"share-form\"")
                .contains("id=\"refuse-form\"")
                .doesNotContain("id=\"withdraw-form\"")
                .doesNotContain("id=\"escalate-form\"");
        long refused = events("InformationRefused");
        HttpResponse<String> noRationale = holder.post(
                "/requests/" + id + "/refusal",
                Map.of("reason", "STATUTORY_BAR", "rationale", " ", "_csrf", PageSession.csrf(page)));
        assertThat(noRationale.statusCode()).isEqualTo(400);
        assertThat(noRationale.body())
                .contains("href=\"#refuse-rationale\"")
                .contains("Enter your rationale")
                .contains("value=\"STATUTORY_BAR\" selected");
        assertThat(events("InformationRefused")).isEqualTo(refused);

        HttpResponse<String> refusal = holder.post(
                "/requests/" + id + "/refusal",
                Map.of("reason", "STATUTORY_BAR", "rationale", "The law forbids it", "_csrf", PageSession.csrf(page)));
        assertThat(refusal.statusCode()).isEqualTo(303);
        assertThat(refusal.headers().firstValue("Location").orElseThrow()).endsWith("/requests/" + id);
        assertThat(events("InformationRefused")).isEqualTo(refused + 1);
        assertThat(holder.get("/requests/" + id).body())
                .contains("You refused the request")
                .contains("refused: A statute forbids disclosure")
                .contains("The law forbids it");

        PageSession requester = signedIn(teacher);
        String refusedPage = requester.get("/requests/" + id).body();
        assertThat(refusedPage).contains("id=\"escalate-form\"");
        HttpResponse<String> noStage = requester.post(
                "/requests/" + id + "/escalations",
                Map.of("reason", "The child is at risk", "_csrf", PageSession.csrf(refusedPage)));
        assertThat(noStage.statusCode()).isEqualTo(400);
        assertThat(noStage.body()).contains("href=\"#escalate-stage\"").contains("Choose the stage to escalate to");
        long escalated = events("RefusalEscalated");
        HttpResponse<String> escalation = requester.post(
                "/requests/" + id + "/escalations",
                Map.of(
                        "stage",
                        "NOMINATED_REPRESENTATIVE",
                        "reason",
                        "The child is at risk",
                        "_csrf",
                        PageSession.csrf(refusedPage)));
        assertThat(escalation.statusCode()).isEqualTo(303);
        assertThat(events("RefusalEscalated")).isEqualTo(escalated + 1);

        PageSession representative = signedIn(policeRepresentative);
        assertThat(representative.get("/requests").body())
                .contains("id=\"escalations-table\"")
                .contains("/requests/" + id);
        String escalatedPage = representative.get("/requests/" + id).body();
        assertThat(escalatedPage).contains("id=\"resolve-form\"");
        assertThat(holder.get("/requests/" + id).body())
                .as("a practitioner does not resolve")
                .doesNotContain("id=\"resolve-form\"");
        HttpResponse<String> sharedWithoutWhat = representative.post(
                "/requests/" + id + "/escalations/resolution",
                Map.of("outcome", "SHARED", "rationale", "On reflection", "_csrf", PageSession.csrf(escalatedPage)));
        assertThat(sharedWithoutWhat.statusCode()).isEqualTo(400);
        assertThat(sharedWithoutWhat.body())
                .contains("href=\"#resolve-informationShared\"")
                .contains("href=\"#resolve-method\"");
        long resolved = events("EscalationResolved");
        HttpResponse<String> upheld = representative.post(
                "/requests/" + id + "/escalations/resolution",
                Map.of(
                        "outcome",
                        "REFUSAL_UPHELD",
                        "rationale",
                        "The statute applies",
                        "_csrf",
                        PageSession.csrf(escalatedPage)));
        assertThat(upheld.statusCode()).isEqualTo(303);
        assertThat(events("EscalationResolved")).isEqualTo(resolved + 1);
        String after = requester.get("/requests/" + id).body();
        assertThat(after).contains("Refusal upheld").contains("the refusal was upheld");
        assertThat(after)
                .as("only later stages are offered")
                .contains("value=\"DATA_PROTECTION_OFFICER\"")
                .doesNotContain("value=\"LINE_MANAGER\"");

        // On to the safeguarding partnership: the Trust resolves it, and the information is shared after all.
        HttpResponse<String> toTheTrust = requester.post(
                "/requests/" + id + "/escalations",
                Map.of(
                        "stage",
                        "SAFEGUARDING_PARTNERSHIP",
                        "reason",
                        "The risk to the child has grown",
                        "_csrf",
                        PageSession.csrf(after)));
        assertThat(toTheTrust.statusCode()).isEqualTo(303);
        assertThat(representative.get("/requests").body())
                .as("not the representative's to resolve (their notifications may still link to it)")
                .doesNotContain("id=\"escalation-" + id + "\"");
        PageSession trust = signedIn(scenario.user(null, "TRUST_REVIEWER"));
        HttpResponse<String> trustList = trust.get("/requests");
        assertThat(trustList.statusCode()).isEqualTo(200);
        assertThat(trustList.body())
                .contains("id=\"escalations-table\"")
                .contains("/requests/" + id)
                .doesNotContain("id=\"awaiting-table\"")
                .doesNotContain("id=\"made\"");
        String trustPage = trust.get("/requests/" + id).body();
        assertThat(trustPage)
                .contains("id=\"resolve-form\"")
                .as("the Trust sees no identifier")
                .doesNotContain("id=\"child-nhs-number\"");
        long resolvedBefore = events("EscalationResolved");
        HttpResponse<String> shared = trust.post(
                "/requests/" + id + "/escalations/resolution",
                Map.of(
                        "outcome",
                        "SHARED",
                        "rationale",
                        "The child's safety comes first",
                        "informationShared",
                        "The call-out log",
                        "method",
                        "SECURE_PORTAL",
                        "_csrf",
                        PageSession.csrf(trustPage)));
        assertThat(shared.statusCode()).isEqualTo(303);
        assertThat(events("EscalationResolved")).isEqualTo(resolvedBefore + 1);
        assertThat(trust.get("/requests/" + id).body()).contains("Shared after escalation");
    }

    @Test
    void theHolderSharesAndTheRequesterWithdrawsAnotherEachA303WithItsEvent() {
        String toShare = scenario.request(teacher, school, police);
        String toWithdraw = scenario.request(teacher, school, police);
        PageSession holder = signedIn(officer);
        String page = holder.get("/requests/" + toShare).body();
        HttpResponse<String> partWithoutReason = holder.post(
                "/requests/" + toShare + "/share",
                Map.of(
                        "scope",
                        "PARTIAL",
                        "informationShared",
                        "One call-out",
                        "method",
                        "SECURE_EMAIL",
                        "rationale",
                        "Proportionate",
                        "_csrf",
                        PageSession.csrf(page)));
        assertThat(partWithoutReason.statusCode()).isEqualTo(400);
        assertThat(partWithoutReason.body())
                .contains("href=\"#share-withheldReason\"")
                .contains("One call-out");
        long shared = events("InformationShared");
        HttpResponse<String> share = holder.post(
                "/requests/" + toShare + "/share",
                Map.of(
                        "scope",
                        "FULL",
                        "informationShared",
                        "One call-out",
                        "method",
                        "SECURE_EMAIL",
                        "rationale",
                        "Proportionate",
                        "_csrf",
                        PageSession.csrf(page)));
        assertThat(share.statusCode()).isEqualTo(303);
        assertThat(events("InformationShared")).isEqualTo(shared + 1);

        PageSession requester = signedIn(teacher);
        String withdrawPage = requester.get("/requests/" + toWithdraw).body();
        HttpResponse<String> noReason = requester.post(
                "/requests/" + toWithdraw + "/withdrawal", Map.of("_csrf", PageSession.csrf(withdrawPage)));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#withdraw-reason\"").contains("Enter the reason for withdrawing");
        long withdrawn = events("RequestWithdrawn");
        HttpResponse<String> withdrawal = requester.post(
                "/requests/" + toWithdraw + "/withdrawal",
                Map.of("reason", "No longer needed", "_csrf", PageSession.csrf(withdrawPage)));
        assertThat(withdrawal.statusCode()).isEqualTo(303);
        assertThat(events("RequestWithdrawn")).isEqualTo(withdrawn + 1);
        assertThat(requester.get("/requests/" + toWithdraw).body())
                .contains("You withdrew the request")
                .contains("withdrew the request");
    }

    @Test
    void aStepSomeoneElseTookFirstSaysSoPlainly() {
        String id = scenario.request(teacher, school, police);
        PageSession first = signedIn(officer);
        PageSession second = signedIn(scenario.user(police, "PRACTITIONER"));
        String secondsPage = second.get("/requests/" + id).body();
        assertThat(first.post(
                                "/requests/" + id + "/refusal",
                                Map.of(
                                        "reason",
                                        "STATUTORY_BAR",
                                        "rationale",
                                        "The law forbids it",
                                        "_csrf",
                                        PageSession.csrf(
                                                first.get("/requests/" + id).body())))
                        .statusCode())
                .isEqualTo(303);
        long before = steps();

        HttpResponse<String> late = second.post(
                "/requests/" + id + "/share",
                Map.of(
                        "scope",
                        "FULL",
                        "informationShared",
                        "All of it",
                        "method",
                        "SECURE_EMAIL",
                        "rationale",
                        "Needed",
                        "seenStatus",
                        "AWAITING_DECISION",
                        "_csrf",
                        PageSession.csrf(secondsPage)));

        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body())
                .contains("id=\"conflict\"")
                .contains("Someone else took a step on this request first")
                .contains("Nothing you sent was recorded")
                .doesNotContain("id=\"share-form\"");
        assertThat(steps()).isEqualTo(before);

        String open = scenario.request(teacher, school, police);
        PageSession requester = signedIn(teacher);
        HttpResponse<String> tooSoon = requester.post(
                "/requests/" + open + "/escalations",
                Map.of(
                        "stage",
                        "LINE_MANAGER",
                        "reason",
                        "Impatient",
                        "seenStatus",
                        "AWAITING_DECISION",
                        "_csrf",
                        PageSession.csrf(requester.get("/requests/" + open).body())));
        assertThat(tooSoon.statusCode()).isEqualTo(409);
        assertThat(tooSoon.body())
                .as("nobody else changed it: the step is simply not open")
                .contains("That step is not open on this request now")
                .doesNotContain("Someone else");
        assertThat(steps()).isEqualTo(before + 1);
    }

    @Test
    void everyPageAsksAnonymousPeopleToSignInAndRefusesOthersRecordingTheAttempt() {
        String id = scenario.request(teacher, school, police);
        PageSession anonymous = new PageSession(port);
        for (String path : List.of("/requests", "/requests/new", "/requests/" + id)) {
            HttpResponse<String> page = anonymous.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(302);
            assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        }

        Credentials caseReviewer = scenario.user(null, "CASE_REVIEWER");
        PageSession reviewer = signedIn(caseReviewer);
        long denied = events("AccessDenied");
        for (String path : List.of("/requests", "/requests/new", "/requests/" + id)) {
            HttpResponse<String> page = reviewer.get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(403);
            assertThat(page.body()).contains("<h1 id=\"denied\">Not allowed</h1>");
        }
        assertThat(events("AccessDenied")).isEqualTo(denied + 3);
        assertThat(reviewer.get("/timeline").body()).doesNotContain("href=\"/requests\"");

        String stranger = scenario.agency("HEALTH");
        PageSession outsider = signedIn(scenario.user(stranger, "PRACTITIONER"));
        String outsidersPage = outsider.get("/requests").body();
        assertThat(outsider.get("/requests/" + id).statusCode()).isEqualTo(403);
        long requested = events("InformationRefused");
        HttpResponse<String> refusal = outsider.post(
                "/requests/" + id + "/refusal",
                Map.of("reason", "STATUTORY_BAR", "rationale", "Not ours", "_csrf", PageSession.csrf(outsidersPage)));
        assertThat(refusal.statusCode()).isEqualTo(403);
        assertThat(refusal.body()).contains("Not allowed");
        assertThat(events("InformationRefused")).isEqualTo(requested);
        assertThat(events("AccessDenied")).isEqualTo(denied + 5);

        PageSession requester = signedIn(teacher);
        String own = requester.get("/requests/" + id).body();
        HttpResponse<String> refuseOwn = requester.post(
                "/requests/" + id + "/refusal",
                Map.of("reason", "STATUTORY_BAR", "rationale", "Mine", "_csrf", PageSession.csrf(own)));
        assertThat(refuseOwn.statusCode())
                .as("a step the page does not offer is refused by the same rule as in the API")
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 6);
        assertThat(new PageSession(port).get("/requests/" + UUID.randomUUID()).statusCode())
                .isEqualTo(302);
        assertThat(requester.get("/requests/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aFormWithoutItsCsrfTokenOrWithAStaleOneIsRefusedAndRecordsNothing() {
        String id = scenario.request(teacher, school, police);
        PageSession browser = signedIn(teacher);
        Map<String, String> form = validForm(browser.get("/requests/new").body());
        long before = events("InformationRequested");
        long withdrawn = events("RequestWithdrawn");
        long denied = events("AccessDenied");

        Map<String, String> missing = new HashMap<>(form);
        missing.remove("_csrf");
        HttpResponse<String> noToken = browser.post("/requests", missing);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("could not be matched to your session");

        Map<String, String> stale = new HashMap<>(form);
        PageSession later = signedIn(teacher);
        HttpResponse<String> staleToken = later.post("/requests", stale);
        assertThat(staleToken.statusCode()).isEqualTo(403);

        HttpResponse<String> stepWithoutToken =
                browser.post("/requests/" + id + "/withdrawal", Map.of("reason", "No longer needed"));
        assertThat(stepWithoutToken.statusCode()).isEqualTo(403);
        assertThat(events("InformationRequested")).isEqualTo(before);
        assertThat(events("RequestWithdrawn")).isEqualTo(withdrawn);
        assertThat(events("AccessDenied")).as("each refused form is recorded").isEqualTo(denied + 3);
    }

    // --- helpers ---

    /**
     * Every event but the notifications, which the ledger records on its own, a moment after the step they tell of
     * (possibly a step of another test).
     */
    @Test
    void theWorkListShowsTheAgencysLastTenNotificationsNewestFirstAndNothingWithoutAny() {
        PageSession officerBrowser = signedIn(officer);
        assertThat(officerBrowser.get("/requests").body())
                .as("no notification yet")
                .doesNotContain("id=\"notifications\"");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            made.add(scenario.request(teacher, school, police));
        }
        // Notifications are mailed, and recorded, a moment after each step.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(distinct request_id) from notification_view where agency_id = ?",
                                Long.class,
                                police)
                        == 11);
        List<String> newestFirst = jdbc.queryForList("""
                select request_id from notification_view where agency_id = ?
                group by request_id, about_event_id order by max(sent_at) desc, about_event_id limit 10""", String.class, police);

        String list = officerBrowser.get("/requests").body();

        assertThat(list).contains("id=\"notifications-table\"").contains(">New request for information</th>");
        Matcher row = Pattern.compile(
                        "<th scope=\"row\">([^<]+)</th>\\s*<td><a href=\"/requests/([0-9a-f-]{36})\">[^<]+</a></td>"
                                + "\\s*<td><time datetime=\"([^\"]+)\"")
                .matcher(list);
        List<String> listed = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        while (row.find()) {
            assertThat(row.group(1)).isEqualTo("New request for information");
            listed.add(row.group(2));
            sent.add(row.group(3));
        }
        assertThat(listed).as("the last ten, newest first").containsExactlyElementsOf(newestFirst);
        assertThat(sent).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(made).containsAll(listed);

        // The school is told of the refusal: the step in its words, on the school's own list only.
        String refused = made.get(0);
        assertThat(http.as(officer)
                        .post("/api/requests/" + refused + "/refusal", Scenario.refusal())
                        .status())
                .isBetween(200, 299);
        PageSession teacherBrowser = signedIn(teacher);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> teacherBrowser.get("/requests").body().contains(">Request refused</th>"));
        assertThat(teacherBrowser.get("/requests").body()).contains("href=\"/requests/" + refused + "\"");
    }

    private long steps() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type not like ?",
                Long.class,
                "%.NotificationSent");
    }

    private PageSession signedIn(Credentials credentials) {
        PageSession session = new PageSession(port);
        session.signIn(credentials);
        return session;
    }

    private Map<String, String> validForm(String formPage) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", PageSession.csrf(formPage));
        form.put("idempotencyKey", key(formPage));
        form.put("holdingAgencyId", police);
        form.put("nhsNumber", "943 476 5919");
        form.put("localReference", "");
        form.put("name", "");
        form.put("dateOfBirth", "");
        form.put("caseReference", "CASE-" + UUID.randomUUID().toString().substring(0, 8));
        form.put("purpose", "CHILD_PROTECTION_ENQUIRY");
        form.put("purposeDetail", "Section 47 enquiry after a referral");
        form.put("lawfulBasis", "PUBLIC_TASK");
        form.put("consentStatus", "NOT_SOUGHT");
        form.put("consentDetail", "Asking would put the child at risk");
        form.put("urgency", "ROUTINE");
        form.put("informationSought", "Call-outs to the family home");
        return form;
    }

    private static String key(String formPage) {
        Matcher matcher = KEY.matcher(formPage);
        assertThat(matcher.find()).as("an idempotency key in the form").isTrue();
        return matcher.group(1);
    }

    private static String path(String location) {
        return location.substring(location.indexOf("/requests"));
    }
}
