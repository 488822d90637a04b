package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/** Accounts that can be ended and changed: each change an event, each holding at once on every way in. */
class AccountsIT extends IntegrationTest {

    private static final Map<String, Object> REASON = Map.of("reason", "left the agency");

    /** Events in one account's stream, of one type or (null) all. */
    private long eventsOf(String username, String type) {
        return type == null
                ? jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, username)
                : jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like ?",
                        Long.class,
                        username,
                        "%." + type);
    }

    private String token(Credentials owner) {
        Response issued = http.as(owner).post("/api/tokens", Map.of("name", "case system"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.field("token");
    }

    private JsonNode listed(String username) {
        Response page = http.as(Scenario.ADMIN).get("/api/users?size=200&page=0");
        assertThat(page.status()).isEqualTo(200);
        long total = Long.parseLong(page.header("X-Total-Count"));
        for (int p = 0; p * 200L < total; p++) {
            for (JsonNode user :
                    http.as(Scenario.ADMIN).get("/api/users?size=200&page=" + p).json()) {
                if (user.path("username").asString().equals(username)) {
                    return user;
                }
            }
        }
        throw new AssertionError(username + " not listed");
    }

    @Test
    void anAdministratorListsTheUsersPageByPage() {
        String agencyId = scenario.agency("EARLY_YEARS");
        Credentials user = scenario.user(agencyId, "PRACTITIONER");

        JsonNode listed = listed(user.username());
        assertThat(listed.path("displayName").asString()).isEqualTo("User " + user.username());
        assertThat(listed.path("agencyId").asString()).isEqualTo(agencyId);
        assertThat(listed.path("roles").get(0).asString()).isEqualTo("PRACTITIONER");
        assertThat(listed.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(listed.path("mustChangePassword").asBoolean()).isFalse();
        assertThat(listed.has("password")).isFalse();

        Response firstTwo = http.as(Scenario.ADMIN).get("/api/users?size=2");
        assertThat(firstTwo.json().size()).isEqualTo(2);
        assertThat(Long.parseLong(firstTwo.header("X-Total-Count"))).isGreaterThanOrEqualTo(2);
        assertThat(http.as(Scenario.ADMIN).get("/api/users?size=0").errorFields())
                .containsExactly("size");
        assertThat(http.as(Scenario.ADMIN).get("/api/users?size=201").errorFields())
                .containsExactly("size");
        assertThat(http.as(Scenario.ADMIN).get("/api/users?page=-1").errorFields())
                .containsExactly("page");

        long denied = eventsOf(user.username(), "AccessDenied");
        Response refused = http.as(user).get("/api/users");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventsOf(user.username(), "AccessDenied")).isEqualTo(denied + 1);
        assertThat(http.anonymous().get("/api/users").status()).isEqualTo(401);
    }

    @Test
    void disablingEndsThePageSessionAndRefusesPasswordAndTokenAtOnce() {
        String agencyId = scenario.agency("EARLY_YEARS");
        Credentials user = scenario.user(agencyId, "PRACTITIONER", "NOMINATED_REPRESENTATIVE");
        String token = token(user);
        PageSession page = new PageSession(port);
        page.signIn(user);
        String dashboard = "/dashboard/" + agencyId;
        awaitReadModels(); // the dashboards learn of the new agency in the background
        assertThat(page.get(dashboard).statusCode()).isEqualTo(200);

        Response disabled = http.as(Scenario.ADMIN).post("/api/users/" + user.username() + "/disable", REASON);

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.field("status")).isEqualTo("DISABLED");
        assertThat(http.as(user).get("/api/agencies").status()).isEqualTo(401);
        assertThat(http.withToken(token).get("/api/agencies").status()).isEqualTo(401);
        HttpResponse<String> afterwards = page.get(dashboard);
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(page.get(dashboard).statusCode()).as("the session is gone").isEqualTo(302);
        HttpResponse<String> signIn = new PageSession(port).signIn(user.username(), user.password());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).contains("error");
        assertThat(eventsOf(user.username(), "UserDisabled")).isEqualTo(1);
        assertThat(listed(user.username()).path("status").asString()).isEqualTo("DISABLED");

        long before = eventsOf(user.username(), null);
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users/" + user.username() + "/disable", REASON)
                        .status())
                .as("already disabled")
                .isEqualTo(409);
        assertThat(eventsOf(user.username(), null)).isEqualTo(before);

        Response enabled = http.as(Scenario.ADMIN)
                .post("/api/users/" + user.username() + "/enable", Map.of("reason", "came back"));
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.field("status")).isEqualTo("ACTIVE");
        assertThat(http.as(user).get("/api/agencies").status()).isEqualTo(200);
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users/" + user.username() + "/enable", Map.of("reason", "again"))
                        .status())
                .as("already active")
                .isEqualTo(409);
        assertThat(eventsOf(user.username(), "UserEnabled")).isEqualTo(1);
    }

    @Test
    void disablingAndEnablingRefuseBadInputAndRecordNothing() {
        String agencyId = scenario.agency("EARLY_YEARS");
        Credentials user = scenario.user(agencyId, "PRACTITIONER");
        Credentials other = scenario.user(agencyId, "PRACTITIONER");
        String path = "/api/users/" + user.username();
        long before = eventsOf(user.username(), null);

        Response blank = http.as(Scenario.ADMIN).post(path + "/disable", Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.header("Content-Type")).startsWith("application/problem+json");
        assertThat(blank.errorFields()).containsExactly("reason");
        assertThat(http.as(Scenario.ADMIN).post(path + "/disable", Map.of()).errorFields())
                .containsExactly("reason");
        assertThat(http.as(Scenario.ADMIN)
                        .post(path + "/disable", Map.of("reason", "x".repeat(501)))
                        .errorFields())
                .containsExactly("reason");
        assertThat(http.as(Scenario.ADMIN)
                        .post(path + "/disable", Map.of("reason", "x", "extra", 1))
                        .status())
                .isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN).post(path + "/enable", Map.of()).errorFields())
                .containsExactly("reason");
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users/nobody-" + user.username() + "/disable", REASON)
                        .status())
                .isEqualTo(404);
        assertThat(http.anonymous().post(path + "/disable", REASON).status()).isEqualTo(401);
        assertThat(eventsOf(user.username(), null)).isEqualTo(before);

        long denied = eventsOf(other.username(), "AccessDenied");
        assertThat(http.as(other).post(path + "/disable", REASON).status()).isEqualTo(403);
        assertThat(http.as(other).post(path + "/enable", REASON).status()).isEqualTo(403);
        assertThat(eventsOf(other.username(), "AccessDenied")).isEqualTo(denied + 2);
        assertThat(eventsOf(user.username(), null)).isEqualTo(before);
        assertThat(http.as(user).get("/api/agencies").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorCannotDisableThemselves() {
        Credentials admin = scenario.user(null, "ADMIN");
        long before = eventsOf(admin.username(), null);

        Response self = http.as(admin).post("/api/users/" + admin.username() + "/disable", REASON);

        assertThat(self.status()).isEqualTo(409);
        assertThat(self.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventsOf(admin.username(), null)).isEqualTo(before);
        assertThat(http.as(admin).get("/api/users?size=1").status()).isEqualTo(200);
    }

    @Test
    void changedRolesHoldAtOnceForPasswordAndToken() {
        String agencyId = scenario.agency("EARLY_YEARS");
        Credentials user = scenario.user(agencyId, "PRACTITIONER");
        String token = token(user);
        assertThat(http.withToken(token).get("/api/users").status()).isEqualTo(403);

        Response changed = http.as(Scenario.ADMIN)
                .put(
                        "/api/users/" + user.username() + "/roles",
                        Map.of("roles", List.of("NOMINATED_REPRESENTATIVE", "ADMIN"), "agencyId", agencyId));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("roles").toString()).isEqualTo("[\"ADMIN\",\"NOMINATED_REPRESENTATIVE\"]");
        assertThat(changed.field("agencyId")).isEqualTo(agencyId);
        assertThat(http.as(user).get("/api/users").status()).isEqualTo(200);
        assertThat(http.withToken(token).get("/api/users").status()).isEqualTo(200);
        assertThat(eventsOf(user.username(), "UserRolesChanged")).isEqualTo(1);

        Response noAgency = http.as(Scenario.ADMIN)
                .put("/api/users/" + user.username() + "/roles", Map.of("roles", List.of("CASE_REVIEWER")));
        assertThat(noAgency.status()).isEqualTo(200);
        assertThat(noAgency.json().path("agencyId").isNull()).isTrue();
        assertThat(http.as(user).get("/api/users").status()).isEqualTo(403);
    }

    @Test
    void changingRolesFollowsTheRegistrationRulesAndRecordsNothingWhenRefused() {
        String agencyId = scenario.agency("EARLY_YEARS");
        String withdrawn = scenario.agency("HEALTH");
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + withdrawn + "/withdrawal",
                                Map.of("withdrawnOn", "2009-06-01", "reason", "merged"))
                        .status())
                .isEqualTo(200);
        Credentials user = scenario.user(agencyId, "PRACTITIONER");
        String path = "/api/users/" + user.username() + "/roles";
        long before = eventsOf(user.username(), null);

        assertThat(http.as(Scenario.ADMIN).put(path, Map.of("roles", List.of())).errorFields())
                .containsExactly("roles");
        assertThat(http.as(Scenario.ADMIN)
                        .put(path, Map.of("roles", List.of("PRACTITIONER")))
                        .errorFields())
                .containsExactly("agencyId");
        assertThat(http.as(Scenario.ADMIN)
                        .put(path, Map.of("roles", List.of("PRACTITIONER"), "agencyId", "no-such-agency"))
                        .errorFields())
                .containsExactly("agencyId");
        assertThat(http.as(Scenario.ADMIN)
                        .put(path, Map.of("roles", List.of("BOSS"), "agencyId", agencyId))
                        .status())
                .isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN)
                        .put(path, Map.of("roles", List.of("PRACTITIONER"), "agencyId", withdrawn))
                        .status())
                .isEqualTo(409);
        assertThat(http.as(Scenario.ADMIN)
                        .put("/api/users/nobody-" + user.username() + "/roles", Map.of("roles", List.of("ADMIN")))
                        .status())
                .isEqualTo(404);
        assertThat(http.anonymous().put(path, Map.of("roles", List.of("ADMIN"))).status())
                .isEqualTo(401);
        long denied = eventsOf(user.username(), "AccessDenied");
        assertThat(http.as(user).put(path, Map.of("roles", List.of("ADMIN"))).status())
                .isEqualTo(403);
        assertThat(eventsOf(user.username(), "AccessDenied")).isEqualTo(denied + 1);
        assertThat(eventsOf(user.username(), null)).isEqualTo(before + 1);
    }

    @Test
    void aUserChangesTheirOwnPasswordGivingTheCurrentOne() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        String path = "/api/users/" + user.username() + "/password";
        long before = eventsOf(user.username(), null);

        Response wrong = http.as(user)
                .post(path, Map.of("currentPassword", "not-my-password-at-all", "newPassword", "a-brand-new-password"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorFields()).containsExactly("currentPassword");
        assertThat(http.as(user)
                        .post(path, Map.of("newPassword", "a-brand-new-password"))
                        .errorFields())
                .containsExactly("currentPassword");
        assertThat(http.as(user)
                        .post(path, Map.of("currentPassword", user.password(), "newPassword", "too-short"))
                        .errorFields())
                .containsExactly("newPassword");
        assertThat(http.as(user)
                        .post(path, Map.of("currentPassword", user.password(), "newPassword", "x".repeat(65)))
                        .errorFields())
                .containsExactly("newPassword");
        assertThat(http.as(user)
                        .post(path, Map.of("currentPassword", user.password(), "newPassword", user.password()))
                        .errorFields())
                .containsExactly("newPassword");
        assertThat(http.as(user)
                        .post(path, Map.of("currentPassword", user.password()))
                        .errorFields())
                .containsExactly("newPassword");
        assertThat(http.anonymous()
                        .post(path, Map.of("currentPassword", user.password(), "newPassword", "a-brand-new-password"))
                        .status())
                .isEqualTo(401);
        assertThat(eventsOf(user.username(), null)).isEqualTo(before);

        Response changed = http.as(user)
                .post(path, Map.of("currentPassword", user.password(), "newPassword", "a-brand-new-password"));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("mustChangePassword").asBoolean()).isFalse();
        assertThat(http.as(user).get("/api/agencies").status()).isEqualTo(401);
        assertThat(http.as(new Credentials(user.username(), "a-brand-new-password"))
                        .get("/api/agencies")
                        .status())
                .isEqualTo(200);
        assertThat(eventsOf(user.username(), "PasswordChanged")).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ? "
                                + "and convert_from(payload, 'UTF8') like '%a-brand-new-password%'",
                        Long.class, user.username()))
                .isZero();
    }

    @Test
    void anAdministratorResetsAPasswordAndTheUserMustChangeIt() {
        String agencyId = scenario.agency("EARLY_YEARS");
        Credentials user = scenario.user(agencyId, "PRACTITIONER");
        Credentials colleague = scenario.user(agencyId, "PRACTITIONER");
        String path = "/api/users/" + user.username() + "/password";

        long denied = eventsOf(colleague.username(), "AccessDenied");
        assertThat(http.as(colleague)
                        .post(path, Map.of("newPassword", "colleague-chose-this"))
                        .status())
                .isEqualTo(403);
        assertThat(eventsOf(colleague.username(), "AccessDenied")).isEqualTo(denied + 1);
        assertThat(http.as(Scenario.ADMIN)
                        .post(path, Map.of("newPassword", "short"))
                        .errorFields())
                .containsExactly("newPassword");
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/users/nobody-" + user.username() + "/password",
                                Map.of("newPassword", "long-enough-1234"))
                        .status())
                .isEqualTo(404);

        Response reset = http.as(Scenario.ADMIN).post(path, Map.of("newPassword", "set-by-the-admin-1"));

        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
        assertThat(reset.json().path("mustChangePassword").asBoolean()).isTrue();
        assertThat(listed(user.username()).path("mustChangePassword").asBoolean())
                .isTrue();
        Credentials afterReset = new Credentials(user.username(), "set-by-the-admin-1");
        assertThat(http.as(afterReset).get("/api/agencies").status()).isEqualTo(200);
        assertThat(http.as(afterReset)
                        .post(path, Map.of("currentPassword", "set-by-the-admin-1", "newPassword", "my-own-again-1234"))
                        .status())
                .isEqualTo(200);
        assertThat(listed(user.username()).path("mustChangePassword").asBoolean())
                .isFalse();
    }

    @Test
    void registrationRefusesPasswordsLongerThan64Characters() {
        Map<String, Object> body = new HashMap<>();
        body.put("username", Scenario.unique("u"));
        body.put("password", "x".repeat(65));
        body.put("displayName", "A Person");
        body.put("roles", List.of("TRUST_REVIEWER"));
        assertThat(http.as(Scenario.ADMIN).post("/api/users", body).errorFields())
                .containsExactly("password");
        body.put("password", "x".repeat(64));
        assertThat(http.as(Scenario.ADMIN).post("/api/users", body).status()).isEqualTo(201);
    }

    @Test
    void anAdministratorListsAUsersTokensWithoutTheTokensThemselves() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        String token = token(user);

        Response listed = http.as(Scenario.ADMIN).get("/api/users/" + user.username() + "/tokens");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).path("name").asString()).isEqualTo("case system");
        assertThat(listed.json().get(0).has("token")).isFalse();
        assertThat(listed.text()).doesNotContain(token);
        assertThat(http.as(user)
                        .get("/api/users/" + user.username() + "/tokens")
                        .status())
                .isEqualTo(403);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/users/nobody-" + user.username() + "/tokens")
                        .status())
                .isEqualTo(404);
        String tokenId = listed.json().get(0).path("tokenId").asString();
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/tokens/" + tokenId + "/revocation", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(http.withToken(token).get("/api/agencies").status()).isEqualTo(401);
    }

    @Test
    void aCallerSignedInByATokenCannotIssueTokens() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        String token = token(user);
        long issued = eventsOf(user.username(), "TokenIssued");
        long denied = eventsOf(user.username(), "AccessDenied");

        Response refused = http.withToken(token).post("/api/tokens", Map.of("name", "another"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eventsOf(user.username(), "TokenIssued")).isEqualTo(issued);
        assertThat(eventsOf(user.username(), "AccessDenied")).isEqualTo(denied + 1);
    }

    @Test
    void aWithdrawnAgencysUsersAreDisabledAndCannotAct() {
        Scenario.Parties p = scenario.parties();
        Credentials representative = scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE");
        String token = token(p.holderPractitioner());
        long before = events("UserDisabled");

        Response withdrawal = http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + p.holder() + "/withdrawal",
                        Map.of("withdrawnOn", "2009-06-01", "reason", "ceased to exist"));

        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
        assertThat(eventsOf(p.holderPractitioner().username(), "UserDisabled")).isEqualTo(1);
        assertThat(eventsOf(representative.username(), "UserDisabled")).isEqualTo(1);
        assertThat(events("UserDisabled")).isGreaterThanOrEqualTo(before + 2);
        assertThat(jdbc.queryForObject(
                        "select convert_from(meta_data, 'UTF8') from domain_event_entry "
                                + "where aggregate_identifier = ? and payload_type like '%.UserDisabled'",
                        String.class, representative.username()))
                .contains("\"admin\"");
        assertThat(jdbc.queryForObject(
                        "select convert_from(payload, 'UTF8') from domain_event_entry "
                                + "where aggregate_identifier = ? and payload_type like '%.UserDisabled'",
                        String.class, representative.username()))
                .contains("ceased to exist")
                .contains(p.holder());
        assertThat(http.as(p.holderPractitioner()).get("/api/agencies").status())
                .isEqualTo(401);
        assertThat(http.as(representative).get("/api/agencies").status()).isEqualTo(401);
        assertThat(http.withToken(token).get("/api/agencies").status()).isEqualTo(401);
        assertThat(http.as(p.requesterPractitioner()).get("/api/agencies").status())
                .as("another agency's users")
                .isEqualTo(200);
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users/" + representative.username() + "/enable", REASON)
                        .status())
                .as("no one acts for a withdrawn signatory")
                .isEqualTo(409);
    }
}
