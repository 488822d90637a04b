package org.sharingledger.projections.selfassessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.GovernanceIntegrationTest;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.PageSession;

/**
 * The self-assessment pages over plain HTTP, as a browser without script uses them: form login, a CSRF token on
 * every form, redirects not followed. Bad entries keep the form and record nothing; each step has the API's rules.
 */
class SelfAssessmentPagesIT extends GovernanceIntegrationTest {

    private static final String QUESTIONS = """
            Do your staff know how to share information about a child at risk?

            Have your staff attended the multi-agency course?
            """;

    @Test
    void theTrustOpensARoundAndWatchesWhoHasReturnedAndWhoIsOverdue() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        PageSession page = signedIn(trust);

        HttpResponse<String> list = page.get("/self-assessments");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("href=\"/self-assessments\" aria-current=\"page\"")
                .contains("id=\"open-form\"");
        String csrf = PageSession.csrf(list.body());
        long before = events("SelfAssessmentOpened");

        HttpResponse<String> empty = page.post("/self-assessments", Map.of("_csrf", csrf));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#title\"")
                .contains("href=\"#questions\"")
                .contains("href=\"#dueBy\"");
        HttpResponse<String> past = page.post("/self-assessments", opening(csrf, Duration.ofMinutes(-5)));
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("href=\"#dueBy\"").contains("The due time must be in the future");
        Map<String, String> badDate = opening(csrf, Duration.ofDays(1));
        badDate.put("dueBy", "next month");
        assertThat(page.post("/self-assessments", badDate).body()).contains("must be a real date and time");
        assertThat(events("SelfAssessmentOpened")).isEqualTo(before);

