package org.sharingledger.projections.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/** The register on any day and its changes between two days, as pages, over plain HTTP. */
class RegisterPagesIT extends IntegrationTest {

    @Test
    void theTrustSeesTheRegisterOnAnyDayByTheDatesThingsHappened() {
        String agencyId = scenario.agency("HOUSING");
        withdraw(agencyId, "2010-01-31", "Contract ended");
        signAgain(agencyId, "2012-06-01");
        PageSession trust = signedIn(scenario.user(scenario.agency("OTHER"), "TRUST_REVIEWER"));

        HttpResponse<String> before = trust.get("/register?asOf=2009-07-01");
        HttpResponse<String> gap = trust.get("/register?asOf=2011-07-01");
        HttpResponse<String> after = trust.get("/register?asOf=2013-07-01");

        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body())
                .contains("id=\"signatory-" + agencyId + "\"")
                .contains("2010-01-31")
                .contains("href=\"/register\"")
                .contains("aria-current=\"page\"");
        assertThat(gap.body()).doesNotContain("id=\"signatory-" + agencyId + "\"");
        assertThat(after.body()).contains("id=\"signatory-" + agencyId + "\"").contains("2012-06-01");
        assertThat(trust.get("/register").statusCode()).as("today, by default").isEqualTo(200);
    }

    @Test
    void theChangesPageNamesWhoJoinedAndWhoWithdrewAndCountsBySector() {
        String leaving = scenario.agency("HEALTH");
        String returning = scenario.agency("EARLY_YEARS");
        withdraw(leaving, "2010-03-15", "Service decommissioned");
        withdraw(returning, "2009-11-30", "Nursery closed");
        signAgain(returning, "2011-02-01");
        PageSession admin = signedIn(Scenario.ADMIN);

        HttpResponse<String> changes = admin.get("/register/changes?from=2010-01-01&to=2011-12-31");

        assertThat(changes.statusCode()).isEqualTo(200);
        assertThat(changes.body())
                .contains("id=\"withdrawn-" + leaving + "\"")
                .contains("Service decommissioned")
                .contains("id=\"joined-" + returning + "\"")
                .contains("id=\"sector-EARLY_YEARS\"")
                .contains("Early years")
                .contains("2009-12-31");
        PageSession otherRepresentative =
                signedIn(scenario.user(scenario.agency("POLICE"), "NOMINATED_REPRESENTATIVE"));
        assertThat(otherRepresentative.get("/register/changes").statusCode()).isEqualTo(200);
    }

    @Test
    void badDatesAre400Pages() {
        PageSession admin = signedIn(Scenario.ADMIN);

        HttpResponse<String> notADate = admin.get("/register?asOf=31-12-2012");
        HttpResponse<String> tooEarly = admin.get("/register?asOf=1980-01-01");
        HttpResponse<String> backwards = admin.get("/register/changes?from=2012-02-01&to=2012-01-01");

        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("asOf must be a date");
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("from must not be after to");
    }

    @Test
    void onlyTheTrustAdministratorsAndRepresentativesSeeTheRegisterPages() {
        String agencyId = scenario.agency("EDUCATION");
        PageSession practitioner = signedIn(scenario.user(agencyId, "PRACTITIONER"));
        PageSession reviewer = signedIn(scenario.user(null, "CASE_REVIEWER"));

        assertThat(practitioner.get("/register").statusCode()).isEqualTo(403);
        assertThat(practitioner.get("/register/changes").statusCode()).isEqualTo(403);
        assertThat(practitioner.get("/requests").body()).doesNotContain("href=\"/register\"");
        assertThat(reviewer.get("/register").statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = new PageSession(port).get("/register");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theAgencyPageShowsTheVersionItIsOn() {
        String agencyId = scenario.agency("VOLUNTARY_COMMUNITY");
        PageSession admin = signedIn(Scenario.ADMIN);

        assertThat(admin.get("/admin/agencies/" + agencyId).body())
                .contains("id=\"agency-code-version\"")
                .contains("2009.1");
    }

    @Test
    void theAgencysDashboardShowsTheVersionItIsOn() {
        String agencyId = scenario.agency("POLICE");
        PageSession representative = signedIn(scenario.user(agencyId, "NOMINATED_REPRESENTATIVE"));
        awaitReadModels(); // the dashboards' read model streams

        HttpResponse<String> dashboard = representative.get("/dashboard/" + agencyId);

        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("id=\"agency-code-version\"").contains("<strong>2009.1</strong>");
    }

    private PageSession signedIn(Credentials credentials) {
        PageSession page = new PageSession(port);
        page.signIn(credentials);
        return page;
    }

    private void withdraw(String agencyId, String withdrawnOn, String reason) {
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/withdrawal",
                                Map.of("withdrawnOn", withdrawnOn, "reason", reason))
                        .status())
                .isEqualTo(200);
    }

    private void signAgain(String agencyId, String signedOn) {
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/signature",
                                Map.of("signedOn", signedOn, "codeOfPracticeVersion", "2012.1"))
                        .status())
                .isEqualTo(200);
    }
}
