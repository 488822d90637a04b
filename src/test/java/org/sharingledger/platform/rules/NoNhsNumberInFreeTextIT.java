package org.sharingledger.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;

/**
 * Events are never changed or deleted, so free text must not smuggle a child's NHS number into one: a reason, a
 * purpose, a case reference, the name of an agency or a token holding a valid NHS number (together, spaced 3-3-4 or
 * hyphenated) is 400 naming the field, by the API and the pages alike, and nothing is recorded. Ten digits that fail
 * the check digit are only a number.
 */
class NoNhsNumberInFreeTextIT extends IntegrationTest {

    @Test
    void aRequestWhosePurposeOrCaseReferenceHoldsAnNhsNumberIsRefusedNamingEachField() {
        Parties p = scenario.parties();
        String digits = Scenario.uniqueNhsNumber().replace(" ", "");
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("purposeDetail", "Concerns about the child " + spaced(digits) + " at school");
        body.put("caseReference", "CASE-" + digits);
        body.put("consent", Map.of("status", "NOT_SOUGHT", "detail", "NHS " + hyphenated(digits)));
        long before = events();

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactly("caseReference", "consent.detail", "purposeDetail");
        assertThat(response.text()).doesNotContain(digits.substring(6));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aDecisionsRationaleWithAnNhsNumberIsRefusedButTenDigitsFailingTheCheckAreNot() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        String digits = Scenario.uniqueNhsNumber().replace(" ", "");

        Response refused = http.as(p.holderPractitioner())
                .post("/api/requests/" + id + "/refusal", Map.of("reason", "OTHER", "rationale", "See " + digits));
        Response accepted = http.as(p.holderPractitioner())
                .post(
                        "/api/requests/" + id + "/refusal",
                        Map.of(
                                "reason",
                                "OTHER",
                                "rationale",
                                "Crime number " + notAnNhsNumber(digits) + ", 0123 4567 890"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("rationale");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    @Test
    void theRegistryTheGrantsAndTheTokensRefuseNhsNumbersInTheirFreeText() {
        String digits = Scenario.uniqueNhsNumber().replace(" ", "");
        Map<String, Object> agency = Scenario.agencyBody(Scenario.unique("nhs"), "HEALTH");
        agency.put("name", "Clinic for " + digits);
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Map<String, Object> grant = new HashMap<>();
        grant.put("reviewer", reviewer.username());
        grant.put("review", "Review of " + spaced(digits));
        grant.put("reason", "Serious case review");
        grant.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        grant.put("caseReference", "SCR/" + digits);
        long before = events();

        Response signed = scenario.signAgency(agency);
        Response granted = http.as(Scenario.ADMIN).post("/api/timeline-grants", grant);
        Response token = http.as(reviewer).post("/api/tokens", Map.of("name", hyphenated(digits)));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(400);
        assertThat(signed.errorFields()).containsExactly("name");
        assertThat(granted.status()).as(granted.toString()).isEqualTo(400);
        assertThat(granted.errorFields()).containsExactly("caseReference", "review");
        assertThat(token.status()).as(token.toString()).isEqualTo(400);
        assertThat(token.errorFields()).containsExactly("name");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aPageFormWithAnNhsNumberInItsFreeTextComesBackWithTheProblem() {
        Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        PageSession browser = new PageSession(port);
        browser.signIn(user);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "for " + Scenario.uniqueNhsNumber());
        form.put("_csrf", PageSession.csrf(browser.get("/account").body()));
        long before = events();

        HttpResponse<String> response = browser.post("/account/tokens", form);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must not contain an NHS number");
        assertThat(events()).isEqualTo(before);
    }

    private static String spaced(String digits) {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    private static String hyphenated(String digits) {
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6);
    }

    /** The same ten digits with another check digit, which the modulus-11 check refuses. */
    private static String notAnNhsNumber(String digits) {
        char check = digits.charAt(9);
        return digits.substring(0, 9) + (check == '9' ? '0' : (char) (check + 1));
    }
}