        HttpResponse<String> opened = page.post("/self-assessments", opening(csrf, Duration.ofSeconds(6)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        String path = opened.headers().firstValue("Location").orElseThrow();
        assertThat(path).startsWith("/self-assessments/");
        HttpResponse<String> one = page.get(path);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body())
                .contains("is circulated to")
                .contains("Have your staff attended the multi-agency course?")
                .contains("id=\"outstanding-list\"")
                .contains("Agency " + school)
                .contains("Agency " + police)
                .doesNotContain("id=\"return-form\"");

        PageSession representative = signedIn(schoolRep);
        String repCsrf = PageSession.csrf(representative.get(path).body());
        assertThat(representative
                        .post(path + "/returns", giveBack(repCsrf, "YES", null, "YES", null))
                        .statusCode())
                .isEqualTo(303);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> page.get(path).body().contains("id=\"round-status\">Past its due date"));
        String closed = page.get(path).body();
        assertThat(closed)
                .contains("id=\"returned-" + school + "\"")
                .contains("We share under the Code.")
                .containsPattern("id=\"outstanding-" + police + "\">[\\s\\S]*?overdue");
        assertThat(page.get("/self-assessments").body()).contains("href=\"" + path + "\"");
    }

    @Test
    void aRepresentativeReturnsForItsAgencyAndPartlyOrNoNeedEvidence() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        String path = open(trust, Duration.ofDays(14));
        PageSession police1 = signedIn(policeRep);
        String policeCsrf = PageSession.csrf(police1.get(path).body());
        assertThat(police1.post(path + "/returns", giveBack(policeCsrf, "YES", null, "YES", null))
                        .statusCode())
                .isEqualTo(303);
        PageSession page = signedIn(schoolRep);

        HttpResponse<String> list = page.get("/self-assessments");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("href=\"" + path + "\"")
                .contains("Not returned yet")
                .doesNotContain("id=\"open-form\"");
        HttpResponse<String> one = page.get(path);
        assertThat(one.body())
                .contains("id=\"return-form\"")
                .contains("Your agency has not returned this round yet.")
                .contains("id=\"count-returned\">1<")
                .doesNotContain("Agency " + police)
                .doesNotContain("We share under the Code.");
        String csrf = PageSession.csrf(one.body());
        long before = events("SelfAssessmentReturned");

        HttpResponse<String> nothing = page.post(path + "/returns", Map.of("_csrf", csrf));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body())
                .contains("href=\"#answer-0\"")
                .contains("href=\"#answer-1\"")
                .contains("href=\"#statement\"")
                .contains("Choose your answer to question 1");
        HttpResponse<String> partly = page.post(path + "/returns", giveBack(csrf, "YES", null, "PARTLY", " "));
        assertThat(partly.statusCode()).isEqualTo(400);
        assertThat(partly.body())
                .contains("href=\"#evidence-1\"")
                .contains("Enter the evidence for question 2")
                .contains("aria-invalid=\"true\"");
        Map<String, String> unknown = giveBack(csrf, "MAYBE", null, "YES", null);
        assertThat(page.post(path + "/returns", unknown).body()).contains("from the list");
        Map<String, String> nhs = giveBack(csrf, "NO", "The child 943 476 5919 was missed", "YES", null);
        assertThat(page.post(path + "/returns", nhs).body()).contains("must not contain an NHS number");
        assertThat(events("SelfAssessmentReturned")).isEqualTo(before);

        Map<String, String> good = giveBack(csrf, "YES", null, "PARTLY", "Half the staff attended in 2008");
        good.put("idempotencyKey", key(one.body(), "return-form"));
        HttpResponse<String> sent = page.post(path + "/returns", good);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(page.post(path + "/returns", good).statusCode())
                .as("the same form sent twice")
                .isEqualTo(303);
        assertThat(events("SelfAssessmentReturned")).isEqualTo(before + 1);
        HttpResponse<String> after = page.get(path);
        assertThat(after.body())
                .contains("Your agency returned this round on")
                .contains("Half the staff attended in 2008")
                .contains("Return this round again")
                .contains("value=\"PARTLY\" checked");
        assertThat(page.get("/self-assessments").body()).contains("<td>Returned</td>");
    }

    @Test
    void onlyWhoMayTakeEachStepAndEveryFormNeedsItsCsrfToken() {
        String school = scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials practitioner = scenario.user(school, "PRACTITIONER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials admin = scenario.user(null, "ADMIN");
        String path = open(trust, Duration.ofDays(14));

        HttpResponse<String> anonymous = new PageSession(port).get("/self-assessments");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        PageSession page = signedIn(practitioner);
        assertThat(page.get("/self-assessments").statusCode()).isEqualTo(403);
        assertThat(page.get(path).statusCode()).isEqualTo(403);
        String csrf = PageSession.csrf(page.get("/account").body());
        assertThat(page.post("/self-assessments", opening(csrf, Duration.ofDays(9)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(page.post(path + "/returns", giveBack(csrf, "YES", null, "YES", null))
                        .statusCode())
                .isEqualTo(403);

        PageSession administrator = signedIn(admin);
        HttpResponse<String> adminList = administrator.get("/self-assessments");
        assertThat(adminList.statusCode()).as("an ADMIN reads").isEqualTo(200);
        assertThat(adminList.body()).doesNotContain("id=\"open-form\"");
        assertThat(administrator
                        .post("/self-assessments", opening(PageSession.csrf(adminList.body()), Duration.ofDays(9)))
                        .statusCode())
                .as("the Trust opens rounds")
                .isEqualTo(403);

        PageSession representative = signedIn(schoolRep);
        assertThat(representative
                        .post(path + "/returns", Map.of("answer-0", "YES"))
                        .statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        assertThat(representative.get("/self-assessments/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);

        String late = scenario.agency("HEALTH");
        PageSession lateRep = signedIn(scenario.user(late, "NOMINATED_REPRESENTATIVE"));
        HttpResponse<String> notCirculated = lateRep.get(path);
        assertThat(notCirculated.body()).contains("id=\"not-circulated\"").doesNotContain("id=\"return-form\"");
        HttpResponse<String> refused = lateRep.post(
                path + "/returns", giveBack(PageSession.csrf(notCirculated.body()), "YES", null, "YES", null));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"conflict\"");
    }

    private String open(Credentials trust, Duration ahead) {
        PageSession page = signedIn(trust);
        String csrf = PageSession.csrf(page.get("/self-assessments").body());
        HttpResponse<String> opened = page.post("/self-assessments", opening(csrf, ahead));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        return opened.headers().firstValue("Location").orElseThrow();
    }

    private PageSession signedIn(Credentials credentials) {
        PageSession page = new PageSession(port);
        page.signIn(credentials);
        return page;
    }

    /** A form's hidden key, as the page gave it. */
    private static String key(String html, String form) {
        Matcher matcher = Pattern.compile("id=\"" + form + "\"[\\s\\S]*?name=\"idempotencyKey\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(matcher.find()).as(form + " carries a key").isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> opening(String csrf, Duration ahead) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("title", "Position statement for the Laming review");
        form.put("questions", QUESTIONS);
        form.put(
                "dueBy",
                LocalDateTime.ofInstant(Instant.now().plus(ahead), ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        return form;
    }

    private static Map<String, String> giveBack(
            String csrf, String first, String firstEvidence, String second, String secondEvidence) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("answer-0", first);
        if (firstEvidence != null) {
            form.put("evidence-0", firstEvidence);
        }
        form.put("answer-1", second);
        if (secondEvidence != null) {
            form.put("evidence-1", secondEvidence);
        }
        form.put("statement", "We share under the Code.");
        return form;
    }
}
