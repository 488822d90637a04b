package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/** Passwords bcrypt can hold and nobody guesses first, and the names the ledger keeps for itself. */
class PasswordRulesIT extends IntegrationTest {

    /** 64 characters, but 128 bytes in UTF-8: more than bcrypt reads. */
    private static final String MULTI_BYTE = "é".repeat(64);

    @Test
    void aPasswordOverBcryptsSeventyTwoBytesIsA400AtRegistrationAndChangeAndA401AtSignIn() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");

        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users", newUser(Scenario.unique("u"), MULTI_BYTE))
                        .errorFields())
                .containsExactly("password");
        Response basic =
                http.as(new Credentials(user.username(), "x".repeat(100))).get("/api/agencies");
        assertThat(basic.status()).as(basic.toString()).isEqualTo(401);
        Response unknown =
                http.as(new Credentials(Scenario.unique("nobody"), MULTI_BYTE)).get("/api/agencies");
        assertThat(unknown.status()).isEqualTo(401);
        Response change = http.as(user)
                .post(
                        "/api/users/" + user.username() + "/password",
                        Map.of("currentPassword", "x".repeat(100), "newPassword", "a-brand-new-password"));
        assertThat(change.status()).as(change.toString()).isEqualTo(400);
        assertThat(change.errorFields()).containsExactly("currentPassword");
        Response tooLong = http.as(user)
                .post(
                        "/api/users/" + user.username() + "/password",
                        Map.of("currentPassword", user.password(), "newPassword", MULTI_BYTE));
        assertThat(tooLong.errorFields()).containsExactly("newPassword");

        PageSession browser = new PageSession(port);
        HttpResponse<String> form = browser.signIn(user.username(), "ü".repeat(64));
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElseThrow()).contains("/login?error");
    }

    @Test
    void theCommonestPasswordsAreRefusedWhateverTheirCase() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        long before = events();

        for (String common : List.of("Password1234", "QWERTY123456", "1qaz2wsx3edc", "iloveyou1234")) {
            Response registered = http.as(Scenario.ADMIN).post("/api/users", newUser(Scenario.unique("u"), common));
            assertThat(registered.status()).as(common).isEqualTo(400);
            assertThat(registered.errorFields()).containsExactly("password");
            assertThat(registered.text()).contains("too common");
        }
        Response changed = http.as(user)
                .post(
                        "/api/users/" + user.username() + "/password",
                        Map.of("currentPassword", user.password(), "newPassword", "PASSWORD1234"));
        assertThat(changed.errorFields()).containsExactly("newPassword");
        Response reset = http.as(Scenario.ADMIN)
                .post("/api/users/" + user.username() + "/password", Map.of("newPassword", "qwertyuiop123"));
        assertThat(reset.errorFields()).containsExactly("newPassword");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theNamesTheLedgerActsUnderAreReserved() {
        for (String reserved : List.of("system", "operator")) {
            Response refused = http.as(Scenario.ADMIN).post("/api/users", newUser(reserved, "a-long-enough-password"));
            assertThat(refused.status()).as(reserved).isEqualTo(400);
            assertThat(refused.errorFields()).containsExactly("username");
            assertThat(refused.text()).contains("reserved");
        }

        PageSession admin = new PageSession(port);
        admin.signIn(Scenario.ADMIN);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "system");
        form.put("displayName", "The ledger");
        form.put("roles", "TRUST_REVIEWER");
        form.put("password", "a-long-enough-password");
        form.put("_csrf", PageSession.csrf(admin.get("/admin/users").body()));
        HttpResponse<String> page = admin.post("/admin/users", form);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("reserved");
    }

    private static Map<String, Object> newUser(String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("displayName", "A Person");
        body.put("roles", List.of("TRUST_REVIEWER"));
        return body;
    }
}
