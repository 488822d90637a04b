package org.sharingledger.timeline;

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
import tools.jackson.databind.JsonNode;

class GrantsIT extends IntegrationTest {

    private static Map<String, Object> grant(String reviewer) {
        Map<String, Object> body = new HashMap<>();
        body.put("reviewer", reviewer);
        body.put("review", "Serious case review: Child A");
        body.put("reason", "Commissioned by the Safeguarding Children Board on 2010-01-11");
        body.put("validUntil", Instant.now().plusSeconds(30L * 24 * 3600).toString());
        body.put("nhsNumber", "943 476 5919");
        return body;
    }

    @Test
    void theTrustGrantsAReviewerWhoThenSeesTheirOwnGrants() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Credentials otherReviewer = scenario.user(null, "CASE_REVIEWER");

        Response created = http.as(trust).post("/api/timeline-grants", grant(reviewer.username()));
        Map<String, Object> byCase = grant(otherReviewer.username());
        byCase.remove("nhsNumber");
        byCase.put("caseReference", "CSC-2009-0142");
        byCase.put("agencyId", "csc-of-the-county");
        http.as(Scenario.ADMIN).post("/api/timeline-grants", byCase);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String grantId = created.field("grantId");
        JsonNode own = http.as(reviewer).get("/api/timeline-grants").json();
        assertThat(own).extracting(g -> g.path("grantId").asString()).containsExactly(grantId);
        assertThat(own.get(0).path("status").asString()).isEqualTo("LIVE");
        assertThat(own.get(0).path("subject").asString()).isEqualTo("NHS_NUMBER");
        assertThat(own.get(0).path("grantedBy").asString()).isEqualTo(trust.username());
        assertThat(own.toString()).doesNotContain("9434765919").doesNotContain("943 476 5919");
        assertThat(http.as(trust).get("/api/timeline-grants").json())
                .extracting(g -> g.path("reviewer").asString())
                .contains(reviewer.username(), otherReviewer.username());
        assertThat(events("TimelineAccessGranted")).isPositive();
    }

    @Test
    void aRevokedGrantIsShownRevokedAndCannotBeRevokedAgain() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        String grantId = http.as(trust)
                .post("/api/timeline-grants", grant(reviewer.username()))
                .field("grantId");

        Response revoked = http.as(trust)
                .post("/api/timeline-grants/" + grantId + "/revocation", Map.of("reason", "Review panel concluded"));
        Response again =
                http.as(trust).post("/api/timeline-grants/" + grantId + "/revocation", Map.of("reason", "again"));
        Response unknown =
                http.as(trust).post("/api/timeline-grants/" + UUID.randomUUID() + "/revocation", Map.of("reason", "x"));

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(404);
        JsonNode listed = http.as(reviewer).get("/api/timeline-grants").json().get(0);
        assertThat(listed.path("status").asString()).isEqualTo("REVOKED");
        assertThat(listed.path("revocationReason").asString()).isEqualTo("Review panel concluded");
    }

    @Test
    void invalidGrantsAre400() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Credentials notAReviewer = scenario.user(null, "TRUST_REVIEWER");
        Map<String, Object> twoSubjects = grant(reviewer.username());
        twoSubjects.put("caseReference", "CSC-1");
        Map<String, Object> noSubject = grant(reviewer.username());
        noSubject.remove("nhsNumber");
        Map<String, Object> badNumber = grant(reviewer.username());
        badNumber.put("nhsNumber", "9434765918");
        Map<String, Object> past = grant(reviewer.username());
        past.put("validUntil", "2009-01-01T00:00:00Z");
        Map<String, Object> halfLocal = grant(reviewer.username());
        halfLocal.remove("nhsNumber");
        halfLocal.put("localReference", "L-1");
        long before = events();

        assertThat(http.as(trust).post("/api/timeline-grants", twoSubjects).errorFields())
                .containsExactly("subject");
        assertThat(http.as(trust).post("/api/timeline-grants", noSubject).errorFields())
                .containsExactly("subject");
        assertThat(http.as(trust).post("/api/timeline-grants", badNumber).errorFields())
                .containsExactly("nhsNumber");
        assertThat(http.as(trust).post("/api/timeline-grants", past).errorFields())
                .containsExactly("validUntil");
        assertThat(http.as(trust).post("/api/timeline-grants", halfLocal).errorFields())
                .containsExactly("agencyId");
        Map<String, Object> caseWithoutAgency = grant(reviewer.username());
        caseWithoutAgency.remove("nhsNumber");
        caseWithoutAgency.put("caseReference", "CSC-1");
        assertThat(http.as(trust)
                        .post("/api/timeline-grants", caseWithoutAgency)
                        .errorFields())
                .as("a case reference is the agency's own: a grant by it names the agency")
                .containsExactly("agencyId");
        assertThat(http.as(trust)
                        .post("/api/timeline-grants", grant(notAReviewer.username()))
                        .errorFields())
                .containsExactly("reviewer");
        assertThat(http.as(trust)
                        .post("/api/timeline-grants", grant("nobody-at-all"))
                        .errorFields())
                .containsExactly("reviewer");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void onlyTheTrustOrAnAdministratorGrantsAndDeniedAttemptsAreRecorded() {
        Scenario.Parties p = scenario.parties();
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        long denied = events("AccessDenied");

        assertThat(http.as(p.requesterPractitioner())
                        .post("/api/timeline-grants", grant(reviewer.username()))
                        .status())
                .isEqualTo(403);
        assertThat(http.as(reviewer)
                        .post("/api/timeline-grants", grant(reviewer.username()))
                        .status())
                .as("a reviewer cannot grant themselves")
                .isEqualTo(403);
        assertThat(http.as(p.requesterPractitioner())
                        .get("/api/timeline-grants")
                        .status())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 3);
    }

    @Test
    void aGrantorCannotGrantThemselves() {
        Credentials trustAndReviewer = scenario.user(null, "TRUST_REVIEWER", "CASE_REVIEWER");
        Credentials otherReviewer = scenario.user(null, "CASE_REVIEWER");
        long granted = events("TimelineAccessGranted");
        long denied = events("AccessDenied");

        Response self = http.as(trustAndReviewer).post("/api/timeline-grants", grant(trustAndReviewer.username()));
        Response other = http.as(trustAndReviewer).post("/api/timeline-grants", grant(otherReviewer.username()));

        assertThat(self.status()).as(self.toString()).isEqualTo(403);
        assertThat(self.text()).contains("themselves");
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        assertThat(events("TimelineAccessGranted")).isEqualTo(granted + 1);
        assertThat(events("AccessDenied")).isEqualTo(denied + 1);
        assertThat(http.as(trustAndReviewer).get("/api/timeline-grants").json())
                .extracting(g -> g.path("reviewer").asString())
                .doesNotContain(trustAndReviewer.username());
    }
}
