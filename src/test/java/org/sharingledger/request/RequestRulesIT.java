package org.sharingledger.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;

/** Every broken rule answers with a clear 4xx problem detail, and records nothing (but a denied attempt). */
class RequestRulesIT extends IntegrationTest {

    @Test
    void missingAndInvalidFieldsAreListedOneByOne() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.remove("purpose");
        body.put("informationSought", " ");
        long before = events();

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("type")).isNotBlank();
        assertThat(response.field("title")).isNotBlank();
        assertThat(response.errorFields()).containsExactlyInAnyOrder("purpose", "informationSought");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void nhsNumberMustHaveAValidCheckDigitAndIsNeverEchoed() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("subject", Map.of("nhsNumber", "943 476 5918"));

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("subject.nhsNumber");
        assertThat(response.text()).doesNotContain("5918");
    }

    @Test
    void exactlyOneOfNhsNumberAndLocalReference() {
        Parties p = scenario.parties();
        Map<String, Object> both = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        both.put("subject", Map.of("nhsNumber", Scenario.NHS_NUMBER, "localReference", "L1"));
        Map<String, Object> neither = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        neither.put("subject", Map.of());

        assertThat(http.as(p.requesterPractitioner())
                        .post("/api/requests", both)
                        .errorFields())
                .containsExactly("subject");
        assertThat(http.as(p.requesterPractitioner())
                        .post("/api/requests", neither)
                        .errorFields())
                .containsExactly("subject");
    }

    @Test
    void unknownFieldsAndUnknownEnumValuesAreRejected() {
        Parties p = scenario.parties();
        Map<String, Object> unknownField = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        unknownField.put("childName", "Should not be here");
        Map<String, Object> badEnum = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        badEnum.put("urgency", "WHENEVER");

        Response unknown = http.as(p.requesterPractitioner()).post("/api/requests", unknownField);
        Response invalid = http.as(p.requesterPractitioner()).post("/api/requests", badEnum);

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("childName");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("urgency");
        assertThat(invalid.json().path("errors").get(0).path("message").asString())
                .contains("ROUTINE");
    }

    @Test
    void malformedJsonIsA400() {
        Parties p = scenario.parties();
        Response response = http.as(p.requesterPractitioner()).post("/api/requests", "{not json");
        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void consentBasisNeedsConsentGiven() {
        Parties p = scenario.parties();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("lawfulBasis", "CONSENT");
        body.put("consent", Map.of("status", "REFUSED"));

        Response response = http.as(p.requesterPractitioner()).post("/api/requests", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("consent.status", "consent.detail");
    }

    @Test
    void requestToOwnOrUnknownAgencyIsInvalid() {
        Parties p = scenario.parties();
        Response own = http.as(p.requesterPractitioner())
                .post("/api/requests", Scenario.requestBody(p.requester(), p.requester(), "ROUTINE"));
        Response unknown = http.as(p.requesterPractitioner())
                .post("/api/requests", Scenario.requestBody(p.requester(), "no-such-agency", "ROUTINE"));

        assertThat(own.status()).isEqualTo(400);
        assertThat(own.errorFields()).containsExactly("holdingAgencyId");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("holdingAgencyId");
    }

    @Test
    void withdrawnAgencyCanNeitherMakeNorReceiveRequests() {
        Parties p = scenario.parties();
        String other = scenario.agency("HEALTH");
        http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + p.holder() + "/withdrawal",
                        Map.of("withdrawnOn", "2009-06-01", "reason", "Did not transfer to the Code of Practice"));

        Response toWithdrawn = http.as(p.requesterPractitioner())
                .post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
        Response fromWithdrawn = http.as(p.holderPractitioner())
                .post("/api/requests", Scenario.requestBody(p.holder(), other, "ROUTINE"));

        assertThat(toWithdrawn.status()).isEqualTo(409);
        assertThat(fromWithdrawn.status())
                .as("withdrawing an agency disables its users, so no one acts for it any more")
                .isEqualTo(401);
    }

    @Test
    void occurredAtMayNotBeInTheFutureNorBeforeTheRequest() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Map<String, Object> future = new HashMap<>(Scenario.refusal());
        future.put("occurredAt", Instant.now().plusSeconds(3600).toString());
        Map<String, Object> beforeRequest = new HashMap<>(Scenario.refusal());
        beforeRequest.put("occurredAt", "2009-03-31T09:15:00Z");
        Map<String, Object> notAnInstant = new HashMap<>(Scenario.refusal());
        notAnInstant.put("occurredAt", "yesterday");

        Response inFuture = http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", future);
        Response tooEarly = http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", beforeRequest);
        Response garbled = http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", notAnInstant);

        assertThat(inFuture.status()).isEqualTo(400);
        assertThat(inFuture.errorFields()).containsExactly("occurredAt");
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.errorFields()).containsExactly("occurredAt");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.errorFields()).containsExactly("occurredAt");
    }

    @Test
    void partialShareNeedsWithheldReasonAndRefusalNeedsRationale() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Map<String, Object> partial = new HashMap<>(Scenario.share("PARTIAL"));
        partial.remove("withheldReason");

        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + id + "/share", partial)
                        .errorFields())
                .containsExactly("withheldReason");
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + id + "/refusal", Map.of("reason", "OTHER", "rationale", "  "))
                        .errorFields())
                .containsExactly("rationale");
    }

    @Test
    void noCredentialsIs401() {
        Response response = http.anonymous().post("/api/requests", Map.of());
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).contains("Basic");
        assertThat(http.anonymous().get("/api/requests/" + UUID.randomUUID()).status())
                .isEqualTo(401);
        assertThat(http.as(new Credentials("admin", "wrong-password-123"))
                        .get("/api/agencies")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void wrongRoleIs403AndTheAttemptIsRecorded() {
        Parties p = scenario.parties();
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        long deniedBefore = events("AccessDenied");

        Response response =
                http.as(reviewer).post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.field("detail"))
                .isEqualTo("only a PRACTITIONER or NOMINATED_REPRESENTATIVE of the agency concerned may make, share "
                        + "or refuse, escalate or withdraw a request");
        assertThat(events("AccessDenied")).isEqualTo(deniedBefore + 1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? "
                                + "and payload_type like '%AccessDenied'",
                        Long.class, reviewer.username()))
                .isEqualTo(1);
    }

    @Test
    void anotherAgencysUserIs403ForEveryStepAndForReading() {
        Parties p = scenario.parties();
        String stranger = scenario.agency("EDUCATION");
        Credentials outsider = scenario.user(stranger, "PRACTITIONER", "NOMINATED_REPRESENTATIVE");
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        long before = events();

        String requesters = "only a PRACTITIONER or NOMINATED_REPRESENTATIVE of " + p.requester() + " may ";
        String holders = "only a PRACTITIONER or NOMINATED_REPRESENTATIVE of " + p.holder() + " may ";
        assertForbidden(
                http.as(outsider).post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE")),
                requesters + "make a request on its behalf");
        assertForbidden(
                http.as(outsider).post("/api/requests/" + id + "/share", Scenario.share("FULL")),
                holders + "share or refuse this request");
        assertForbidden(
                http.as(outsider).post("/api/requests/" + id + "/refusal", Scenario.refusal()),
                holders + "share or refuse this request");
        assertForbidden(
                http.as(outsider).post("/api/requests/" + id + "/withdrawal", Map.of("reason", "x")),
                requesters + "withdraw this request");
        assertForbidden(
                http.as(outsider).get("/api/requests/" + id),
                "only the practitioners and nominated representatives of the requesting or the holding agency, or a "
                        + "TRUST_REVIEWER, may see this request");
        assertForbidden(
                http.as(outsider).get("/api/requests?agencyId=" + p.holder()),
                "only the practitioners and nominated representatives of " + p.holder()
                        + ", or a TRUST_REVIEWER, may list its requests");
        // the requester cannot decide its own request either
        assertForbidden(
                http.as(p.requesterPractitioner()).post("/api/requests/" + id + "/share", Scenario.share("FULL")),
                holders + "share or refuse this request");
        assertThat(events()).as("only the denied attempts were recorded").isEqualTo(before + 7);
    }

    @Test
    void unknownRequestIs404() {
        Parties p = scenario.parties();
        String unknown = UUID.randomUUID().toString();
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + unknown + "/share", Scenario.share("FULL"))
                        .status())
                .isEqualTo(404);
        assertThat(http.as(p.holderPractitioner())
                        .get("/api/requests/" + unknown)
                        .status())
                .isEqualTo(404);
        assertThat(http.as(p.holderPractitioner())
                        .get("/api/requests/not-a-uuid")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void stepsTheStateDoesNotAllowAre409() {
        Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", Scenario.refusal());
        long before = events();

        Response shareAfterRefusal =
                http.as(p.holderPractitioner()).post("/api/requests/" + id + "/share", Scenario.share("FULL"));
        Response withdrawAfterDecision = http.as(p.requesterPractitioner())
                .post("/api/requests/" + id + "/withdrawal", Map.of("reason", "No longer needed"));
        Response resolveWithoutEscalation = http.as(scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE"))
                .post(
                        "/api/requests/" + id + "/escalations/resolution",
                        Map.of("outcome", "REFUSAL_UPHELD", "rationale", "x"));

        assertThat(shareAfterRefusal.status()).isEqualTo(409);
        assertThat(shareAfterRefusal.field("detail")).contains("REFUSED");
        assertThat(withdrawAfterDecision.status()).isEqualTo(409);
        assertThat(resolveWithoutEscalation.status()).isEqualTo(409);
        assertThat(events()).isEqualTo(before + 1); // the new nominated representative's account, nothing else
    }

    private static void assertForbidden(Response response, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("detail")).isEqualTo(detail);
    }
}
