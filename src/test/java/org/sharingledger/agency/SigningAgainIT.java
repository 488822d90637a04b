package org.sharingledger.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/agencies/{agencyId}/signature}: a withdrawn agency signs the Code of Practice again. */
class SigningAgainIT extends IntegrationTest {

    private static final Map<String, Object> WITHDRAWAL = Map.of("withdrawnOn", "2011-05-31", "reason", "Merged");

    @Test
    void aWithdrawnAgencySignsAgainAndIsASignatoryOnceMore() {
        String agencyId = scenario.agency("EARLY_YEARS");
        Credentials practitioner = scenario.user(agencyId, "PRACTITIONER");
        withdraw(agencyId);

        Response signed = signAgain(agencyId, body("2013-01-07", "2013.2"));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.field("status")).isEqualTo("SIGNED");
        JsonNode agency =
                http.as(Scenario.ADMIN).get("/api/agencies/" + agencyId).json();
        assertThat(agency.path("status").asString()).isEqualTo("SIGNED");
        assertThat(agency.path("signedOn").asString()).isEqualTo("2013-01-07");
        assertThat(agency.path("withdrawnOn").isNull()).isTrue();
        assertThat(agency.path("codeOfPracticeVersion").asString()).isEqualTo("2013.2");
        assertThat(agency.path("nominatedRepresentative").path("name").asString())
                .isEqualTo("Dana Returner");
        assertThat(http.as(practitioner).get("/api/agencies").status())
                .as("its users stay disabled until an administrator enables them")
                .isEqualTo(401);
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/users/" + practitioner.username() + "/enable",
                                Map.of("reason", "Back with the agency"))
                        .status())
                .as("an administrator may enable them once it has signed again")
                .isEqualTo(200);
        assertThat(http.as(practitioner).get("/api/agencies").status()).isEqualTo(200);
        assertThat(events("AgencySignedAgain")).isPositive();
    }

    @Test
    void withoutARepresentativeItKeepsTheOneItHad() {
        String agencyId = scenario.agency("HOUSING");
        withdraw(agencyId);
        Map<String, Object> body = body("2012-02-01", "2009.1");
        body.remove("nominatedRepresentative");

        assertThat(signAgain(agencyId, body).status()).isEqualTo(200);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/agencies/" + agencyId)
                        .json()
                        .path("nominatedRepresentative")
                        .path("name")
                        .asString())
                .isEqualTo("Nominated Rep");
    }

    @Test
    void anAgencyStillSignedCannotSignAgain() {
        String agencyId = scenario.agency("POLICE");
        Response response = signAgain(agencyId, body("2012-02-01", "2009.1"));
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
    }

    @Test
    void theDateIsNeitherBeforeTheWithdrawalNorInTheFuture() {
        String agencyId = scenario.agency("HEALTH");
        withdraw(agencyId);
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        assertThat(signAgain(agencyId, body("2011-05-30", "2009.1")).errorFields())
                .containsExactly("signedOn");
        assertThat(signAgain(agencyId, body(tomorrow, "2009.1")).errorFields()).containsExactly("signedOn");
        assertThat(signAgain(agencyId, body("2011-05-31", "2009.1")).status())
                .as("on the day it withdrew")
                .isEqualTo(200);
    }

    @Test
    void badBodiesAre400WithTheirFields() {
        String agencyId = scenario.agency("EDUCATION");
        withdraw(agencyId);
        Map<String, Object> missing = new LinkedHashMap<>();
        missing.put("nominatedRepresentative", Map.of("name", "", "email", "not-an-email"));
        Map<String, Object> badDate = body("31/01/2012", "2009.1");

        assertThat(signAgain(agencyId, missing).errorFields())
                .containsExactlyInAnyOrder(
                        "signedOn",
                        "codeOfPracticeVersion",
                        "nominatedRepresentative.name",
                        "nominatedRepresentative.email");
        assertThat(signAgain(agencyId, badDate).errorFields()).containsExactly("signedOn");
        assertThat(signAgain("no-such-agency", body("2012-02-01", "2009.1")).status())
                .isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorRecordsASignature() {
        String agencyId = scenario.agency("MENTAL_HEALTH");
        withdraw(agencyId);
        Credentials trust = scenario.user(scenario.agency("OTHER"), "TRUST_REVIEWER");

        assertThat(http.as(trust)
                        .post("/api/agencies/" + agencyId + "/signature", body("2012-02-01", "2009.1"))
                        .status())
                .isEqualTo(403);
        assertThat(http.anonymous()
                        .post("/api/agencies/" + agencyId + "/signature", body("2012-02-01", "2009.1"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anAgencySignedAgainReceivesRequestsAgain() {
        Scenario.Parties parties = scenario.parties();
        String holder = parties.holder();
        withdraw(holder);
        assertThat(http.as(parties.requesterPractitioner())
                        .post("/api/requests", Scenario.requestBody(parties.requester(), holder, "ROUTINE"))
                        .status())
                .as("withdrawn: receives no request")
                .isEqualTo(409);

        assertThat(signAgain(holder, body("2012-02-01", "2009.1")).status()).isEqualTo(200);

        assertThat(http.as(parties.requesterPractitioner())
                        .post("/api/requests", Scenario.requestBody(parties.requester(), holder, "ROUTINE"))
                        .status())
                .isEqualTo(201);
    }

    private void withdraw(String agencyId) {
        Response withdrawn = http.as(Scenario.ADMIN).post("/api/agencies/" + agencyId + "/withdrawal", WITHDRAWAL);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
    }

    private Response signAgain(String agencyId, Map<String, Object> body) {
        return http.as(Scenario.ADMIN).post("/api/agencies/" + agencyId + "/signature", body);
    }

    private static Map<String, Object> body(String signedOn, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("signedOn", signedOn);
        body.put("codeOfPracticeVersion", version);
        body.put("nominatedRepresentative", Map.of("name", "Dana Returner", "email", "dana@returner.example"));
        return body;
    }
}
