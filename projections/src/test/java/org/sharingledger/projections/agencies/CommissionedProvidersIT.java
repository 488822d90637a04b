package org.sharingledger.projections.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /api/agencies/{agencyId}/commissioned: what the commissioner's contracts officer monitors. */
class CommissionedProvidersIT extends IntegrationTest {

    @Autowired
    CodeVersions versions;

    @Test
    void theCommissionerSeesEachProviderSignedOrWithdrawnAndWhetherOnTheCurrentCode() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String current = versions.current().orElseThrow();
        String onCurrent = provider(council, current, "JCU-1");
        String behind = provider(council, "2001.1", "JCU-2");
        String withdrawn = provider(council, current, null);
        withdraw(withdrawn);
        String elsewhere = provider(scenario.agency("HEALTH"), current, "PCT-1");
        Credentials councilRep = scenario.user(council, "NOMINATED_REPRESENTATIVE");

        Response answer = http.as(councilRep).get(commissioned(council));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.header("X-Total-Count")).isEqualTo("3");
        JsonNode providers = answer.json();
        assertThat(providers)
                .extracting(p -> p.path("agencyId").asString())
                .containsExactlyInAnyOrder(onCurrent, behind, withdrawn)
                .doesNotContain(elsewhere);
        JsonNode first = find(providers, onCurrent);
        assertThat(first.path("name").asString()).isEqualTo("Agency " + onCurrent);
        assertThat(first.path("sector").asString()).isEqualTo("VOLUNTARY_COMMUNITY");
        assertThat(first.path("contractReference").asString()).isEqualTo("JCU-1");
        assertThat(first.path("status").asString()).isEqualTo("SIGNED");
        assertThat(first.path("withdrawnOn").isNull()).isTrue();
        assertThat(first.path("codeOfPracticeVersion").asString()).isEqualTo(current);
        assertThat(first.path("onCurrentVersion").asBoolean()).isTrue();
        assertThat(first.path("commissionedSince").isMissingNode()).isFalse();
        assertThat(find(providers, behind).path("onCurrentVersion").asBoolean()).isFalse();
        JsonNode gone = find(providers, withdrawn);
        assertThat(gone.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(gone.path("withdrawnOn").asString()).isEqualTo("2009-06-01");
        assertThat(gone.path("onCurrentVersion").asBoolean())
                .as("a withdrawn provider is on no version")
                .isFalse();
        assertThat(gone.path("contractReference").isNull()).isTrue();
    }

    @Test
    void theListIsPagedByName() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        for (int i = 0; i < 3; i++) {
            provider(council, "2009.1", "JCU-" + i);
        }

        Response first = http.as(Scenario.ADMIN).get(commissioned(council) + "?size=2");
        Response second = http.as(Scenario.ADMIN).get(commissioned(council) + "?page=1&size=2");

        assertThat(first.json()).hasSize(2);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("Link")).contains("page=1").contains("rel=\"next\"");
        assertThat(second.json()).hasSize(1);
        assertThat(second.header("Link")).isNull();
    }

    @Test
    void onlyAnAdministratorTheTrustOrTheCommissionersRepresentativeMaySeeIt() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String provider = provider(council, "2009.1", "JCU-1");
        Credentials providerRep = scenario.user(provider, "NOMINATED_REPRESENTATIVE");
        Credentials councilPractitioner = scenario.user(council, "PRACTITIONER");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        long denied = events("AccessDenied");

        assertThat(http.as(trust).get(commissioned(council)).status()).isEqualTo(200);
        assertThat(http.as(Scenario.ADMIN).get(commissioned(council)).status()).isEqualTo(200);
        assertThat(http.as(providerRep).get(commissioned(council)).status()).isEqualTo(403);
        assertThat(http.as(councilPractitioner).get(commissioned(council)).status())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 2);
        assertThat(http.anonymous().get(commissioned(council)).status()).isEqualTo(401);
        assertThat(http.as(providerRep).get(commissioned(provider)).json())
                .as("a provider that commissions no one has an empty list")
                .isEmpty();
    }

    @Test
    void unknownAgenciesAndBadPagesAre4xx() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");

        assertThat(http.as(Scenario.ADMIN).get(commissioned("no-such-agency")).status())
                .isEqualTo(404);
        assertThat(http.as(Scenario.ADMIN)
                        .get(commissioned(council) + "?size=0")
                        .status())
                .isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN)
                        .get(commissioned(council) + "?size=201")
                        .status())
                .isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN)
                        .get(commissioned(council) + "?page=-1")
                        .status())
                .isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN)
                        .get(commissioned(council) + "?page=x")
                        .status())
                .isEqualTo(400);
    }

    private String provider(String commissioner, String codeVersion, String contractReference) {
        String agencyId = Scenario.unique("provider");
        Map<String, Object> body = Scenario.agencyBody(agencyId, "VOLUNTARY_COMMUNITY");
        body.put("codeOfPracticeVersion", codeVersion);
        assertThat(scenario.signAgency(body).status()).isEqualTo(201);
        Map<String, Object> commissioning = new HashMap<>();
        commissioning.put("commissionedBy", commissioner);
        commissioning.put("contractReference", contractReference);
        Response recorded = http.as(Scenario.ADMIN).put("/api/agencies/" + agencyId + "/commissioning", commissioning);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        return agencyId;
    }

    private void withdraw(String agencyId) {
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/withdrawal",
                                Map.of("withdrawnOn", "2009-06-01", "reason", "Closed"))
                        .status())
                .isEqualTo(200);
    }

    private static JsonNode find(JsonNode providers, String agencyId) {
        for (JsonNode provider : providers) {
            if (provider.path("agencyId").asString().equals(agencyId)) {
                return provider;
            }
        }
        throw new AssertionError("no " + agencyId + " among " + providers);
    }

    private static String commissioned(String agencyId) {
        return "/api/agencies/" + agencyId + "/commissioned";
    }
}
