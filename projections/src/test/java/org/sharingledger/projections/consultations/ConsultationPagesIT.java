package org.sharingledger.projections.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.sharingledger.support.Scenario;

/**
 * The consultation pages over plain HTTP, as a browser without script uses them: form login, a CSRF token on every
 * form, redirects not followed. Bad entries keep the form and record nothing; each step has the API's rules.
 */
class ConsultationPagesIT extends GovernanceIntegrationTest {

    @Test
    void theTrustCirculatesAVersionWatchesWhoHasNotAnsweredAndAdoptsIt() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        PageSession page = signedIn(trust);

        HttpResponse<String> list = page.get("/consultations");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("href=\"/consultations\" aria-current=\"page\"")
                .contains("id=\"open-form\"");
        String csrf = PageSession.csrf(list.body());
        long before = events("ConsultationOpened");

        HttpResponse<String> empty = page.post("/consultations", Map.of("_csrf", csrf));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#codeVersion\"")
                .contains("href=\"#title\"")
                .contains("href=\"#summaryOfChanges\"")
                .contains("href=\"#respondBy\"");
        HttpResponse<String> tooSoon = page.post("/consultations", opening(csrf, Scenario.unique("v"), Duration.ZERO));
        assertThat(tooSoon.statusCode()).isEqualTo(400);
        assertThat(tooSoon.body()).contains("href=\"#respondBy\"").contains("must be at least");
        assertThat(events("ConsultationOpened")).isEqualTo(before);

        String version = Scenario.unique("v");
        HttpResponse<String> opened = page.post("/consultations", opening(csrf, version, Duration.ofSeconds(5)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        String path = opened.headers().firstValue("Location").orElseThrow();
        assertThat(path).startsWith("/consultations/");
        HttpResponse<String> again = page.post("/consultations", opening(csrf, version, Duration.ofDays(9)));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"conflict\"");

        HttpResponse<String> one = page.get(path);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body())
                .contains("is circulated to")
                .contains("id=\"awaiting-list\"")
                .contains("Agency " + school)
                .contains("Agency " + police)
                .doesNotContain("id=\"adopt-form\"");

