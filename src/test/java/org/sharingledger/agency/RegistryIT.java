package org.sharingledger.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

class RegistryIT extends IntegrationTest {

    @Test
    void adminRegistersASignatoryAndEveryoneCanReadTheRegister() {
        String agencyId = Scenario.unique("school");
        Response created = scenario.signAgency(Scenario.agencyBody(agencyId, "EDUCATION"));
        Credentials practitioner = scenario.user(agencyId, "PRACTITIONER");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/agencies/" + agencyId);
        assertThat(created.field("status")).isEqualTo("SIGNED");
        JsonNode one = http.as(practitioner).get("/api/agencies/" + agencyId).json();
        assertThat(one.path("name").asString()).isEqualTo("Agency " + agencyId);
        assertThat(one.path("sector").asString()).isEqualTo("EDUCATION");
        assertThat(one.path("signedOn").asString()).isEqualTo("2008-03-01");
        assertThat(one.path("withdrawnOn").isNull()).isTrue();
        assertThat(http.as(practitioner).get("/api/agencies").json())
                .extracting(agency -> agency.path("agencyId").asString())
                .contains(agencyId);
        assertThat(events("AgencySigned")).isPositive();
    }

    @Test
    void invalidRegistrationsAre400WithTheirFields() {
        Map<String, Object> body = Scenario.agencyBody("Not Valid!", "EDUCATION");
        body.put("sector", "SCHOOLS");
        Map<String, Object> missing = Scenario.agencyBody(Scenario.unique("x"), "EDUCATION");
        missing.remove("name");
        missing.put("nominatedRepresentative", Map.of("name", "A", "email", "not-an-email"));
        Map<String, Object> unknown = Scenario.agencyBody(Scenario.unique("x"), "EDUCATION");
        unknown.put("website", "https://example.org");

        assertThat(scenario.signAgency(body).errorFields())
                .as("a bad sector no longer hides the bad agencyId")
                .containsExactly("agencyId", "sector");
        body.put("sector", "EDUCATION");
        assertThat(scenario.signAgency(body).errorFields()).containsExactly("agencyId");
        assertThat(scenario.signAgency(missing).errorFields())
                .containsExactlyInAnyOrder("name", "nominatedRepresentative.email");
        assertThat(scenario.signAgency(unknown).errorFields()).containsExactly("website");
    }

    @Test
    void aSecondRegistrationOfTheSameAgencyIs409() {
        String agencyId = scenario.agency("HOUSING");
        assertThat(scenario.signAgency(Scenario.agencyBody(agencyId, "HOUSING")).status())
                .isEqualTo(409);
    }

    @Test
    void onlyAdministratorsKeepTheRegister() {
        String agencyId = scenario.agency("HEALTH");
        Credentials representative = scenario.user(agencyId, "NOMINATED_REPRESENTATIVE");

        assertThat(http.as(representative)
                        .post("/api/agencies", Scenario.agencyBody(Scenario.unique("x"), "HEALTH"))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(representative)
                        .post(
                                "/api/agencies/" + agencyId + "/withdrawal",
                                Map.of("withdrawnOn", "2009-06-01", "reason", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(http.anonymous().get("/api/agencies").status()).isEqualTo(401);
    }

    @Test
    void withdrawalIsRecordedOnceAndTheHistoryStays() {
        String agencyId = scenario.agency("VOLUNTARY_COMMUNITY");
        Map<String, Object> withdrawal = Map.of("withdrawnOn", "2009-06-01", "reason", "Did not transfer");

        Response first = http.as(Scenario.ADMIN).post("/api/agencies/" + agencyId + "/withdrawal", withdrawal);
        Response second = http.as(Scenario.ADMIN).post("/api/agencies/" + agencyId + "/withdrawal", withdrawal);
        Response unknown = http.as(Scenario.ADMIN).post("/api/agencies/no-such-agency/withdrawal", withdrawal);
        Response beforeSigning = http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + scenario.agency("OTHER") + "/withdrawal",
                        Map.of("withdrawnOn", "2001-01-01", "reason", "x"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(beforeSigning.errorFields()).containsExactly("withdrawnOn");
        JsonNode agency =
                http.as(Scenario.ADMIN).get("/api/agencies/" + agencyId).json();
        assertThat(agency.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(agency.path("withdrawnOn").asString()).isEqualTo("2009-06-01");
    }

    @Test
    void aNewNominatedRepresentativeIsShownAtOnce() {
        String agencyId = scenario.agency("MENTAL_HEALTH");

        Response changed = http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + agencyId + "/nominated-representative",
                        Map.of("name", "Dr Priya Shah", "email", "priya.shah@camhs.example"));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/agencies/" + agencyId)
                        .json()
                        .path("nominatedRepresentative")
                        .path("name")
                        .asString())
                .isEqualTo("Dr Priya Shah");
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/nominated-representative",
                                Map.of("name", "", "email", "x@y.example"))
                        .errorFields())
                .containsExactly("name");
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies/no-such-agency").status())
                .isEqualTo(404);
    }
}
