package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.projections.agencies.CodeVersions;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** A commissioner's dashboard flags the providers that withdrew, and those not on the current Code. */
class CommissionedProvidersDashboardIT extends IntegrationTest {

    @Autowired
    CodeVersions versions;

    @Test
    void aProviderThatWithdrawsIsFlaggedOnItsCommissionersDashboard() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String current = versions.current().orElseThrow();
        String signed = provider(council, current);
        String behind = provider(council, "2001.1");
        String withdrawn = provider(council, current);
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + withdrawn + "/withdrawal",
                                Map.of("withdrawnOn", "2009-06-01", "reason", "Contract ended, service closed"))
                        .status())
                .isEqualTo(200);
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");
        awaitDashboardKnows(council, councilRep);

        JsonNode providers = http.as(councilRep)
                .get("/api/agencies/" + council + "/dashboard")
                .json()
                .path("commissionedProviders");

        assertThat(providers.path("total").asLong()).isEqualTo(3);
        assertThat(providers.path("currentCodeVersion").asString()).isEqualTo(current);
        assertThat(providers.path("withdrawn")).hasSize(1);
        JsonNode gone = providers.path("withdrawn").get(0);
        assertThat(gone.path("agencyId").asString()).isEqualTo(withdrawn);
        assertThat(gone.path("name").asString()).isEqualTo("Agency " + withdrawn);
        assertThat(gone.path("withdrawnOn").asString()).isEqualTo("2009-06-01");
        assertThat(providers.path("notOnCurrentVersion")).hasSize(1);
        assertThat(providers.path("notOnCurrentVersion").get(0).path("agencyId").asString())
                .isEqualTo(behind);
        assertThat(providers
                        .path("notOnCurrentVersion")
                        .get(0)
                        .path("codeOfPracticeVersion")
                        .asString())
                .isEqualTo("2001.1");
        assertThat(providers.toString()).doesNotContain("\"" + signed + "\"");

        Response csv = http.as(councilRep).header("Accept", "text/csv").get("/api/agencies/" + council + "/dashboard");
        assertThat(csv.text())
                .contains("commissionedProviders,total,,3\r\n")
                .contains("commissionedProviders,withdrawn," + withdrawn + ",2009-06-01\r\n")
                .contains("commissionedProviders,notOnCurrentVersion," + behind + ",2001.1\r\n");

        PageSession browser = new PageSession(port);
        browser.signIn(councilRep);
        HttpResponse<String> page = browser.get("/dashboard/" + council);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"providers-withdrawn\"")
                .contains("Warning:")
                .contains("withdrawn from the Code of Practice")
                .contains("id=\"provider-withdrawn-" + withdrawn + "\"")
                .contains("1 June 2009")
                .contains("id=\"provider-behind-" + behind + "\"")
                .contains("href=\"/commissioned/" + council + "\"");
    }

    @Test
    void anAgencyThatCommissionsNoOneShowsNoProviders() {
        String agency = scenario.agency("POLICE");
        Credentials representative = scenario.user(agency, "NOMINATED_REPRESENTATIVE");
        awaitDashboardKnows(agency, representative);

        JsonNode providers = http.as(representative)
                .get("/api/agencies/" + agency + "/dashboard")
                .json()
                .path("commissionedProviders");
        PageSession browser = new PageSession(port);
        browser.signIn(representative);

        assertThat(providers.path("total").asLong()).isZero();
        assertThat(providers.path("withdrawn")).isEmpty();
        assertThat(providers.path("notOnCurrentVersion")).isEmpty();
        assertThat(browser.get("/dashboard/" + agency).body()).doesNotContain("id=\"commissioned-providers\"");
    }

    private String provider(String commissioner, String codeVersion) {
        String agencyId = Scenario.unique("provider");
        Map<String, Object> body = Scenario.agencyBody(agencyId, "VOLUNTARY_COMMUNITY");
        body.put("codeOfPracticeVersion", codeVersion);
        assertThat(scenario.signAgency(body).status()).isEqualTo(201);
        Map<String, Object> commissioning = new HashMap<>();
        commissioning.put("commissionedBy", commissioner);
        commissioning.put("contractReference", "JCU-" + agencyId);
        assertThat(http.as(Scenario.ADMIN)
                        .put("/api/agencies/" + agencyId + "/commissioning", commissioning)
                        .status())
                .isEqualTo(200);
        return agencyId;
    }

    private void awaitDashboardKnows(String agency, Credentials reader) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(reader)
                                .get("/api/agencies/" + agency + "/dashboard")
                                .status()
                        == 200);
    }
}
