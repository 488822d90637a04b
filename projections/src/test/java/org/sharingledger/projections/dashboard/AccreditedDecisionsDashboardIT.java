package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import tools.jackson.databind.JsonNode;

/**
 * The share of an agency's first decisions taken by users accredited that day, through the API and the pages: JSON,
 * CSV and in words.
 */
class AccreditedDecisionsDashboardIT extends IntegrationTest {

    @Test
    void theDashboardsShowTheShareOfDecisionsByAccreditedUsers() {
        Parties p = scenario.parties();
        Credentials trained = p.holderPractitioner();
        train(p.holder(), trained.username());
        Credentials untrained = scenario.user(p.holder(), "PRACTITIONER");
        Credentials holderRep = scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        awaitReadModels();
        JsonNode before = http.as(trust).get("/api/trust/refusal-patterns").json();

        String shared = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        ok(http.as(trained).post("/api/requests/" + shared + "/share", Scenario.share("FULL")));
        String refused = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        ok(http.as(untrained).post("/api/requests/" + refused + "/refusal", Scenario.refusal()));
        String escalated = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        ok(http.as(trained).post("/api/requests/" + escalated + "/refusal", Scenario.refusal()));
        ok(http.as(p.requesterPractitioner())
                .post(
                        "/api/requests/" + escalated + "/escalations",
                        Map.of("stage", "LINE_MANAGER", "reason", "Needed for the enquiry")));
        ok(http.as(holderRep)
                .post(
                        "/api/requests/" + escalated + "/escalations/resolution",
                        Map.of("outcome", "REFUSAL_UPHELD", "rationale", "The investigation comes first")));
        awaitReadModels();

        JsonNode holder = http.as(holderRep)
                .get("/api/agencies/" + p.holder() + "/dashboard")
                .json()
                .path("asHolder");
        assertThat(holder.path("decided").asLong()).isEqualTo(3);
        assertThat(holder.path("decisionsWithAccreditationKnown").asLong()).isEqualTo(3);
        assertThat(holder.path("decisionsByAccredited").asLong())
                .as("the resolution by an unaccredited representative is not a first decision")
                .isEqualTo(2);
        assertThat(holder.path("accreditedDecisionRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));

        JsonNode after = http.as(trust).get("/api/trust/refusal-patterns").json();
        JsonNode agency = agency(after, p.holder());
        assertThat(agency.path("decisionsWithAccreditationKnown").asLong()).isEqualTo(3);
        assertThat(agency.path("decisionsByAccredited").asLong()).isEqualTo(2);
        assertThat(agency.path("accreditedDecisionRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(after.path("decisionsWithAccreditationKnown").asLong()
                        - before.path("decisionsWithAccreditationKnown").asLong())
                .isEqualTo(3);
        assertThat(after.path("decisionsByAccredited").asLong()
                        - before.path("decisionsByAccredited").asLong())
                .isEqualTo(2);
        assertThat(after.path("areaAccreditedDecisionRate").isNumber()).isTrue();
        assertThat(agency(after, p.requester()).path("accreditedDecisionRate").isNull())
                .as("an agency that decided nothing has no rate")
                .isTrue();

        Response agencyCsv =
                http.as(holderRep).header("Accept", "text/csv").get("/api/agencies/" + p.holder() + "/dashboard");
        assertThat(agencyCsv.text())
                .contains("asHolder,decisionsWithAccreditationKnown,,3\r\n")
                .contains("asHolder,decisionsByAccredited,,2\r\n")
                .contains("asHolder,accreditedDecisionRate,,0.6666");
        String trustCsv = http.as(trust)
                .header("Accept", "text/csv")
                .get("/api/trust/refusal-patterns")
                .text();
        assertThat(trustCsv)
                .startsWith("agencyId,name,sector,received,decided,refused,refusalRate,areaRefusalRate,overdueRate,"
                        + "escalations,lower95,upper95,lower998,upper998,flag,decisionsWithAccreditationKnown,"
                        + "decisionsByAccredited,accreditedDecisionRate,areaAccreditedDecisionRate\r\n");
        String row = trustCsv.lines()
                .filter(line -> line.startsWith(p.holder() + ","))
                .findFirst()
                .orElseThrow();
        assertThat(row).contains(",3,2,0.6666");

        PageSession representativePage = new PageSession(port);
        representativePage.signIn(holderRep);
        assertThat(representativePage.get("/dashboard/" + p.holder()).body())
                .contains("Decided by accredited users")
                .contains("id=\"holder-accredited\"><span>2</span> of <span>3</span>")
                .contains("id=\"holder-accredited-rate\">66.7");
        PageSession trustPage = new PageSession(port);
        trustPage.signIn(trust);
        HttpResponse<String> patterns = trustPage.get("/trust");
        assertThat(patterns.body())
                .contains("id=\"area-accredited\"")
                .contains("<th scope=\"col\" class=\"num\">Decided by accredited users</th>")
                .contains("id=\"agency-" + p.holder() + "-accredited\">2 of 3 (66.7")
                .contains("id=\"agency-" + p.requester() + "-accredited\">–<");
    }

    @Test
    void theAccreditationFiguresAreForTheAgencysRepresentativeAndTheTrustAlone() {
        Parties p = scenario.parties();
        assertThat(http.anonymous()
                        .get("/api/agencies/" + p.holder() + "/dashboard")
                        .status())
                .isEqualTo(401);
        assertThat(http.as(p.holderPractitioner())
                        .get("/api/agencies/" + p.holder() + "/dashboard")
                        .status())
                .isEqualTo(403);
        assertThat(http.as(p.holderPractitioner())
                        .get("/api/trust/refusal-patterns")
                        .status())
                .isEqualTo(403);
    }

    private void train(String agencyId, String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("practitioner", "Practitioner " + username);
        body.put("username", username);
        body.put("course", "ONLINE_INFORMATION_SHARING");
        body.put("completedOn", LocalDate.now().minusDays(30).toString());
        body.put("assessmentPassed", true);
        ok(http.as(Scenario.ADMIN).post("/api/training-records", body), 201);
    }

    private static JsonNode agency(JsonNode patterns, String agencyId) {
        for (JsonNode agency : patterns.path("agencies")) {
            if (agency.path("agencyId").asString().equals(agencyId)) {
                return agency;
            }
        }
        throw new AssertionError("no agency " + agencyId + " in the refusal patterns");
    }

    private static void ok(Response response) {
        ok(response, 200);
    }

    private static void ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
    }
}
