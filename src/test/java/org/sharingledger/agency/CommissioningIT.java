package org.sharingledger.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/** PUT and DELETE /api/agencies/{agencyId}/commissioning through HTTP, on the real database. */
class CommissioningIT extends IntegrationTest {

    @Test
    void anAdministratorRecordsWhoCommissionsAnAgencyAndTheRegisterShowsIt() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");

        Response recorded = http.as(Scenario.ADMIN).put(path(provider), commissioning(council, "JCU-2009-041"));
        Response again = http.as(Scenario.ADMIN).put(path(provider), commissioning(council, "JCU-2009-041"));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.field("commissionedBy")).isEqualTo(council);
        assertThat(recorded.field("contractReference")).isEqualTo("JCU-2009-041");
        assertThat(again.status()).isEqualTo(200);
        assertThat(recordedEvents(provider, "CommissioningRecorded"))
                .as("the same values again record nothing")
                .isEqualTo(1);
        JsonNode agency =
                http.as(Scenario.ADMIN).get("/api/agencies/" + provider).json();
        assertThat(agency.path("commissionedBy").asString()).isEqualTo(council);
        assertThat(agency.path("contractReference").asString()).isEqualTo("JCU-2009-041");
        JsonNode listed = find(http.as(Scenario.ADMIN).get("/api/agencies").json(), provider);
        assertThat(listed.path("commissionedBy").asString()).isEqualTo(council);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/agencies/" + council)
                        .json()
                        .path("commissionedBy")
                        .isNull())
                .isTrue();
    }

    @Test
    void theCommissionersNominatedRepresentativeRecordsAndEndsItsOwnProviders() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");

        Response recorded = http.as(councilRep).put(path(provider), commissioning(council, null));
        Response changed = http.as(councilRep).put(path(provider), commissioning(council, "JCU-2010-003"));
        JsonNode agency = http.as(councilRep).get("/api/agencies/" + provider).json();
        Response ended = http.as(councilRep).delete(path(provider));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(recorded.json().path("contractReference").isNull()).isTrue();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(agency.path("contractReference").asString()).isEqualTo("JCU-2010-003");
        assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        assertThat(ended.json().path("commissionedBy").isNull()).isTrue();
        assertThat(recordedEvents(provider, "CommissioningEnded")).isEqualTo(1);
        assertThat(http.as(councilRep)
                        .get("/api/agencies/" + provider)
                        .json()
                        .path("commissionedBy")
                        .isNull())
                .isTrue();
        assertThat(http.as(councilRep).delete(path(provider)).status())
                .as("nothing left to end")
                .isEqualTo(409);
    }

    @Test
    void anotherCommissionerCannotTakeOverAProviderUntilTheFirstEndsIt() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String pct = scenario.agency("HEALTH");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");
        Credentials pctRep = scenario.user(pct, "NOMINATED_REPRESENTATIVE");
        assertThat(http.as(councilRep)
                        .put(path(provider), commissioning(council, "JCU-1"))
                        .status())
                .isEqualTo(200);

        Response takeOver = http.as(pctRep).put(path(provider), commissioning(pct, "PCT-1"));
        Response endByOther = http.as(pctRep).delete(path(provider));
        Response handOver = http.as(councilRep).put(path(provider), commissioning(pct, "PCT-1"));
        Response ended = http.as(councilRep).delete(path(provider));
        Response afterEnd = http.as(pctRep).put(path(provider), commissioning(pct, "PCT-1"));
        Response adminMoves = http.as(Scenario.ADMIN).put(path(provider), commissioning(council, "JCU-2"));

        assertThat(takeOver.status()).as(takeOver.toString()).isEqualTo(409);
        assertThat(endByOther.status()).isEqualTo(403);
        assertThat(handOver.status())
                .as("a commissioner records only itself as commissioner")
                .isEqualTo(403);
        assertThat(ended.status()).isEqualTo(200);
        assertThat(afterEnd.status()).isEqualTo(200);
        assertThat(adminMoves.status())
                .as("an administrator may move a provider in one step")
                .isEqualTo(200);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/agencies/" + provider)
                        .json()
                        .path("commissionedBy")
                        .asString())
                .isEqualTo(council);
    }

    @Test
    void onlyAnAdministratorOrTheCommissionersRepresentativeMayRecordIt() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        Credentials providerRep = scenario.user(provider, "NOMINATED_REPRESENTATIVE");
        Credentials councilPractitioner = scenario.user(council, "PRACTITIONER");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");

        assertThat(http.as(providerRep)
                        .put(path(provider), commissioning(council, "X"))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(councilPractitioner)
                        .put(path(provider), commissioning(council, "X"))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(trust)
                        .put(path(provider), commissioning(council, "X"))
                        .status())
                .isEqualTo(403);
        assertThat(http.anonymous()
                        .put(path(provider), commissioning(council, "X"))
                        .status())
                .isEqualTo(401);
        assertThat(http.anonymous().delete(path(provider)).status()).isEqualTo(401);
        assertThat(recordedEvents(provider, "CommissioningRecorded")).isZero();
    }

    @Test
    void badCommissioningsAre4xxAndRecordNothing() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        String withdrawn = scenario.agency("HOUSING");
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + withdrawn + "/withdrawal",
                                Map.of("withdrawnOn", "2009-06-01", "reason", "Closed"))
                        .status())
                .isEqualTo(200);
        Map<String, Object> unknownField = commissioning(council, "X");
        unknownField.put("startsOn", "2009-01-01");

        assertThat(http.as(Scenario.ADMIN)
                        .put(path(provider), commissioning(null, "X"))
                        .errorFields())
                .containsExactly("commissionedBy");
        assertThat(http.as(Scenario.ADMIN)
                        .put(path(provider), commissioning(council, "x".repeat(101)))
                        .errorFields())
                .containsExactly("contractReference");
        assertThat(http.as(Scenario.ADMIN).put(path(provider), unknownField).errorFields())
                .containsExactly("startsOn");
        assertThat(http.as(Scenario.ADMIN).put(path(provider), "{").status()).isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN)
                        .put(path(provider), commissioning("no-such-agency", "X"))
                        .errorFields())
                .containsExactly("commissionedBy");
        assertThat(http.as(Scenario.ADMIN)
                        .put(path(provider), commissioning(provider, "X"))
                        .errorFields())
                .containsExactly("commissionedBy");
        assertThat(http.as(Scenario.ADMIN)
                        .put(path("no-such-agency"), commissioning(council, "X"))
                        .status())
                .isEqualTo(404);
        assertThat(http.as(Scenario.ADMIN).delete(path("no-such-agency")).status())
                .isEqualTo(404);
        assertThat(http.as(Scenario.ADMIN)
                        .put(path(provider), commissioning(withdrawn, "X"))
                        .status())
                .as("a withdrawn agency commissions no one")
                .isEqualTo(409);
        assertThat(http.as(Scenario.ADMIN).delete(path(provider)).status()).isEqualTo(409);
        assertThat(recordedEvents(provider, "CommissioningRecorded")).isZero();
    }

    @Test
    void commissioningMayNotGoRoundInACircle() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String charity = scenario.agency("VOLUNTARY_COMMUNITY");
        String subcontractor = scenario.agency("VOLUNTARY_COMMUNITY");
        assertThat(http.as(Scenario.ADMIN)
                        .put(path(charity), commissioning(council, "JCU-1"))
                        .status())
                .isEqualTo(200);
        assertThat(http.as(Scenario.ADMIN)
                        .put(path(subcontractor), commissioning(charity, "SUB-1"))
                        .status())
                .isEqualTo(200);

        Response direct = http.as(Scenario.ADMIN).put(path(council), commissioning(charity, "X"));
        Response further = http.as(Scenario.ADMIN).put(path(council), commissioning(subcontractor, "X"));

        assertThat(direct.status()).as(direct.toString()).isEqualTo(409);
        assertThat(further.status()).isEqualTo(409);
        assertThat(recordedEvents(council, "CommissioningRecorded")).isZero();
    }

    private long recordedEvents(String agencyId, String type) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                Long.class,
                agencyId,
                "%." + type);
    }

    private static JsonNode find(JsonNode agencies, String agencyId) {
        for (JsonNode agency : agencies) {
            if (agency.path("agencyId").asString().equals(agencyId)) {
                return agency;
            }
        }
        throw new AssertionError("no " + agencyId + " in the register");
    }

    static String path(String agencyId) {
        return "/api/agencies/" + agencyId + "/commissioning";
    }

    static Map<String, Object> commissioning(String commissionedBy, String contractReference) {
        Map<String, Object> body = new HashMap<>();
        body.put("commissionedBy", commissionedBy);
        body.put("contractReference", contractReference);
        return body;
    }
}
