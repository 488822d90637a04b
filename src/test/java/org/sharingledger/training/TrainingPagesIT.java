package org.sharingledger.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;

/** The training pages over HTTP: the summary, the form with its CSRF token and its key, the file upload. */
class TrainingPagesIT extends IntegrationTest {

    private static final String HEADER = TrainingImportIT.HEADER;

    private long records(String agencyId) {
        return jdbc.queryForObject("select count(*) from training_record where agency_id = ?", Long.class, agencyId);
    }

    private static String day(int daysAgo) {
        return LocalDate.now().minusDays(daysAgo).toString();
    }

    private Map<String, String> form(String csrf, String key, String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", csrf);
        form.put("idempotencyKey", key);
        form.put("practitioner", name);
        form.put("username", "");
        form.put("course", "MULTI_AGENCY_COURSE");
        form.put("completedOn", day(30));
        form.put("assessmentPassed", "");
        form.put("validUntil", "");
        return form;
    }

    @Test
    void aRepresentativeRecordsAnAttendanceOnceAndSeesItInTheSummary() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        PageSession session = new PageSession(port);
        session.signIn(rep);
        HttpResponse<String> page = session.get("/training");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/training\"").contains("No training is recorded yet");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> sent = session.post("/training", form(PageSession.csrf(page.body()), key, "Sue Dsl"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        HttpResponse<String> again = session.post("/training", form(PageSession.csrf(page.body()), key, "Sue Dsl"));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(records(school)).isEqualTo(1);
        HttpResponse<String> shown =
                session.get(sent.headers().firstValue("Location").orElseThrow());
        assertThat(shown.body()).contains("Sue Dsl").contains("id=\"summary-people\"");
        assertThat(shown.body()).containsPattern("<strong>1</strong>\\s*<span>person trained</span>");
    }

    @Test
    void aFormWithProblemsNamesThemAndRecordsNothing() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        PageSession session = new PageSession(port);
        session.signIn(rep);
        String csrf = PageSession.csrf(session.get("/training").body());
        Map<String, String> bad = form(csrf, UUID.randomUUID().toString(), "");
        bad.put("course", "ONLINE_INFORMATION_SHARING");
        bad.put("completedOn", "31/03/2009");
        HttpResponse<String> refused = session.post("/training", bad);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("id=\"error-summary\"")
                .contains("Enter the person")
                .contains("must be a real date");
        Map<String, String> noResult = form(csrf, UUID.randomUUID().toString(), "Kit Marsh");
        noResult.put("course", "ONLINE_INFORMATION_SHARING");
        HttpResponse<String> noAssessment = session.post("/training", noResult);
        assertThat(noAssessment.statusCode()).isEqualTo(400);
        assertThat(noAssessment.body()).contains("href=\"#assessmentPassed\"");
        assertThat(records(school)).isZero();
    }

    @Test
    void theTrustUploadsAFileAndSeesEveryBadLineNamed() throws Exception {
        String school = scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        PageSession session = new PageSession(port);
        session.signIn(trust);
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(client, trust);
        HttpResponse<String> form = get(client, "/training/upload");
        assertThat(form.statusCode()).isEqualTo(200);
        String csrf = PageSession.csrf(form.body());
        String bad = HEADER + "\n"
                + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(40) + ",,\n"
                + school + ",Ann Leabrook,,FIRST_AID," + day(40) + ",,\n"
                + school + ",Rafe Penhallow,,MULTI_AGENCY_COURSE," + day(30) + ",,\n"
                + school + ",Tam Pike,,ONLINE_INFORMATION_SHARING," + day(30) + ",,\n"
                + school + ",Kit Marsh,,AGENCY_COURSE," + day(-5) + ",,\n";
        HttpResponse<String> refused = upload(client, csrf, UUID.randomUUID().toString(), bad);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Line 3: course")
                .contains("Line 5: assessmentPassed")
                .contains("Line 6: completedOn");
        assertThat(records(school)).isZero();

        String good = HEADER + "\n" + school + ",Sue Dsl,,MULTI_AGENCY_COURSE," + day(40) + ",,\n";
        String key = UUID.randomUUID().toString();
        HttpResponse<String> imported = upload(client, csrf, key, good);
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
        assertThat(upload(client, csrf, key, good).statusCode()).isEqualTo(303);
        assertThat(records(school)).isEqualTo(1);
        assertThat(get(client, "/training").body()).contains("1 attendances imported");
    }

    @Test
    void aFileLargerThanTheImportLimitIsRefusedWith413() throws Exception {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(client, trust);
        String csrf = PageSession.csrf(get(client, "/training/upload").body());
        HttpResponse<String> refused = upload(client, csrf, UUID.randomUUID().toString(), "a".repeat(3 * 1024 * 1024));
        // Tomcat refuses it before the page is reached (spring.servlet.multipart.max-file-size): its own 413 page.
        assertThat(refused.statusCode()).isEqualTo(413);
    }

    @Test
    void onlyTheTrustAnAdministratorOrARepresentativeSeeTheTrainingPages() {
        String school = scenario.agency("EDUCATION");
        Credentials practitioner = scenario.user(school, "PRACTITIONER");
        PageSession session = new PageSession(port);
        session.signIn(practitioner);
        assertThat(session.get("/training").statusCode()).isEqualTo(403);
        assertThat(session.get("/training/upload").statusCode()).isEqualTo(403);
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        PageSession repSession = new PageSession(port);
        repSession.signIn(rep);
        HttpResponse<String> noCsrf =
                repSession.post("/training", form("wrong-token", "k-" + UUID.randomUUID(), "A B"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(records(school)).isZero();
    }

    private void signIn(HttpClient client, Credentials who) throws IOException, InterruptedException {
        String csrf = PageSession.csrf(get(client, "/login").body());
        String body = "username=" + who.username() + "&password=" + who.password() + "&_csrf=" + csrf;
        client.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(HttpClient client, String csrf, String key, String csv)
            throws IOException, InterruptedException {
        String boundary = "----training" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"idempotencyKey\"\r\n\r\n" + key + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"training.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n"
                + "--" + boundary + "--\r\n";
        return client.send(
                HttpRequest.newBuilder(uri("/training/upload"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
