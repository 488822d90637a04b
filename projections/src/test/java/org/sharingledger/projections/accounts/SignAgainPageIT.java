package org.sharingledger.projections.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/** The administrator's form to record that a withdrawn agency signed again, over plain HTTP with CSRF. */
class SignAgainPageIT extends IntegrationTest {

    @Test
    void aWithdrawnAgencysPageOffersTheFormAndASignedOneDoesNot() {
        String agencyId = scenario.agency("EDUCATION");
        PageSession admin = admin();
        String agencyPage = "/admin/agencies/" + agencyId;

        assertThat(admin.get(agencyPage).body()).doesNotContain("id=\"signature-form\"");
        withdraw(agencyId);
        assertThat(admin.get(agencyPage).body())
                .contains("id=\"signature-form\"")
                .contains("value=\"Nominated Rep\"");
    }

    @Test
    void anAdministratorRecordsTheNewSignatureThroughTheForm() {
        String agencyId = scenario.agency("HEALTH");
        withdraw(agencyId);
        PageSession admin = admin();
        String agencyPage = "/admin/agencies/" + agencyId;

        HttpResponse<String> early = admin.post(agencyPage + "/signature", form(admin, agencyPage, "2011-05-30"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("href=\"#signedAgainOn\"").contains("value=\"2011-05-30\"");
        HttpResponse<String> noDate = admin.post(agencyPage + "/signature", form(admin, agencyPage, "31/05/2011"));
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("must be a real date");

        HttpResponse<String> done = admin.post(agencyPage + "/signature", form(admin, agencyPage, "2012-06-01"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(admin.get(agencyPage).body())
                .contains("has signed the Code of Practice again")
                .contains("Its users stay disabled")
                .doesNotContain("id=\"withdrawn-notice\"");
        JsonNode agency =
                http.as(Scenario.ADMIN).get("/api/agencies/" + agencyId).json();
        assertThat(agency.path("status").asString()).isEqualTo("SIGNED");
        assertThat(agency.path("signedOn").asString()).isEqualTo("2012-06-01");
        assertThat(agency.path("codeOfPracticeVersion").asString()).isEqualTo("2012.1");
    }

    @Test
    void theFormSentTwiceRecordsOneSignatureAndLandsOnTheAgencysPage() {
        String agencyId = scenario.agency("EARLY_YEARS");
        withdraw(agencyId);
        PageSession admin = admin();
        String agencyPage = "/admin/agencies/" + agencyId;
        String html = admin.get(agencyPage).body();
        Matcher key = Pattern.compile("id=\"signature-form\"[\\s\\S]*?name=\"idempotencyKey\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(key.find()).isTrue();
        Map<String, String> form = form(admin, agencyPage, "2012-06-01");
        form.put("idempotencyKey", key.group(1));
        long before = events("AgencySignedAgain");

        HttpResponse<String> first = admin.post(agencyPage + "/signature", form);
        admin.get(agencyPage);
        HttpResponse<String> second = admin.post(agencyPage + "/signature", form);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode())
                .as("not 409: the agency is still signed")
                .isEqualTo(303);
        assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(events("AgencySignedAgain")).isEqualTo(before + 1);
        assertThat(admin.get(agencyPage).body()).contains("This form had already been sent");
    }

    @Test
    void signingASignedAgencyAgainIs409AndWithoutATokenIsRefused() {
        String agencyId = scenario.agency("POLICE");
        PageSession admin = admin();
        String agencyPage = "/admin/agencies/" + agencyId;

        HttpResponse<String> conflict = admin.post(agencyPage + "/signature", form(admin, agencyPage, "2012-06-01"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("id=\"conflict\"").contains("still signed");
        Map<String, String> noToken = form(admin, agencyPage, "2012-06-01");
        noToken.remove("_csrf");
        assertThat(admin.post(agencyPage + "/signature", noToken).statusCode()).isEqualTo(403);
    }

    @Test
    void onlyAnAdministratorSignsAnAgencyAgain() {
        String agencyId = scenario.agency("HOUSING");
        Credentials trust = scenario.user(scenario.agency("OTHER"), "TRUST_REVIEWER");
        withdraw(agencyId);
        PageSession reviewer = new PageSession(port);
        reviewer.signIn(trust);
        String csrf = PageSession.csrf(reviewer.get("/account").body());

        HttpResponse<String> refused = reviewer.post(
                "/admin/agencies/" + agencyId + "/signature",
                Map.of("signedOn", "2012-06-01", "codeOfPracticeVersion", "2012.1", "_csrf", csrf));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/agencies/" + agencyId)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("WITHDRAWN");
    }

    private PageSession admin() {
        PageSession admin = new PageSession(port);
        admin.signIn(Scenario.ADMIN);
        return admin;
    }

    private void withdraw(String agencyId) {
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/withdrawal",
                                Map.of("withdrawnOn", "2011-05-31", "reason", "Merged"))
                        .status())
                .isEqualTo(200);
    }

    private static Map<String, String> form(PageSession page, String agencyPage, String signedOn) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signedOn", signedOn);
        form.put("codeOfPracticeVersion", "2012.1");
        form.put("representativeName", "");
        form.put("representativeEmail", "");
        form.put("_csrf", PageSession.csrf(page.get(agencyPage).body()));
        return form;
    }
}
