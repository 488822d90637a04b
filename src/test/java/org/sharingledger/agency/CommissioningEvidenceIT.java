package org.sharingledger.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * Who commissions whom decides which nominated representative may end a provider's commissioning: a commissioner
 * written into {@code agency_commissioning} outside the events is reported by the verification as
 * READ_MODEL_MISMATCH. The test puts the row back afterwards, because the suite shares one database.
 */
class CommissioningEvidenceIT extends IntegrationTest {

    @Test
    void aCommissionerWrittenIntoTheCommissioningTableIsReported() {
        String council = scenario.agency("CHILDRENS_SOCIAL_CARE");
        String rival = scenario.agency("HEALTH");
        String provider = scenario.agency("VOLUNTARY_COMMUNITY");
        assertThat(http.as(Scenario.ADMIN)
                        .put(CommissioningIT.path(provider), CommissioningIT.commissioning(council, "JCU-2009-041"))
                        .status())
                .isEqualTo(200);
        jdbc.update("update agency_commissioning set commissioned_by = ? where agency_id = ?", rival, provider);
        JsonNode result;
        try {
            result = http.as(Scenario.ADMIN).get("/api/ledger/verification").json();
        } finally {
            jdbc.update("update agency_commissioning set commissioned_by = ? where agency_id = ?", council, provider);
        }

        assertThat(result.path("verified").asBoolean()).isFalse();
        assertThat(mismatches(result)).anySatisfy(problem -> {
            assertThat(problem.path("table").asString()).isEqualTo("agency_commissioning");
            assertThat(problem.path("key").asString()).isEqualTo(provider);
            assertThat(problem.path("detail").asString()).contains("commissioned_by");
        });
        assertThat(mismatches(
                        http.as(Scenario.ADMIN).get("/api/ledger/verification").json()))
                .as("put back, nothing is reported")
                .noneSatisfy(
                        problem -> assertThat(problem.path("table").asString()).isEqualTo("agency_commissioning"));
    }

    private static List<JsonNode> mismatches(JsonNode verification) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode problem : verification.path("problems")) {
            if (problem.path("kind").asString().equals("READ_MODEL_MISMATCH")) {
                found.add(problem);
            }
        }
        return found;
    }
}
