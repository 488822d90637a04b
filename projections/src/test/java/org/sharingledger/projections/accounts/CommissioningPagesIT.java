package org.sharingledger.projections.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/**
 * The commissioned providers' page (/commissioned/{agencyId}) and the commissioning form of the administrators'
 * agency page, over plain HTTP: forms with their CSRF token, problems, refusals and conflicts.
 */
class CommissioningPagesIT extends IntegrationTest {

    @Test
    void theNominatedRepresentativeRecordsSeesAndEndsItsProviders() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");
        PageSession browser = new PageSession(port);
        browser.signIn(councilRep);

        HttpResponse<String> empty = browser.get(page(council));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body())
                .contains("No provider is recorded as commissioned by this agency.")
                .contains("href=\"/commissioned/" + council + "\"")
                .contains("id=\"record-form\"");

        HttpResponse<String> recorded = browser.post(
                page(council),
                form("provider", provider, "contractReference", "JCU-2009-041", "_csrf", csrf(browser, council)));
        assertThat(recorded.statusCode()).isEqualTo(303);
        assertThat(recorded.headers().firstValue("Location").orElseThrow()).endsWith(page(council));
        HttpResponse<String> listed = browser.get(page(council));
        assertThat(listed.body())
                .contains("id=\"confirmation\"")
                .contains("id=\"provider-" + provider + "\"")
                .contains("JCU-2009-041")
                .contains("id=\"provider-status-" + provider + "\"");
        assertThat(events(provider, "CommissioningRecorded")).isEqualTo(1);

        HttpResponse<String> ended =
                browser.post(page(council) + "/end", form("provider", provider, "_csrf", csrf(browser, council)));
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(browser.get(page(council)).body()).contains("is no longer recorded as commissioned");
        assertThat(events(provider, "CommissioningEnded")).isEqualTo(1);

        HttpResponse<String> again =
                browser.post(page(council) + "/end", form("provider", provider, "_csrf", csrf(browser, council)));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"conflict\"");
    }

    @Test
    void aFormWithProblemsComesBackWithAnErrorSummaryAndRecordsNothing() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");
        PageSession browser = new PageSession(port);
        browser.signIn(councilRep);

        HttpResponse<String> none = browser.post(
                page(council),
                form("provider", "", "contractReference", "x".repeat(101), "_csrf", csrf(browser, council)));
        HttpResponse<String> unknown = browser.post(
                page(council),
                form("provider", "no-such-agency", "contractReference", "", "_csrf", csrf(browser, council)));
        HttpResponse<String> itself = browser.post(
                page(council), form("provider", council, "contractReference", "", "_csrf", csrf(browser, council)));

        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#provider\"")
                .contains("Choose the provider")
                .contains("href=\"#contractReference\"")
                .contains("The contract reference must be at most 100 characters")
                .contains("value=\"" + "x".repeat(101) + "\"");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Choose the provider from the list");
        assertThat(itself.statusCode()).isEqualTo(400);
        assertThat(itself.body()).contains("The provider must be another agency");
        assertThat(events(council, "CommissioningRecorded")).isZero();
    }

    @Test
    void aProviderAnotherAgencyCommissionsIsAConflict() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String pct = scenario.agency("HEALTH");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        commission(provider, pct);
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");
        PageSession browser = new PageSession(port);
        browser.signIn(councilRep);

        HttpResponse<String> takeOver = browser.post(
                page(council),
                form("provider", provider, "contractReference", "JCU-1", "_csrf", csrf(browser, council)));
        HttpResponse<String> endOther =
                browser.post(page(council) + "/end", form("provider", provider, "_csrf", csrf(browser, council)));

        assertThat(takeOver.statusCode()).isEqualTo(409);
        assertThat(takeOver.body()).contains("id=\"conflict\"").contains("is commissioned by " + pct);
        assertThat(endOther.statusCode()).isEqualTo(409);
        assertThat(events(provider, "CommissioningEnded")).isZero();
    }

    @Test
    void othersAreRefusedAndTheTrustOnlyReads() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        commission(provider, council);
        Credentials providerRep = scenario.user(provider, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        PageSession providers = new PageSession(port);
        providers.signIn(providerRep);
        PageSession trustBrowser = new PageSession(port);
        trustBrowser.signIn(trust);
        long denied = events("AccessDenied");

        HttpResponse<String> look = providers.get(page(council));
        String token = PageSession.csrf(providers.get(page(provider)).body());
        HttpResponse<String> end = providers.post(page(council) + "/end", form("provider", provider, "_csrf", token));
        HttpResponse<String> trustPage = trustBrowser.get(page(council));

        assertThat(look.statusCode()).isEqualTo(403);
        assertThat(look.body()).contains("id=\"denied\"");
        assertThat(end.statusCode()).isEqualTo(403);
        assertThat(events("AccessDenied")).isGreaterThan(denied);
        assertThat(events(provider, "CommissioningEnded")).isZero();
        assertThat(trustPage.statusCode()).isEqualTo(200);
        assertThat(trustPage.body())
                .contains("id=\"provider-" + provider + "\"")
                .doesNotContain("id=\"record-form\"");
        assertThat(new PageSession(port).get(page(council)).statusCode())
                .as("not signed in: to the sign-in page")
                .isEqualTo(302);
        assertThat(trustBrowser.get(page("no-such-agency")).statusCode()).isEqualTo(404);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");
        PageSession browser = new PageSession(port);
        browser.signIn(councilRep);

        HttpResponse<String> missing =
                browser.post(page(council), form("provider", provider, "contractReference", "X"));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(events(provider, "CommissioningRecorded")).isZero();
    }

    @Test
    void anAdministratorSetsAndEndsWhoCommissionsAnAgencyOnItsPage() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        PageSession admin = new PageSession(port);
        admin.signIn(Scenario.ADMIN);
        String agencyPage = "/admin/agencies/" + provider;

        HttpResponse<String> before = admin.get(agencyPage);
        assertThat(before.body()).contains("id=\"commissioning-form\"").contains("No agency");
        HttpResponse<String> none = admin.post(
                agencyPage + "/commissioning",
                form("commissionedBy", "", "contractReference", "", "_csrf", PageSession.csrf(before.body())));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("href=\"#commissionedBy\"").contains("Choose the commissioning agency");

        HttpResponse<String> set = admin.post(
                agencyPage + "/commissioning",
                form(
                        "commissionedBy",
                        council,
                        "contractReference",
                        "JCU-2009-041",
                        "_csrf",
                        PageSession.csrf(admin.get(agencyPage).body())));
        assertThat(set.statusCode()).isEqualTo(303);
        HttpResponse<String> after = admin.get(agencyPage);
        assertThat(after.body())
                .contains("id=\"agency-commissioned-by\"")
                .contains("Agency " + council)
                .contains("id=\"agency-contract-reference\"")
                .contains("id=\"end-commissioning\"");

        HttpResponse<String> ended =
                admin.post(agencyPage + "/commissioning/end", form("_csrf", PageSession.csrf(after.body())));
        assertThat(ended.statusCode()).isEqualTo(303);
        HttpResponse<String> endedAgain = admin.post(
                agencyPage + "/commissioning/end",
                form("_csrf", PageSession.csrf(admin.get(agencyPage).body())));
        assertThat(endedAgain.statusCode()).isEqualTo(409);
        assertThat(events(provider, "CommissioningEnded")).isEqualTo(1);
    }

    @Test
    void formsSentTwiceRecordOnceAndLandOnTheirPage() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        PageSession browser = new PageSession(port);
        browser.signIn(scenario.user(council, "NOMINATED_REPRESENTATIVE"));

        Map<String, String> record =
                form("provider", provider, "contractReference", "JCU-2009-042", "_csrf", csrf(browser, council));
        assertThat(browser.post(page(council), record).statusCode()).isEqualTo(303);
        assertThat(browser.post(page(council), record).statusCode())
                .as("the same values again record nothing")
                .isEqualTo(303);
        assertThat(events(provider, "CommissioningRecorded")).isEqualTo(1);

        String list = browser.get(page(council)).body();
        Map<String, String> end = form(
                "provider",
                provider,
                "_csrf",
                PageSession.csrf(list),
                "idempotencyKey",
                key(list, "name=\"provider\" value=\"" + provider + "\""));
        HttpResponse<String> ended = browser.post(page(council) + "/end", end);
        browser.get(page(council));
        HttpResponse<String> again = browser.post(page(council) + "/end", end);
        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(again.statusCode()).as("not 409: no longer commissioned").isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith(page(council));
        assertThat(events(provider, "CommissioningEnded")).isEqualTo(1);
        assertThat(browser.get(page(council)).body()).contains("This form had already been sent");

        PageSession admin = new PageSession(port);
        admin.signIn(Scenario.ADMIN);
        String agencyPage = "/admin/agencies/" + provider;
        commission(provider, council);
        String html = admin.get(agencyPage).body();
        Map<String, String> endByAdmin =
                form("_csrf", PageSession.csrf(html), "idempotencyKey", key(html, "id=\"end-commissioning-form\""));
        assertThat(admin.post(agencyPage + "/commissioning/end", endByAdmin).statusCode())
                .isEqualTo(303);
        admin.get(agencyPage);
        HttpResponse<String> adminAgain = admin.post(agencyPage + "/commissioning/end", endByAdmin);
        assertThat(adminAgain.statusCode()).isEqualTo(303);
        assertThat(adminAgain.headers().firstValue("Location").orElseThrow()).endsWith(agencyPage);
        assertThat(events(provider, "CommissioningEnded")).isEqualTo(2);
        assertThat(admin.get(agencyPage).body()).contains("This form had already been sent");
    }

    /** The hidden key of the form that follows {@code after} in the page. */
    private static String key(String html, String after) {
        Matcher matcher = Pattern.compile(Pattern.quote(after) + "[\\s\\S]*?name=\"idempotencyKey\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(matcher.find()).as("a key after " + after).isTrue();
        return matcher.group(1);
    }

    private void commission(String provider, String commissioner) {
        Map<String, Object> body = new HashMap<>();
        body.put("commissionedBy", commissioner);
        body.put("contractReference", "C-" + provider);
        assertThat(http.as(Scenario.ADMIN)
                        .put("/api/agencies/" + provider + "/commissioning", body)
                        .status())
                .isEqualTo(200);
    }

    private long events(String agencyId, String type) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class,
                agencyId,
                "%." + type);
    }

    private static String csrf(PageSession browser, String agencyId) {
        return PageSession.csrf(browser.get(page(agencyId)).body());
    }

    private static String page(String agencyId) {
        return "/commissioned/" + agencyId;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
