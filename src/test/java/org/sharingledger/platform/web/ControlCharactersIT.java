package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;

/**
 * A U+0000 is valid JSON, and PostgreSQL refuses to store it: wherever it is sent (any string of any body, a query
 * parameter, a page's form field), the answer is a 400 that names the field, and nothing is recorded. Other control
 * characters (but tab, line feed and carriage return) and unpaired surrogates are refused the same way.
 */
class ControlCharactersIT extends IntegrationTest {

    private static final String NUL = "\u0000";

    @Test
    void aNulInAnyStringOfARequestBodyIsA400NamingTheField() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("purposeDetail", "Section 47" + NUL + " enquiry");
        body.put("subject", Map.of("localReference", "REF" + NUL));
        long before = events();

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("purposeDetail", "subject.localReference");
        assertThat(response.json().path("errors").get(0).path("message").asString())
                .isEqualTo("must not contain control characters");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aNulIsRefusedInTheBodiesOfEveryKindOfEndpoint() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Map<String, Object> agency = Scenario.agencyBody(Scenario.unique("nul"), "POLICE");
        agency.put("nominatedRepresentative", Map.of("name", "Rep" + NUL, "email", "rep@agency.example"));
        long before = events();

        List<Response> answers = List.of(
                http.as(Scenario.ADMIN).post("/api/agencies", agency),
                http.as(p.requesterPractitioner()).post("/api/tokens", Map.of("name", "script" + NUL)),
                http.as(p.holderPractitioner())
                        .post("/api/requests/" + id + "/refusal", Map.of("reason", "OTHER", "rationale", "No" + NUL)),
                http.as(Scenario.ADMIN)
                        .put("/api/agencies/" + p.holder() + "/notification-address", Map.of("email", NUL)),
                http.as(Scenario.ADMIN)
                        .post("/api/users/" + p.holderPractitioner().username() + "/disable", Map.of("reason", NUL)));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        });
        assertThat(answers.stream().map(answer -> answer.errorFields().get(0)))
                .containsExactly("nominatedRepresentative.name", "name", "rationale", "email", "reason");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void otherControlCharactersAndLoneSurrogatesAreRefusedButLineBreaksAndTabsAreNot() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());

        // As JSON escapes, so that the test's own client does not replace an unpaired surrogate on the wire.
        for (String bad : List.of("\\u0001", "\\u001b[31m", "\\u007f", "\\u0085", "\\ud800", "\\udc00x", "\\uffff")) {
            Response refused = http.as(p.holderPractitioner())
                    .post(
                            "/api/requests/" + id + "/refusal",
                            "{\"reason\": \"OTHER\", \"rationale\": \"No " + bad + "\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("rationale");
        }
        Response accepted = http.as(p.holderPractitioner())
                .post(
                        "/api/requests/" + id + "/refusal",
                        Map.of("reason", "OTHER", "rationale", "Line one,\r\nline two\tand a \ud83d\ude00."));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    @Test
    void aNulInAQueryParameterIsA400NamingIt() {
        Parties p = scenario.parties();

        Response response = http.as(p.requesterPractitioner()).get("/api/requests?agencyId=%00&side=HOLDER");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("agencyId");
    }

    @Test
    void aNulInAPageFormIsA400PageNamingTheFieldAndRecordsNothing() {
        Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        PageSession browser = new PageSession(port);
        browser.signIn(user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "school" + NUL + "system");
        form.put("_csrf", PageSession.csrf(browser.get("/account").body()));
        long before = events();

        HttpResponse<String> response = browser.post("/account/tokens", form);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("name must not contain control characters");
        assertThat(events()).isEqualTo(before);
    }
}
