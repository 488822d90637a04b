package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
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

/** A child's timeline says, for each decision, whether the person who took it was accredited that day. */
class AccreditedTimelineIT extends IntegrationTest {

    @Test
    void eachDecisionInTheTimelineSaysWhetherItsActorWasAccredited() {
        Parties p = scenario.parties();
        Credentials trained = p.holderPractitioner();
        train(p.holder(), trained.username());
        Credentials untrained = scenario.user(p.holder(), "PRACTITIONER");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        String child = Scenario.uniqueNhsNumber();

        String shared = request(p, child);
        ok(http.as(trained).post("/api/requests/" + shared + "/share", Scenario.share("FULL")));
        String refused = request(p, child);
        ok(http.as(untrained).post("/api/requests/" + refused + "/refusal", Scenario.refusal()));
        awaitReadModels();

        Map<String, Object> grantBody = new HashMap<>();
        grantBody.put("nhsNumber", child);
        grantBody.put("reviewer", reviewer.username());
        grantBody.put("review", "Serious case review: Child B");
        grantBody.put("reason", "Commissioned by the Safeguarding Children Board");
        grantBody.put("validUntil", Instant.now().plus(Duration.ofDays(30)).toString());
        Response grant = http.as(trust).post("/api/timeline-grants", grantBody);
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        Map<String, Object> query = new HashMap<>();
        query.put("grantId", grant.field("grantId"));
        query.put("nhsNumber", child);
        query.put("reason", "Preparing the panel's chronology");
        Response timeline = http.as(reviewer).post("/api/timelines/queries", query);
        assertThat(timeline.status()).as(timeline.toString()).isEqualTo(200);

        Map<String, JsonNode> byStep = new HashMap<>();
        timeline.json()
                .path("entries")
                .forEach(entry -> byStep.put(entry.path("step").asString(), entry));
        assertThat(byStep.get("SHARED").path("actorAccredited").asBoolean()).isTrue();
        assertThat(byStep.get("REFUSED").path("actorAccredited").isBoolean()).isTrue();
        assertThat(byStep.get("REFUSED").path("actorAccredited").asBoolean()).isFalse();
        assertThat(byStep.get("REQUESTED").has("actorAccredited"))
                .as("a request is not a decision")
                .isFalse();

        PageSession browser = new PageSession(port);
        browser.signIn(reviewer);
        String form = browser.get("/timeline").body();
        Map<String, String> fields = new HashMap<>();
        fields.put("grantId", grant.field("grantId"));
        fields.put("nhsNumber", child);
        fields.put("reason", "Preparing the panel's chronology");
        fields.put("asOf", "");
        fields.put("_csrf", PageSession.csrf(form));
        HttpResponse<String> page = browser.post("/timeline", fields);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body())
                .contains("<dt>Online information sharing course</dt>")
                .contains("Accredited: the person who decided had passed it and it was in date")
                .contains("Not accredited: the person who decided had no passed, in-date record of it");
    }

    private String request(Parties p, String nhsNumber) {
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("subject", Map.of("nhsNumber", nhsNumber));
        return scenario.request(p.requesterPractitioner(), body);
    }

    private void train(String agencyId, String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("practitioner", "Practitioner " + username);
        body.put("username", username);
        body.put("course", "ONLINE_INFORMATION_SHARING");
        body.put("completedOn", LocalDate.now().minusDays(30).toString());
        body.put("assessmentPassed", true);
        Response recorded = http.as(Scenario.ADMIN).post("/api/training-records", body);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    }

    private static void ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }
}
