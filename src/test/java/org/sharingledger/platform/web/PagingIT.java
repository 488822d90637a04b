package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;

/**
 * The lists that grow without end (tokens, timeline grants, timeline access, users) are paged as {@code GET /api/users}
 * already was: {@code page} from 0 and {@code size} up to 200 (default 50), the page's array, {@code X-Total-Count}, and
 * a {@code Link rel="next"} while there are more. A client that sends no paging parameters gets the first page.
 */
class PagingIT extends IntegrationTest {

    @Test
    void tokensComeAPageAtATimeWithTheTotalAndTheNextPagesAddress() {
        Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        for (int i = 0; i < 3; i++) {
            assertThat(http.as(user)
                            .post("/api/tokens", Map.of("name", "script " + i))
                            .status())
                    .isEqualTo(201);
        }

        Response first = http.as(user).get("/api/tokens?size=2");
        Response second = http.as(user).get("/api/tokens?page=1&size=2");
        Response unpaged = http.as(user).get("/api/tokens");
        Response byAdmin = http.as(Scenario.ADMIN).get("/api/users/" + user.username() + "/tokens?size=1");

        assertThat(first.json().size()).isEqualTo(2);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("Link")).matches("<http://localhost:\\d+/api/tokens\\?page=1&size=2>; rel=\"next\"");
        assertThat(second.json().size()).isEqualTo(1);
        assertThat(second.header("Link")).isNull();
        assertThat(second.json().get(0).path("name").asString()).isEqualTo("script 0");
        assertThat(unpaged.json().size()).isEqualTo(3);
        assertThat(unpaged.header("X-Total-Count")).isEqualTo("3");
        assertThat(unpaged.header("Link")).isNull();
        assertThat(byAdmin.json().size()).isEqualTo(1);
        assertThat(byAdmin.header("X-Total-Count")).isEqualTo("3");
        assertThat(byAdmin.header("Link")).contains("page=1").contains("size=1");
    }

    @Test
    void aPageSizeOverTheMaximumOrANegativePageIsA400() {
        Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");

        Response tooBig = http.as(user).get("/api/tokens?size=201");
        Response negative = http.as(user).get("/api/tokens?page=-1");

        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.errorFields()).containsExactly("size");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.errorFields()).containsExactly("page");
    }

    @Test
    void grantsAndTimelineAccessArePagedAlike() {
        Parties p = scenario.parties();
        String child = Scenario.uniqueNhsNumber();
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("subject", Map.of("nhsNumber", child));
        scenario.request(p.requesterPractitioner(), body);
        // Each query's access is recorded for the agencies its timeline shows, so the timeline must hold the request.
        awaitReadModels();
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Credentials representative = scenario.user(p.requester(), "NOMINATED_REPRESENTATIVE");
        String grant = null;
        for (int i = 0; i < 3; i++) {
            Map<String, Object> granted = new HashMap<>();
            granted.put("reviewer", reviewer.username());
            granted.put("review", "Review " + i);
            granted.put("reason", "Serious case review");
            granted.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
            granted.put("nhsNumber", child);
            grant = http.as(Scenario.ADMIN)
                    .post("/api/timeline-grants", granted)
                    .field("grantId");
        }
        for (int i = 0; i < 3; i++) {
            Response query = http.as(reviewer)
                    .post(
                            "/api/timelines/queries",
                            Map.of("grantId", grant, "nhsNumber", child, "reason", "Chronology"));
            assertThat(query.status()).as(query.toString()).isEqualTo(200);
        }

        Response grants = http.as(reviewer).get("/api/timeline-grants?size=2");
        Response access = http.as(representative).get("/api/agencies/" + p.requester() + "/timeline-access?size=2");
        Response lastAccess =
                http.as(representative).get("/api/agencies/" + p.requester() + "/timeline-access?page=1&size=2");

        assertThat(grants.json().size()).isEqualTo(2);
        assertThat(grants.header("X-Total-Count")).isEqualTo("3");
        assertThat(grants.json().get(0).path("review").asString()).isEqualTo("Review 2");
        assertThat(grants.header("Link")).contains("page=1");
        assertThat(access.json().size()).isEqualTo(2);
        assertThat(access.header("X-Total-Count")).isEqualTo("3");
        assertThat(access.header("Link")).contains("/timeline-access?page=1&size=2");
        assertThat(lastAccess.json().size()).isEqualTo(1);
        assertThat(lastAccess.header("Link")).isNull();
    }

    @Test
    void theUsersListSaysWhereItsNextPageIs() {
        Response users = http.as(Scenario.ADMIN).get("/api/users?size=1");

        assertThat(users.json().size()).isEqualTo(1);
        assertThat(users.header("Link")).contains("/api/users?page=1&size=1");
    }
}
