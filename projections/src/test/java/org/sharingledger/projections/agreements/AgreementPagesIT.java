package org.sharingledger.projections.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
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
 * The agreement pages over plain HTTP, as a browser without script uses them: form login, a CSRF token on every form,
 * redirects not followed. Each form's mistakes keep the form and record nothing; each step goes through the same
 * rules as the API, and a refused one is the 403 page, recorded.
 */
class AgreementPagesIT extends IntegrationTest {

    private record Cast(String police, String school, Credentials policeRep, Credentials schoolRep) {}

    private Cast cast() {
        String police = scenario.agency("POLICE");
        String school = scenario.agency("EDUCATION");
        return new Cast(
                police,
                school,
                scenario.user(police, "NOMINATED_REPRESENTATIVE"),
                scenario.user(school, "NOMINATED_REPRESENTATIVE"));
    }

    private PageSession signedIn(Credentials who) {
        PageSession page = new PageSession(port);
        page.signIn(who);
        return page;
    }

    private static List<Map.Entry<String, String>> proposal(String csrf, String title, String... parties) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("_csrf", csrf));
        form.add(Map.entry("title", title));
        for (String party : parties) {
            form.add(Map.entry("parties", party));
        }
        form.add(Map.entry("purpose", "Schools know by the next morning when police attended a domestic incident"));
        form.add(Map.entry("dataItems", "Date of the incident\nChildren present\n"));
        form.add(Map.entry("lawfulBasis", "Children Act 2004 s11; Crime and Disorder Act 1998 s115"));
        form.add(Map.entry("reviewOn", LocalDate.now().plusYears(1).toString()));
        return form;
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void aRepresentativeProposesTheOtherSignsAndTheyReviewAndEndIt() {
        Cast c = cast();
        PageSession police = signedIn(c.policeRep());
        HttpResponse<String> form = police.get("/agreements/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"proposal-form\"").contains(c.school());

        String path = location(police.post(
                "/agreements",
                proposal(PageSession.csrf(form.body()), "Domestic abuse notifications", c.police(), c.school())));
        assertThat(path).startsWith("/agreements/");
        String page = police.get(path).body();
        assertThat(page).contains("Awaiting signatures").contains("id=\"sign\"").contains("Not yet signed");

        location(police.post(path + "/signature", Map.of("_csrf", PageSession.csrf(page), "agencyId", c.police())));
        PageSession school = signedIn(c.schoolRep());
        String schoolPage = school.get(path).body();
        assertThat(schoolPage).contains("id=\"sign\"");
        location(school.post(
                path + "/signature", Map.of("_csrf", PageSession.csrf(schoolPage), "agencyId", c.school())));
        String active = school.get(path).body();
        assertThat(active)
                .contains("In force")
                .contains("Every party has signed")
                .doesNotContain("id=\"sign\"")
                .contains("id=\"review-form\"");

        String next = LocalDate.now().plusYears(2).toString();
        location(school.post(
                path + "/review",
                Map.of("_csrf", PageSession.csrf(active), "nextReviewOn", next, "note", "Reviewed at the group")));
        String reviewed = school.get(path).body();
        assertThat(reviewed).contains(next).contains("Reviewed at the group");

        HttpResponse<String> blank =
                school.post(path + "/termination", Map.of("_csrf", PageSession.csrf(reviewed), "reason", " "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"error-summary\"").contains("href=\"#termination-reason\"");
        location(school.post(
                path + "/termination", Map.of("_csrf", PageSession.csrf(reviewed), "reason", "Superseded")));
        String ended = school.get(path).body();
        assertThat(ended).contains("Terminated").contains("Superseded").doesNotContain("id=\"termination-form\"");

        String list = police.get("/agreements").body();
        assertThat(list).contains("Domestic abuse notifications").contains("id=\"propose-agreement\"");
    }

    /** A form's hidden key, as the page gave it. */
    private static String key(String html, String form) {
        Matcher matcher = Pattern.compile("id=\"" + form + "\"[\\s\\S]*?name=\"idempotencyKey\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(matcher.find()).as(form + " carries a key").isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> sent(Map<String, String> fields, String html, String form) {
        Map<String, String> all = new HashMap<>(fields);
        all.put("_csrf", PageSession.csrf(html));
        all.put("idempotencyKey", key(html, form));
        return all;
    }

    /** The form sent twice with its key: both land on the agreement, the second one saying nothing new was recorded. */
    private static void twice(PageSession session, String path, String step, Map<String, String> form) {
        assertThat(location(session.post(path + step, form))).isEqualTo(path);
        session.get(path);
        assertThat(location(session.post(path + step, form))).isEqualTo(path);
        assertThat(session.get(path).body())
                .contains("This form had already been sent")
                .contains("Nothing new");
    }

    @Test
    void aFormSentTwiceRecordsItsStepOnceAndLandsOnTheAgreement() {
        Cast c = cast();
        PageSession police = signedIn(c.policeRep());
        String blank = police.get("/agreements/new").body();
        List<Map.Entry<String, String>> proposal =
                proposal(PageSession.csrf(blank), "Double-clicked agreement", c.police(), c.school());
        proposal.add(Map.entry("idempotencyKey", key(blank, "proposal-form")));
        long proposed = events("AgreementProposed");

        String path = location(police.post("/agreements", proposal));
        police.get(path);
        assertThat(location(police.post("/agreements", proposal))).isEqualTo(path);
        assertThat(events("AgreementProposed")).isEqualTo(proposed + 1);
        assertThat(police.get(path).body()).contains("This form had already been sent");

        long signed = events("AgreementSigned");
        twice(
                police,
                path,
                "/signature",
                sent(Map.of("agencyId", c.police()), police.get(path).body(), "signature-form"));
        assertThat(events("AgreementSigned")).isEqualTo(signed + 1);

        PageSession school = signedIn(c.schoolRep());
        location(school.post(
                path + "/signature",
                sent(Map.of("agencyId", c.school()), school.get(path).body(), "signature-form")));
        long reviewed = events("AgreementReviewed");
        twice(
                school,
                path,
                "/review",
                sent(
                        Map.of("nextReviewOn", LocalDate.now().plusYears(2).toString(), "note", "Reviewed once"),
                        school.get(path).body(),
                        "review-form"));
        assertThat(events("AgreementReviewed")).isEqualTo(reviewed + 1);

        long terminated = events("AgreementTerminated");
        twice(
                school,
                path,
                "/termination",
                sent(Map.of("reason", "Superseded"), school.get(path).body(), "termination-form"));
        assertThat(events("AgreementTerminated")).isEqualTo(terminated + 1);
    }

    @Test
    void aProposalWithMistakesComesBackAndRecordsNothing() {
        Cast c = cast();
        PageSession police = signedIn(c.policeRep());
        String csrf = PageSession.csrf(police.get("/agreements/new").body());
        long before = events("AgreementProposed");

        HttpResponse<String> mistaken = police.post("/agreements", proposal(csrf, " ", c.police()));

        assertThat(mistaken.statusCode()).isEqualTo(400);
        assertThat(mistaken.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#title\"")
                .contains("href=\"#parties\"")
                .contains("Children Act 2004 s11");
        List<Map.Entry<String, String>> badDate = proposal(csrf, "Title", c.police(), c.school());
        badDate.removeIf(e -> e.getKey().equals("reviewOn"));
        badDate.add(Map.entry("reviewOn", "next year"));
        assertThat(police.post("/agreements", badDate).body()).contains("href=\"#reviewOn\"");

        http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + c.school() + "/withdrawal",
                        Map.of("withdrawnOn", LocalDate.now().toString(), "reason", "Closed"));
        HttpResponse<String> conflict = police.post("/agreements", proposal(csrf, "Title", c.police(), c.school()));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"conflict\"").contains(c.school());
        assertThat(events("AgreementProposed")).isEqualTo(before);
    }

    @Test
    void signedOutPeopleSignInAndOthersAreRefusedAndRecorded() {
        Cast c = cast();
        String id =
                http.as(c.policeRep()).post("/api/agreements", agreementBody(c)).field("agreementId");
        PageSession anonymous = new PageSession(port);
        for (String path : List.of("/agreements", "/agreements/new", "/agreements/" + id)) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
        }

        String health = scenario.agency("HEALTH");
        PageSession outsider = signedIn(scenario.user(health, "NOMINATED_REPRESENTATIVE"));
        PageSession reviewer = signedIn(scenario.user(null, "CASE_REVIEWER"));
        PageSession officer = signedIn(scenario.user(c.police(), "PRACTITIONER"));
        long denied = events("AccessDenied");

        assertThat(outsider.get("/agreements/" + id).statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/agreements").statusCode()).isEqualTo(403);
        assertThat(officer.get("/agreements/new").statusCode()).isEqualTo(403);
        assertThat(officer.get("/agreements/" + id).statusCode()).isEqualTo(200);
        String csrf = PageSession.csrf(outsider.get("/agreements").body());
        HttpResponse<String> signs =
                outsider.post("/agreements/" + id + "/signature", Map.of("_csrf", csrf, "agencyId", health));
        assertThat(signs.statusCode()).isEqualTo(403);
        assertThat(signs.body()).contains("id=\"denied\"");
        assertThat(events("AccessDenied")).isGreaterThan(denied);

        PageSession police = signedIn(c.policeRep());
        assertThat(police.post("/agreements/" + id + "/signature", Map.of("agencyId", c.police()))
                        .statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        assertThat(police.get("/agreements/" + java.util.UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theRequestPageAndTheDashboardsShowTheAgreement() {
        Cast c = cast();
        String id =
                http.as(c.policeRep()).post("/api/agreements", agreementBody(c)).field("agreementId");
        http.as(c.policeRep()).post("/api/agreements/" + id + "/signatures", Map.of("agencyId", c.police()));
        http.as(c.schoolRep()).post("/api/agreements/" + id + "/signatures", Map.of("agencyId", c.school()));
        Credentials teacher = scenario.user(c.school(), "PRACTITIONER");
        Map<String, Object> body = Scenario.requestBody(c.school(), c.police(), "ROUTINE");
        body.put("agreementId", id);
        String requestId = scenario.request(teacher, body);

        String request = signedIn(teacher).get("/requests/" + requestId).body();
        assertThat(request).contains("id=\"agreement\"").contains("/agreements/" + id);

        awaitReadModels();
        String dashboard =
                signedIn(c.schoolRep()).get("/dashboard/" + c.school()).body();
        assertThat(dashboard).contains("id=\"requester-under-agreement\"");
        assertThat(dashboard.replaceAll("\\s+", " ")).containsPattern("id=\"requester-under-agreement\">1<");
        String trust =
                signedIn(scenario.user(null, "TRUST_REVIEWER")).get("/trust").body();
        assertThat(trust).contains("id=\"area-under-agreement\"");
    }

    private static Map<String, Object> agreementBody(Cast c) {
        return Map.of(
                "title",
                "Missing children notifications",
                "parties",
                List.of(c.police(), c.school()),
                "purpose",
                "Police tell schools when a pupil is reported missing",
                "dataItems",
                List.of("Date reported missing"),
                "lawfulBasis",
                "Children Act 2004 s11",
                "reviewOn",
                LocalDate.now().plusYears(1).toString());
    }

    @Test
    void theRequestFormOffersTheAgreementsInForceAndSendsTheChosenOne() {
        Cast c = cast();
        String id =
                http.as(c.policeRep()).post("/api/agreements", agreementBody(c)).field("agreementId");
        String awaiting =
                http.as(c.policeRep()).post("/api/agreements", agreementBody(c)).field("agreementId");
        http.as(c.policeRep()).post("/api/agreements/" + id + "/signatures", Map.of("agencyId", c.police()));
        http.as(c.schoolRep()).post("/api/agreements/" + id + "/signatures", Map.of("agencyId", c.school()));
        PageSession teacher = signedIn(scenario.user(c.school(), "PRACTITIONER"));

        String form = teacher.get("/requests/new").body();
        assertThat(form)
                .contains("id=\"agreementId\"")
                .contains("value=\"" + id + "\"")
                .doesNotContain(awaiting);

        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("_csrf", PageSession.csrf(form)));
        fields.add(Map.entry("holdingAgencyId", c.police()));
        fields.add(Map.entry("nhsNumber", "943 476 5919"));
        fields.add(Map.entry("purpose", "CHILD_PROTECTION_ENQUIRY"));
        fields.add(Map.entry("purposeDetail", "Section 47 enquiry"));
        fields.add(Map.entry("lawfulBasis", "PUBLIC_TASK"));
        fields.add(Map.entry("consentStatus", "NOT_SOUGHT"));
        fields.add(Map.entry("consentDetail", "Would put the child at risk"));
        fields.add(Map.entry("urgency", "ROUTINE"));
        fields.add(Map.entry("informationSought", "Call-outs to the home"));
        List<Map.Entry<String, String>> wrong = new ArrayList<>(fields);
        wrong.add(Map.entry("agreementId", awaiting));
        HttpResponse<String> refused = teacher.post("/requests", wrong);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("href=\"#agreementId\"");

        fields.add(Map.entry("agreementId", id));
        String path = location(teacher.post("/requests", fields));
        assertThat(teacher.get(path).body()).contains("id=\"agreement\"").contains("Missing children notifications");
    }
}
