package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;

/**
 * A value of the wrong shape (an enum value not in the list, a date that is no date, an unknown field) no longer
 * hides the other fields' problems: one 400 lists every field, and nothing is recorded.
 */
class EveryFieldAtOnceIT extends IntegrationTest {

    @Test
    void requestListsAnInvalidEnumAMissingFieldAndABadNhsNumberTogether() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("urgency", "SOMETIMES");
        body.remove("purpose");
        body.put("subject", Map.of("nhsNumber", "943 476 5918"));
        long before = events();

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errors(response))
                .containsExactly(
                        Map.entry("purpose", "must not be null"),
                        Map.entry(
                                "subject.nhsNumber", "is not a valid NHS number (10 digits with a valid check digit)"),
                        Map.entry("urgency", "must be one of EMERGENCY, URGENT, ROUTINE"));
        assertThat(response.text()).doesNotContain("SOMETIMES").doesNotContain("5918");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void requestListsNestedEnumsBadDatesAndUnknownFieldsTogether() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("lawfulBasis", "MAYBE");
        body.put("consent", Map.of("status", "PERHAPS", "detail", "Not asked."));
        body.put("subject", Map.of("nhsNumber", Scenario.NHS_NUMBER, "dateOfBirth", "31/02/2009"));
        body.put("colour", "blue");
        body.put("informationSought", " ");
        long before = events();

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(errors(response))
                .containsExactly(
                        Map.entry("colour", "is not a known field"),
                        Map.entry("consent.status", "must be one of GIVEN, REFUSED, NOT_SOUGHT, NOT_REQUIRED"),
                        Map.entry("informationSought", "must not be blank"),
                        Map.entry(
                                "lawfulBasis",
                                "must be one of CONSENT, CONTRACT, LEGAL_OBLIGATION, VITAL_INTERESTS, PUBLIC_TASK, "
                                        + "LEGITIMATE_INTERESTS"),
                        Map.entry("subject.dateOfBirth", "is not a valid date (YYYY-MM-DD)"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void refusalListsEveryFieldAndTheRequestStillAwaitsItsDecision() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Map<String, Object> body = new HashMap<>(Scenario.refusal());
        body.put("reason", "BECAUSE");
        body.put("rationale", " ");
        body.put("occurredAt", "yesterday");
        long before = events();

        Response response = http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("occurredAt", "rationale", "reason");
        assertThat(errors(response))
                .containsEntry("occurredAt", "is not a valid instant (ISO-8601 in UTC, e.g. 2009-03-31T09:15:00Z)")
                .containsEntry(
                        "reason",
                        "must be one of INFORMATION_NOT_HELD, NO_CONSENT_NO_OVERRIDING_PUBLIC_INTEREST, "
                                + "NOT_NECESSARY_OR_PROPORTIONATE, PURPOSE_NOT_ESTABLISHED, REQUESTER_NOT_VERIFIED, "
                                + "STATUTORY_BAR, THIRD_PARTY_CONFIDENTIALITY, WOULD_PREJUDICE_INVESTIGATION, OTHER");
        assertThat(events()).isEqualTo(before);
        assertThat(http.as(p.holderPractitioner()).get("/api/requests/" + id).field("status"))
                .isEqualTo("AWAITING_DECISION");
    }

    @Test
    void agencyRegistrationListsEveryFieldAndRegistersNothing() {
        String agencyId = Scenario.unique("every-field");
        Map<String, Object> body = Scenario.agencyBody(agencyId, "SCHOOLS");
        body.remove("name");
        body.put("nominatedRepresentative", Map.of("name", "Nominated Rep", "email", "not an email"));
        body.put("signedOn", "2008-02-30");
        long before = events();

        Response response = scenario.signAgency(body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields())
                .containsExactly("name", "nominatedRepresentative.email", "sector", "signedOn");
        assertThat(errors(response))
                .containsEntry(
                        "sector",
                        "must be one of CHILDRENS_SOCIAL_CARE, EDUCATION, EARLY_YEARS, HEALTH, "
                                + "MENTAL_HEALTH, POLICE, PROBATION_YOUTH_JUSTICE, HOUSING, COMMUNITY_SAFETY, "
                                + "VOLUNTARY_COMMUNITY, OTHER")
                .containsEntry("signedOn", "is not a valid date (YYYY-MM-DD)");
        assertThat(events()).isEqualTo(before);
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies/" + agencyId).status())
                .isEqualTo(404);
    }

    @Test
    void userRegistrationNamesTheBadRoleByItsPlaceInTheList() {
        String agencyId = scenario.agency("HEALTH");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", Scenario.unique("every-field"));
        body.put("password", "a-long-enough-password");
        body.put("agencyId", agencyId);
        body.put("roles", List.of("PRACTITIONER", "BOSS"));
        long before = events();

        Response response = http.as(Scenario.ADMIN).post("/api/users", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(errors(response))
                .containsExactly(
                        Map.entry("displayName", "must not be blank"),
                        Map.entry(
                                "roles[1]",
                                "must be one of ADMIN, PRACTITIONER, NOMINATED_REPRESENTATIVE, TRUST_REVIEWER, "
                                        + "CASE_REVIEWER, METRICS"));
        assertThat(events()).isEqualTo(before);
    }

    /** An optional field with a value of the wrong shape is refused too: it never reads as absent. */
    @Test
    void aBadValueInAnOptionalFieldIsNotTakenForNoValue() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Map<String, Object> body = new HashMap<>(Scenario.share("FULL"));
        body.put("withheldReason", "NOPE");
        long before = events();

        Response response = http.as(p.holderPractitioner()).post("/api/requests/" + id + "/share", body);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("withheldReason");
        assertThat(events()).isEqualTo(before);
    }

    private static Map<String, String> errors(Response response) {
        Map<String, String> errors = new LinkedHashMap<>();
        response.json()
                .path("errors")
                .forEach(error -> errors.put(
                        error.path("field").asString(), error.path("message").asString()));
        return errors;
    }
}