        PageSession representative = signedIn(schoolRep);
        String repCsrf = PageSession.csrf(representative.get(path).body());
        assertThat(representative
                        .post(path + "/responses", Map.of("_csrf", repCsrf, "response", "AGREE"))
                        .statusCode())
                .isEqualTo(303);

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> page.get(path).body().contains("id=\"adopt-form\""));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> page.get(path).body().contains("Deemed to agree (no answer)</td>"));
        HttpResponse<String> closed = page.get(path);
        assertThat(closed.body()).doesNotContain("id=\"awaiting-list\"").doesNotContain("id=\"answer-form\"");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        HttpResponse<String> adopted = page.post(
                path + "/adoption",
                Map.of("_csrf", PageSession.csrf(closed.body()), "adoptedOn", today, "note", "At the Trust board"));
        assertThat(adopted.statusCode()).as(adopted.body()).isEqualTo(303);
        HttpResponse<String> after = page.get(path);
        assertThat(after.body())
                .contains("The version is adopted as the current Code of Practice.")
                .contains("id=\"adopted-on\">" + today)
                .doesNotContain("id=\"adopt-form\"")
                .doesNotContain("id=\"comment-form\"");
    }

    @Test
    void openingAndAdoptingSentTwiceRecordOnceAndLandOnTheConsultation() {
        scenario.agency("HEALTH");
        PageSession page = signedIn(scenario.user(null, "TRUST_REVIEWER"));
        String list = page.get("/consultations").body();
        Map<String, String> opening = opening(PageSession.csrf(list), Scenario.unique("v"), Duration.ofSeconds(4));
        opening.put("idempotencyKey", key(list, "open-form"));
        long opened = events("ConsultationOpened");

        HttpResponse<String> first = page.post("/consultations", opening);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
        String path = first.headers().firstValue("Location").orElseThrow();
        page.get(path);
        HttpResponse<String> second = page.post("/consultations", opening);

        assertThat(second.statusCode())
                .as("not 409: version already consulted on")
                .isEqualTo(303);
        assertThat(second.headers().firstValue("Location")).contains(path);
        assertThat(events("ConsultationOpened")).isEqualTo(opened + 1);
        assertThat(page.get(path).body())
                .contains("This form had already been sent")
                .contains("Nothing new");

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> page.get(path).body().contains("id=\"adopt-form\""));
        String closed = page.get(path).body();
        Map<String, String> adoption = Map.of(
                "_csrf",
                PageSession.csrf(closed),
                "adoptedOn",
                LocalDate.now(ZoneOffset.UTC).toString(),
                "idempotencyKey",
                key(closed, "adopt-form"));
        long adopted = events("CodeVersionAdopted");
        HttpResponse<String> adopt = page.post(path + "/adoption", adoption);
        assertThat(adopt.statusCode()).as(adopt.body()).isEqualTo(303);
        page.get(path);
        HttpResponse<String> again = page.post(path + "/adoption", adoption);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location")).contains(path);
        assertThat(events("CodeVersionAdopted")).isEqualTo(adopted + 1);
        assertThat(page.get(path).body()).contains("This form had already been sent");
    }

    /** A form's hidden key, as the page gave it. */
    private static String key(String html, String form) {
        Matcher matcher = Pattern.compile("id=\"" + form + "\"[\\s\\S]*?name=\"idempotencyKey\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(matcher.find()).as(form + " carries a key").isTrue();
        return matcher.group(1);
    }

    @Test
    void aRepresentativeAnswersForItsAgencyAndAnObjectionNeedsComments() {
        String school = scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String path = open(trust, Duration.ofDays(14));
        PageSession page = signedIn(schoolRep);

        HttpResponse<String> list = page.get("/consultations");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("Circulated to your agency")
                .contains("href=\"" + path + "\"")
                .contains("Not answered yet")
                .doesNotContain("id=\"open-form\"");
        HttpResponse<String> one = page.get(path);
        assertThat(one.body()).contains("id=\"answer-form\"").doesNotContain("id=\"adopt-form\"");
        String csrf = PageSession.csrf(one.body());
        long before = events("ConsultationAnswered");

        HttpResponse<String> objection = page.post(path + "/responses", Map.of("_csrf", csrf, "response", "OBJECT"));
        assertThat(objection.statusCode()).isEqualTo(400);
        assertThat(objection.body())
                .contains("href=\"#comments\"")
                .contains("Enter comments: an objection says why")
                .contains("aria-invalid=\"true\"");
        HttpResponse<String> nothing = page.post(path + "/responses", Map.of("_csrf", csrf));
        assertThat(nothing.statusCode()).isEqualTo(400);
        assertThat(nothing.body()).contains("href=\"#response\"").contains("Choose your agency&#39;s answer");
        assertThat(events("ConsultationAnswered")).isEqualTo(before);

        assertThat(page.post(
                                path + "/responses",
                                Map.of("_csrf", csrf, "response", "OBJECT", "comments", "Section 4 is unclear"))
                        .statusCode())
                .isEqualTo(303);
        long comments = events("ConsultationCommented");
        Map<String, String> comment =
                Map.of("_csrf", csrf, "text", "Could section 4 cite the guidance?", "idempotencyKey", "k-" + path);
        assertThat(page.post(path + "/comments", comment).statusCode()).isEqualTo(303);
        assertThat(page.post(path + "/comments", comment).statusCode())
                .as("the same form sent twice")
                .isEqualTo(303);
        assertThat(events("ConsultationCommented")).isEqualTo(comments + 1);
        HttpResponse<String> after = page.get(path);
        assertThat(after.body())
                .contains("Your agency stands at: Objects.")
                .contains("Section 4 is unclear")
                .contains("Could section 4 cite the guidance?")
                .contains("id=\"tally-OBJECT\">1<");
        assertThat(page.get("/consultations").body()).contains("<td>Objects</td>");
    }

    @Test
    void onlyWhoMayTakeEachStepAndEveryFormNeedsItsCsrfToken() {
        String school = scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials practitioner = scenario.user(school, "PRACTITIONER");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        String path = open(trust, Duration.ofDays(14));

        HttpResponse<String> anonymous = new PageSession(port).get("/consultations");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

        PageSession page = signedIn(practitioner);
        HttpResponse<String> read = page.get(path);
        assertThat(read.statusCode()).as("anyone signed in reads it").isEqualTo(200);
        assertThat(read.body())
                .doesNotContain("id=\"answer-form\"")
                .doesNotContain("id=\"comment-form\"")
                .doesNotContain("id=\"adopt-form\"");
        String csrf = PageSession.csrf(page.get("/account").body());
        long denied = events("AccessDenied");
        assertThat(page.post("/consultations", opening(csrf, Scenario.unique("v"), Duration.ofDays(9)))
                        .statusCode())
                .isEqualTo(403);
        assertThat(page.post(path + "/responses", Map.of("_csrf", csrf, "response", "AGREE"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(page.post(path + "/comments", Map.of("_csrf", csrf, "text", "Hello"))
                        .statusCode())
                .isEqualTo(403);
        PageSession representative = signedIn(schoolRep);
        String repCsrf = PageSession.csrf(representative.get(path).body());
        assertThat(representative
                        .post(path + "/adoption", Map.of("_csrf", repCsrf, "adoptedOn", "2026-01-01"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isGreaterThan(denied);
        assertThat(representative
                        .post(path + "/responses", Map.of("response", "AGREE"))
                        .statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        assertThat(representative.get("/consultations/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
    }

    private String open(Credentials trust, Duration notice) {
        PageSession page = signedIn(trust);
        String csrf = PageSession.csrf(page.get("/consultations").body());
        HttpResponse<String> opened = page.post("/consultations", opening(csrf, Scenario.unique("v"), notice));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(303);
        return opened.headers().firstValue("Location").orElseThrow();
    }

    private PageSession signedIn(Credentials credentials) {
        PageSession page = new PageSession(port);
        page.signIn(credentials);
        return page;
    }

    private static Map<String, String> opening(String csrf, String version, Duration notice) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("codeVersion", version);
        form.put("title", "From Protocol to Code of Practice");
        form.put("summaryOfChanges", "Silence by the closing date counts as agreement");
        form.put(
                "respondBy",
                LocalDateTime.ofInstant(Instant.now().plus(notice), ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        return form;
    }
}
