package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

class UsersAndTokensIT extends IntegrationTest {

    private Map<String, Object> user(String agencyId, String password, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", Scenario.unique("u"));
        body.put("password", password);
        body.put("displayName", "A Person");
        body.put("agencyId", agencyId);
        body.put("roles", List.of(roles));
        return body;
    }

    @Test
    void registeredUserCanSignInAndPasswordIsOnlyAHash() {
        String agencyId = scenario.agency("EARLY_YEARS");
        Map<String, Object> body = user(agencyId, "a-long-enough-password", "PRACTITIONER");

        Response created = http.as(Scenario.ADMIN).post("/api/users", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text()).doesNotContain("a-long-enough-password");
        String username = (String) body.get("username");
        assertThat(http.as(new Credentials(username, "a-long-enough-password"))
                        .get("/api/agencies")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "select password_hash from credentials where username = ?", String.class, username))
                .startsWith("$2")
                .doesNotContain("a-long-enough-password");
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? "
                                + "and convert_from(payload, 'UTF8') like '%password%'",
                        Long.class, username))
                .isZero();
    }

    @Test
    void invalidUsersAre400() {
        String agencyId = scenario.agency("EARLY_YEARS");
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users", user(agencyId, "short", "PRACTITIONER"))
                        .errorFields())
                .containsExactly("password");
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users", user(null, "a-long-enough-password", "PRACTITIONER"))
                        .errorFields())
                .containsExactly("agencyId");
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users", user("no-such-agency", "a-long-enough-password", "PRACTITIONER"))
                        .errorFields())
                .containsExactly("agencyId");
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users", user(agencyId, "a-long-enough-password", "BOSS"))
                        .status())
                .isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users", user(agencyId, "a-long-enough-password"))
                        .errorFields())
                .containsExactly("roles");
    }

    @Test
    void usernamesAreUniqueAndOnlyAdminsRegister() {
        String agencyId = scenario.agency("EARLY_YEARS");
        Map<String, Object> body = user(agencyId, "a-long-enough-password", "PRACTITIONER");
        assertThat(http.as(Scenario.ADMIN).post("/api/users", body).status()).isEqualTo(201);

        assertThat(http.as(Scenario.ADMIN).post("/api/users", body).status()).isEqualTo(409);
        Credentials practitioner = new Credentials((String) body.get("username"), "a-long-enough-password");
        assertThat(http.as(practitioner)
                        .post("/api/users", user(agencyId, "a-long-enough-password", "ADMIN"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aTokenCarriesItsOwnersRolesAndAgencyUntilRevoked() {
        Scenario.Parties p = scenario.parties();
        Response issued = http.as(p.requesterPractitioner()).post("/api/tokens", Map.of("name", "case system"));

        assertThat(issued.status()).isEqualTo(201);
        String token = issued.field("token");
        String tokenId = issued.field("tokenId");
        assertThat(token).startsWith("isl_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(issued.field("expiresAt")).isNotNull();
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class, token))
                .as("the token itself is never stored")
                .isZero();

        Response viaToken =
                http.withToken(token).post("/api/requests", Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
        assertThat(viaToken.status()).isEqualTo(201);
        assertThat(http.withToken(token)
                        .get("/api/tokens")
                        .json()
                        .get(0)
                        .path("name")
                        .asString())
                .isEqualTo("case system");

        assertThat(http.as(p.requesterPractitioner())
                        .post("/api/tokens/" + tokenId + "/revocation", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(http.withToken(token).get("/api/agencies").status()).isEqualTo(401);
        assertThat(http.as(p.requesterPractitioner())
                        .post("/api/tokens/" + tokenId + "/revocation", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(events("TokenIssued")).isPositive();
        assertThat(events("TokenRevoked")).isPositive();
    }

    @Test
    void onlyTheOwnerOrAnAdministratorRevokesAToken() {
        Scenario.Parties p = scenario.parties();
        String tokenId = http.as(p.requesterPractitioner())
                .post("/api/tokens", Map.of("name", "script"))
                .field("tokenId");

        assertThat(http.as(p.holderPractitioner())
                        .post("/api/tokens/" + tokenId + "/revocation", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/tokens/" + UUID.randomUUID() + "/revocation", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/tokens/" + tokenId + "/revocation", Map.of())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void invalidTokensAre401AndBadTokenRequests400() {
        Scenario.Parties p = scenario.parties();
        assertThat(http.withToken("isl_not-a-real-token").get("/api/agencies").status())
                .isEqualTo(401);
        assertThat(http.as(p.requesterPractitioner())
                        .post("/api/tokens", Map.of("name", "x", "validDays", 400))
                        .errorFields())
                .containsExactly("validDays");
        assertThat(http.as(p.requesterPractitioner())
                        .post("/api/tokens", Map.of())
                        .errorFields())
                .containsExactly("name");
        assertThat(http.anonymous().post("/api/tokens", Map.of("name", "x")).status())
                .isEqualTo(401);
    }
}
