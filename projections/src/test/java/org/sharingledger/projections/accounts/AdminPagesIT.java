package org.sharingledger.projections.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/**
 * The administrators' pages and the account page over plain HTTP, as a browser without script uses them: form login,
 * a session cookie, a CSRF token on every form, redirects not followed so that they can be checked. Each form's bad
 * entries keep the form and record nothing; each step goes through the same rules as the API.
 */
class AdminPagesIT extends IntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("id=\"token-value\">(isl_[A-Za-z0-9_-]+)<");

    @Test
    void signedOutPeopleAreSentToSignInAndOthersAreRefusedAndRecorded() {
        String agency = scenario.agency("EDUCATION");
        Credentials practitioner = scenario.user(agency, "PRACTITIONER");
        Credentials colleague = scenario.user(agency, "PRACTITIONER");
        Page anonymous = new Page();
        for (String path : List.of(
                "/admin/agencies",
                "/admin/agencies/" + agency,
                "/admin/users",
                "/admin/users/" + colleague.username(),
                "/account")) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .endsWith("/login");
        }

        Page page = new Page().signedIn(practitioner);
        long denied = events("AccessDenied");
        for (String path : List.of(
                "/admin/agencies",
                "/admin/agencies/" + agency,
                "/admin/users",
                "/admin/users/" + colleague.username())) {
            HttpResponse<String> response = page.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).contains("id=\"denied\"").contains("only an ADMIN may manage");
        }
        String csrf = PageSession.csrf(page.get("/account").body());
        HttpResponse<String> disable =
                page.post("/admin/users/" + colleague.username() + "/disable", Map.of("reason", "no", "_csrf", csrf));
        assertThat(disable.statusCode()).isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 5);
        assertThat(userStatus(colleague.username())).isEqualTo("ACTIVE");

        HttpResponse<String> account = page.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body())
                .contains("href=\"/account\" aria-current=\"page\"")
                .doesNotContain("href=\"/admin/agencies\"")
                .doesNotContain("href=\"/admin/users\"");
        Page admin = new Page().signedIn(Scenario.ADMIN);
        assertThat(admin.get("/admin/users").body())
                .contains("href=\"/admin/agencies\"")
                .contains("href=\"/admin/users\" aria-current=\"page\"")
                .contains("href=\"/account\"");
    }

    @Test
    void formsWithoutOrWithAStaleCsrfTokenAreRefusedAndRecordNothing() {
        Page admin = new Page().signedIn(Scenario.ADMIN);
        Page other = new Page().signedIn(Scenario.ADMIN);
        String stale = PageSession.csrf(other.get("/admin/agencies").body());
        long signed = events("AgencySigned");
        String agencyId = Scenario.unique("csrf");

        HttpResponse<String> missing = admin.post("/admin/agencies", signForm(agencyId, null));
        HttpResponse<String> wrong = admin.post("/admin/agencies", signForm(agencyId, stale));

        for (HttpResponse<String> response : List.of(missing, wrong)) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("id=\"denied\"");
        }
        assertThat(events("AgencySigned")).isEqualTo(signed);
        assertThat(admin.get("/admin/agencies/" + agencyId).statusCode()).isEqualTo(404);
    }

    @Test
    void anAdministratorSignsAnAgencyAndChangesItThroughForms() {
        Page admin = new Page().signedIn(Scenario.ADMIN);
        String agencyId = Scenario.unique("hilltop");
        long signed = events("AgencySigned");

        Map<String, String> bad = signForm(agencyId, admin.csrfOf("/admin/agencies"));
        bad.put("agencyId", "Not An Id");
        bad.put("name", " ");
        bad.put("representativeEmail", "not-an-address");
        bad.put("signedOn", "31/03/2009");
        bad.put("sector", "");
        HttpResponse<String> invalid = admin.post("/admin/agencies", bad);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#agencyId\"")
                .contains("href=\"#name\"")
                .contains("href=\"#sector\"")
                .contains("href=\"#representativeEmail\"")
                .contains("href=\"#signedOn\"")
                .contains("Enter the agency&#39;s name")
                .contains("Choose a sector")
                .contains("must be an e-mail address")
                .contains("must be a real date")
                .contains("value=\"Not An Id\"")
                .contains("value=\"not-an-address\"")
                .contains("value=\"31/03/2009\"")
                .contains("value=\"Hilltop School\"".replace("Hilltop School", bad.get("localDeliveryArea")));
        assertThat(errorsIn(invalid.body())).startsWith("agencyId", "name", "sector");
        assertThat(events("AgencySigned")).isEqualTo(signed);

        Map<String, String> future = signForm(agencyId, admin.csrfOf("/admin/agencies"));
        future.put("signedOn", LocalDate.now().plusDays(2).toString());
        HttpResponse<String> tooLate = admin.post("/admin/agencies", future);
        assertThat(tooLate.statusCode()).isEqualTo(400);
        assertThat(tooLate.body()).contains("href=\"#signedOn\"").contains("must not be in the future");
        assertThat(events("AgencySigned")).isEqualTo(signed);

        HttpResponse<String> done = admin.post("/admin/agencies", signForm(agencyId, admin.csrfOf("/admin/agencies")));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/admin/agencies/" + agencyId);
        assertThat(events("AgencySigned")).isEqualTo(signed + 1);
        HttpResponse<String> shown = admin.get("/admin/agencies/" + agencyId);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("id=\"confirmation\"")
                .contains("has signed the Code of Practice")
                .contains("Jo Bloggs");
        assertThat(admin.get("/admin/agencies/" + agencyId).body()).doesNotContain("id=\"confirmation\"");
        assertThat(admin.get("/admin/agencies").body()).contains("id=\"agency-" + agencyId + "\"");
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies/" + agencyId).field("name"))
                .isEqualTo("Hilltop School");

        HttpResponse<String> again = admin.post("/admin/agencies", signForm(agencyId, admin.csrfOf("/admin/agencies")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("id=\"conflict\"").contains("is already registered");
        assertThat(events("AgencySigned")).isEqualTo(signed + 1);

        String agencyPage = "/admin/agencies/" + agencyId;
        long changed = events("NominatedRepresentativeChanged");
        HttpResponse<String> badRepresentative = admin.post(
                agencyPage + "/representative",
                Map.of("name", "Ann Other", "email", "nobody", "_csrf", admin.csrfOf(agencyPage)));
        assertThat(badRepresentative.statusCode()).isEqualTo(400);
        assertThat(badRepresentative.body())
                .contains("href=\"#representative-email\"")
                .contains("value=\"Ann Other\"")
                .contains("value=\"nobody\"");
        assertThat(events("NominatedRepresentativeChanged")).isEqualTo(changed);
        HttpResponse<String> representative = admin.post(
                agencyPage + "/representative",
                Map.of("name", "Ann Other", "email", "ann@hilltop.example", "_csrf", admin.csrfOf(agencyPage)));
        assertThat(representative.statusCode()).isEqualTo(303);
        assertThat(events("NominatedRepresentativeChanged")).isEqualTo(changed + 1);
        assertThat(admin.get(agencyPage).body()).contains("Ann Other is now the nominated representative");

        HttpResponse<String> address = admin.post(
                agencyPage + "/notification-address",
                Map.of("email", "inbox@hilltop.example", "_csrf", admin.csrfOf(agencyPage)));
        assertThat(address.statusCode()).isEqualTo(303);
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies/" + agencyId).field("notificationAddress"))
                .isEqualTo("inbox@hilltop.example");

        long withdrawn = events("AgencyWithdrawn");
        HttpResponse<String> noReason = admin.post(
                agencyPage + "/withdrawal",
                Map.of("withdrawnOn", "2007-01-01", "reason", "", "_csrf", admin.csrfOf(agencyPage)));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#withdrawal-reason\"").contains("value=\"2007-01-01\"");
        HttpResponse<String> beforeSigning = admin.post(
                agencyPage + "/withdrawal",
                Map.of("withdrawnOn", "2007-01-01", "reason", "Merged", "_csrf", admin.csrfOf(agencyPage)));
        assertThat(beforeSigning.statusCode()).isEqualTo(400);
        assertThat(beforeSigning.body()).contains("href=\"#withdrawnOn\"").contains("must not be before");
        assertThat(events("AgencyWithdrawn")).isEqualTo(withdrawn);
        assertThat(admin.get(agencyPage).body()).contains("Every user of this agency will be disabled");
    }

    @Test
    void theAgencyFormsSentTwiceRecordOnceAndLandWhereTheFirstDid() {
        Page admin = new Page().signedIn(Scenario.ADMIN);
        String agencyId = Scenario.unique("twice");
        String list = admin.get("/admin/agencies").body();
        Map<String, String> sign = signForm(agencyId, PageSession.csrf(list));
        sign.put("idempotencyKey", keyOf(list, "id=\"sign-form\""));
        long signed = events("AgencySigned");
        String agencyPage = "/admin/agencies/" + agencyId;
        sentTwice(admin, "/admin/agencies", sign, agencyPage, "not 409: the agency is already registered");
        assertThat(events("AgencySigned")).isEqualTo(signed + 1);

        String html = admin.get(agencyPage).body();
        Map<String, String> representative = new java.util.LinkedHashMap<>(Map.of(
                "name",
                "Ann Other",
                "email",
                "ann@twice.example",
                "_csrf",
                PageSession.csrf(html),
                "idempotencyKey",
                keyOf(html, "id=\"representative-form\"")));
        long changed = events("NominatedRepresentativeChanged");
        sentTwice(admin, agencyPage + "/representative", representative, agencyPage, "the same values again");
        assertThat(events("NominatedRepresentativeChanged")).isEqualTo(changed + 1);

        html = admin.get(agencyPage).body();
        Map<String, String> address = Map.of(
                "email", "inbox@twice.example",
                "_csrf", PageSession.csrf(html),
                "idempotencyKey", keyOf(html, "id=\"notification-form\""));
        long set = events("NotificationAddressSet");
        sentTwice(admin, agencyPage + "/notification-address", address, agencyPage, "the same address again");
        assertThat(events("NotificationAddressSet")).isEqualTo(set + 1);

        html = admin.get(agencyPage).body();
        Map<String, String> withdrawal = Map.of(
                "withdrawnOn",
                "2012-01-01",
                "reason",
                "Merged",
                "_csrf",
                PageSession.csrf(html),
                "idempotencyKey",
                keyOf(html, "id=\"withdrawal-form\""));
        long withdrawn = events("AgencyWithdrawn");
        sentTwice(admin, agencyPage + "/withdrawal", withdrawal, agencyPage, "not 409: it has already withdrawn");
        assertThat(events("AgencyWithdrawn")).isEqualTo(withdrawn + 1);

        Map<String, String> noKey = signForm(Scenario.unique("nokey"), admin.csrfOf("/admin/agencies"));
        assertThat(admin.post("/admin/agencies", noKey).statusCode()).isEqualTo(303);
        assertThat(admin.post("/admin/agencies", noKey).statusCode())
                .as("a form without a key behaves as before")
                .isEqualTo(409);
    }

    @Test
    void theUserFormsSentTwiceRecordOnceAndLandWhereTheFirstDid() {
        String agency = scenario.agency("HEALTH");
        Page admin = new Page().signedIn(Scenario.ADMIN);
        String username = Scenario.unique("twice");
        String userPage = "/admin/users/" + username;
        List<Map.Entry<String, String>> create = userForm(username, agency, "PRACTITIONER", admin);
        create.add(Map.entry("idempotencyKey", keyOf(admin.get("/admin/users").body(), "id=\"create-user-form\"")));
        long registered = events("UserRegistered");
        sentTwice(admin, "/admin/users", create, userPage, "not 409: the account exists already");
        assertThat(events("UserRegistered")).isEqualTo(registered + 1);

        String html = admin.get(userPage).body();
        List<Map.Entry<String, String>> roles = List.of(
                Map.entry("agencyId", agency),
                Map.entry("roles", "PRACTITIONER"),
                Map.entry("roles", "NOMINATED_REPRESENTATIVE"),
                Map.entry("_csrf", PageSession.csrf(html)),
                Map.entry("idempotencyKey", keyOf(html, "id=\"roles-form\"")));
        long changed = events("UserRolesChanged");
        sentTwice(admin, userPage + "/roles", roles, userPage, "the same roles again");
        assertThat(events("UserRolesChanged")).isEqualTo(changed + 1);

        html = admin.get(userPage).body();
        Map<String, String> disable = Map.of(
                "reason", "Left the service",
                "_csrf", PageSession.csrf(html),
                "idempotencyKey", keyOf(html, "id=\"status-form\""));
        long disabled = events("UserDisabled");
        sentTwice(admin, userPage + "/disable", disable, userPage, "not 409: already disabled");
        assertThat(events("UserDisabled")).isEqualTo(disabled + 1);

        html = admin.get(userPage).body();
        Map<String, String> reset = Map.of(
                "newPassword", "another-password-2",
                "_csrf", PageSession.csrf(html),
                "idempotencyKey", keyOf(html, "id=\"reset-form\""));
        long changedPasswords = events("PasswordChanged");
        sentTwice(admin, userPage + "/password", reset, userPage, "the same password again");
        assertThat(events("PasswordChanged")).isEqualTo(changedPasswords + 1);
    }

    private static void sentTwice(Page page, String path, Map<String, String> form, String lands, String why) {
        sentTwice(page, path, List.copyOf(form.entrySet()), lands, why);
    }

    /** Posts the form twice, a page read between: both times 303 to {@code lands}, the second saying it was sent. */
    private static void sentTwice(
            Page page, String path, List<Map.Entry<String, String>> form, String lands, String why) {
        HttpResponse<String> first = page.post(path, form);
        page.get(lands);
        HttpResponse<String> second = page.post(path, form);
        assertThat(first.statusCode()).as(path).isEqualTo(303);
        assertThat(first.headers().firstValue("Location").orElseThrow())
                .as(path)
                .endsWith(lands);
        assertThat(second.statusCode()).as(why).isEqualTo(303);
        assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(page.get(lands).body()).as(path).contains("This form had already been sent");
    }

    /** The hidden key of the form that follows {@code after} in the page. */
    private static String keyOf(String html, String after) {
        Matcher key = Pattern.compile(Pattern.quote(after) + "[\\s\\S]*?name=\"idempotencyKey\" value=\"([^\"]+)\"")
                .matcher(html);
        assertThat(key.find()).as(after).isTrue();
        return key.group(1);
    }

    @Test
    void anAdministratorCreatesAndChangesUsersThroughForms() {
        String agency = scenario.agency("HEALTH");
        Page admin = new Page().signedIn(Scenario.ADMIN);
        String username = Scenario.unique("nurse");
        long registered = events("UserRegistered");

        List<Map.Entry<String, String>> bad = new ArrayList<>();
        bad.add(Map.entry("username", username));
        bad.add(Map.entry("displayName", "Nora Nurse"));
        bad.add(Map.entry("agencyId", ""));
        bad.add(Map.entry("password", "short"));
        bad.add(Map.entry("_csrf", admin.csrfOf("/admin/users")));
        HttpResponse<String> noRoles = admin.post("/admin/users", bad);
        assertThat(noRoles.statusCode()).isEqualTo(400);
        assertThat(noRoles.body())
                .contains("href=\"#roles\"")
                .contains("Choose at least one role")
                .contains("value=\"" + username + "\"")
                .contains("value=\"Nora Nurse\"")
                .doesNotContain("value=\"short\"");
        assertThat(events("UserRegistered")).isEqualTo(registered);

        List<Map.Entry<String, String>> withoutAgency = userForm(username, "", "PRACTITIONER", admin);
        HttpResponse<String> needsAgency = admin.post("/admin/users", withoutAgency);
        assertThat(needsAgency.statusCode()).isEqualTo(400);
        assertThat(needsAgency.body())
                .contains("href=\"#agencyId\"")
                .contains("is required for the roles")
                .contains("value=\"PRACTITIONER\" checked")
                .doesNotContain("initial-password-1");
        List<Map.Entry<String, String>> shortPassword = userForm(username, agency, "PRACTITIONER", admin);
        shortPassword.set(4, Map.entry("password", "too short"));
        HttpResponse<String> weak = admin.post("/admin/users", shortPassword);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("href=\"#password\"").contains("must have 12 to 64 characters");
        assertThat(events("UserRegistered")).isEqualTo(registered);

        HttpResponse<String> created = admin.post("/admin/users", userForm(username, agency, "PRACTITIONER", admin));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users/" + username);
        assertThat(events("UserRegistered")).isEqualTo(registered + 1);
        assertThat(admin.get("/admin/users/" + username).body())
                .contains("The account " + username + " is created")
                .contains("Nora Nurse");
        assertThat(http.as(new Credentials(username, "initial-password-1"))
                        .get("/api/tokens")
                        .status())
                .isEqualTo(200);
        HttpResponse<String> taken = admin.post("/admin/users", userForm(username, agency, "PRACTITIONER", admin));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("is already taken");
        assertThat(admin.get("/admin/users?page=0").body()).contains("id=\"user-" + username + "\"");
        assertThat(admin.get("/admin/users?page=x").statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/nothing-here").statusCode()).isEqualTo(404);

        String userPage = "/admin/users/" + username;
        long rolesChanged = events("UserRolesChanged");
        List<Map.Entry<String, String>> noAgency = List.of(
                Map.entry("agencyId", ""),
                Map.entry("roles", "NOMINATED_REPRESENTATIVE"),
                Map.entry("_csrf", admin.csrfOf(userPage)));
        HttpResponse<String> refused = admin.post(userPage + "/roles", noAgency);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#roles-agencyId\"");
        assertThat(events("UserRolesChanged")).isEqualTo(rolesChanged);
        HttpResponse<String> changed = admin.post(
                userPage + "/roles",
                List.of(
                        Map.entry("agencyId", agency),
                        Map.entry("roles", "PRACTITIONER"),
                        Map.entry("roles", "NOMINATED_REPRESENTATIVE"),
                        Map.entry("_csrf", admin.csrfOf(userPage))));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(events("UserRolesChanged")).isEqualTo(rolesChanged + 1);
        assertThat(admin.get(userPage).body())
                .contains("<span>Practitioner</span>, <span>Nominated representative</span>");

        HttpResponse<String> selfDisable =
                admin.post("/admin/users/admin/disable", Map.of("reason", "testing", "_csrf", admin.csrfOf(userPage)));
        assertThat(selfDisable.statusCode()).isEqualTo(409);
        assertThat(selfDisable.body()).contains("id=\"conflict\"").contains("cannot disable their own account");
    }

    @Test
    void disablingAUserFromThePageEndsTheirSessionAtOnce() {
        String agency = scenario.agency("POLICE");
        Credentials officer = scenario.user(agency, "PRACTITIONER");
        Page user = new Page().signedIn(officer);
        assertThat(user.get("/account").statusCode()).isEqualTo(200);
        Page admin = new Page().signedIn(Scenario.ADMIN);
        String userPage = "/admin/users/" + officer.username();

        long disabled = events("UserDisabled");
        HttpResponse<String> noReason =
                admin.post(userPage + "/disable", Map.of("reason", "  ", "_csrf", admin.csrfOf(userPage)));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("href=\"#status-reason\"").contains("Enter the reason");
        assertThat(events("UserDisabled")).isEqualTo(disabled);
        assertThat(user.get("/account").statusCode()).isEqualTo(200);

        HttpResponse<String> done =
                admin.post(userPage + "/disable", Map.of("reason", "Left the force", "_csrf", admin.csrfOf(userPage)));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(events("UserDisabled")).isEqualTo(disabled + 1);
        HttpResponse<String> after = user.get("/account");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(http.as(officer).get("/api/tokens").status()).isEqualTo(401);
        assertThat(admin.get(userPage).body()).contains("id=\"enable-user\"");

        HttpResponse<String> again =
                admin.post(userPage + "/enable", Map.of("reason", "Came back", "_csrf", admin.csrfOf(userPage)));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(http.as(officer).get("/api/tokens").status()).isEqualTo(200);
    }

    @Test
    void aResetPasswordMustBeChangedBeforeAnythingElse() {
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Page admin = new Page().signedIn(Scenario.ADMIN);
        String userPage = "/admin/users/" + reviewer.username();
        HttpResponse<String> weak =
                admin.post(userPage + "/password", Map.of("newPassword", "short", "_csrf", admin.csrfOf(userPage)));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("href=\"#newPassword\"").doesNotContain("value=\"short\"");
        long changes = events("PasswordChanged");
        HttpResponse<String> reset = admin.post(
                userPage + "/password", Map.of("newPassword", "temporary-password-1", "_csrf", admin.csrfOf(userPage)));
        assertThat(reset.statusCode()).isEqualTo(303);
        assertThat(events("PasswordChanged")).isEqualTo(changes + 1);
        assertThat(admin.get(userPage).body()).contains("Reset: they must choose their own");

        Page user = new Page().signedIn(new Credentials(reviewer.username(), "temporary-password-1"));
        for (String path : List.of("/", "/timeline", "/trust", "/ledger", "/admin/users")) {
            HttpResponse<String> response = user.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(303);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(path)
                    .endsWith("/account");
        }
        HttpResponse<String> account = user.get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains("id=\"must-change-password\"");
        long tokens = events("TokenIssued");
        HttpResponse<String> tokenFirst =
                user.post("/account/tokens", Map.of("name", "before changing", "_csrf", user.csrfOf("/account")));
        assertThat(tokenFirst.statusCode()).isEqualTo(303);
        assertThat(tokenFirst.headers().firstValue("Location").orElseThrow()).endsWith("/account");
        assertThat(events("TokenIssued")).isEqualTo(tokens);

        HttpResponse<String> wrong = user.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        "not-the-password",
                        "newPassword",
                        "my-own-password-1",
                        "_csrf",
                        user.csrfOf("/account")));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body())
                .contains("href=\"#currentPassword\"")
                .contains("The current password is wrong")
                .doesNotContain("not-the-password")
                .doesNotContain("my-own-password-1");
        HttpResponse<String> same = user.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        "temporary-password-1",
                        "newPassword",
                        "temporary-password-1",
                        "_csrf",
                        user.csrfOf("/account")));
        assertThat(same.statusCode()).isEqualTo(400);
        assertThat(same.body()).contains("href=\"#newPassword\"").contains("must differ");
        assertThat(events("PasswordChanged")).isEqualTo(changes + 1);

        HttpResponse<String> changed = user.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        "temporary-password-1",
                        "newPassword",
                        "my-own-password-1",
                        "_csrf",
                        user.csrfOf("/account")));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(user.get("/account").body())
                .contains("Your password is changed")
                .doesNotContain("id=\"must-change-password\"");
        assertThat(user.get("/timeline").statusCode()).isEqualTo(200);
        assertThat(http.as(new Credentials(reviewer.username(), "my-own-password-1"))
                        .get("/api/tokens")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aWithdrawnAgencysUsersCannotAct() {
        String school = scenario.agency("EDUCATION");
        String police = scenario.agency("POLICE");
        Credentials teacher = scenario.user(school, "PRACTITIONER");
        Page user = new Page().signedIn(teacher);
        String token = http.as(teacher)
                .post("/api/tokens", Map.of("name", "school system"))
                .field("token");
        Page admin = new Page().signedIn(Scenario.ADMIN);
        String agencyPage = "/admin/agencies/" + school;

        HttpResponse<String> withdrawn = admin.post(
                agencyPage + "/withdrawal",
                Map.of(
                        "withdrawnOn",
                        LocalDate.now().minusDays(1).toString(),
                        "reason",
                        "The school closed",
                        "_csrf",
                        admin.csrfOf(agencyPage)));
        assertThat(withdrawn.statusCode()).isEqualTo(303);
        assertThat(admin.get(agencyPage).body())
                .contains("id=\"withdrawn-notice\"")
                .contains("the agency&#39;s users are disabled");

        assertThat(user.get("/account").statusCode()).isEqualTo(302);
        assertThat(http.as(teacher)
                        .post("/api/requests", Scenario.requestBody(school, police, "ROUTINE"))
                        .status())
                .isEqualTo(401);
        assertThat(http.withToken(token).get("/api/tokens").status()).isEqualTo(401);
        String userPage = "/admin/users/" + teacher.username();
        HttpResponse<String> enable =
                admin.post(userPage + "/enable", Map.of("reason", "Needed after all", "_csrf", admin.csrfOf(userPage)));
        assertThat(enable.statusCode()).isEqualTo(409);
        assertThat(enable.body()).contains("id=\"conflict\"").contains("has withdrawn");
        assertThat(userStatus(teacher.username())).isEqualTo("DISABLED");
    }

    @Test
    void peopleIssueAndRevokeTheirOwnTokensAndAnAdministratorRevokesAnyones() {
        Credentials person = scenario.user(null, "TRUST_REVIEWER");
        Page user = new Page().signedIn(person);
        long issued = events("TokenIssued");
        HttpResponse<String> noName =
                user.post("/account/tokens", Map.of("name", "", "validDays", "400", "_csrf", user.csrfOf("/account")));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body())
                .contains("href=\"#tokenName\"")
                .contains("href=\"#validDays\"")
                .contains("value=\"400\"");
        assertThat(events("TokenIssued")).isEqualTo(issued);

        HttpResponse<String> page = user.post(
                "/account/tokens", Map.of("name", "Trust reports", "validDays", "", "_csrf", user.csrfOf("/account")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(page.body()).contains("it will not be shown again");
        Matcher matcher = TOKEN.matcher(page.body());
        assertThat(matcher.find()).isTrue();
        String token = matcher.group(1);
        assertThat(events("TokenIssued")).isEqualTo(issued + 1);
        assertThat(http.withToken(token).get("/api/tokens").status()).isEqualTo(200);
        assertThat(user.get("/account").body()).doesNotContain(token).contains("Trust reports");

        String tokenId =
                http.as(person).get("/api/tokens").json().get(0).path("tokenId").asString();
        Page admin = new Page().signedIn(Scenario.ADMIN);
        String userPage = "/admin/users/" + person.username();
        assertThat(admin.get(userPage).body()).contains("Trust reports").doesNotContain(token);
        HttpResponse<String> revoked =
                admin.post(userPage + "/tokens/" + tokenId + "/revocation", Map.of("_csrf", admin.csrfOf(userPage)));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(http.withToken(token).get("/api/tokens").status()).isEqualTo(401);

        HttpResponse<String> second = user.post(
                "/account/tokens", Map.of("name", "Second", "validDays", "7", "_csrf", user.csrfOf("/account")));
        Matcher another = TOKEN.matcher(second.body());
        assertThat(another.find()).isTrue();
        String secondId =
                http.as(person).get("/api/tokens").json().get(0).path("tokenId").asString();
        HttpResponse<String> mine =
                user.post("/account/tokens/" + secondId + "/revocation", Map.of("_csrf", user.csrfOf("/account")));
        assertThat(mine.statusCode()).isEqualTo(303);
        assertThat(user.get("/account").body()).contains("The token is revoked");
        assertThat(http.withToken(another.group(1)).get("/api/tokens").status()).isEqualTo(401);
    }

    // --- helpers ---

    private String userStatus(String username) {
        return jdbc.queryForObject("select status from user_account where username = ?", String.class, username);
    }

    private static Map<String, String> signForm(String agencyId, String csrf) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("agencyId", agencyId);
        form.put("name", "Hilltop School");
        form.put("sector", "EDUCATION");
        form.put("localDeliveryArea", "Ashcombe Vale");
        form.put("representativeName", "Jo Bloggs");
        form.put("representativeEmail", "jo@hilltop.example");
        form.put("signedOn", "2009-03-31");
        form.put("codeOfPracticeVersion", "2009.1");
        if (csrf != null) {
            form.put("_csrf", csrf);
        }
        return form;
    }

    private static List<Map.Entry<String, String>> userForm(String username, String agency, String role, Page page) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("username", username));
        form.add(Map.entry("displayName", "Nora Nurse"));
        form.add(Map.entry("agencyId", agency));
        form.add(Map.entry("roles", role));
        form.add(Map.entry("password", "initial-password-1"));
        form.add(Map.entry("_csrf", page.csrfOf("/admin/users")));
        return form;
    }

    /** The fields the error summary links to, in its order. */
    private static List<String> errorsIn(String html) {
        String summary = html.substring(html.indexOf("id=\"error-summary\""));
        summary = summary.substring(0, summary.indexOf("</ul>"));
        Matcher link = Pattern.compile("href=\"#([A-Za-z-]+)\"").matcher(summary);
        List<String> fields = new ArrayList<>();
        while (link.find()) {
            fields.add(link.group(1));
        }
        return fields;
    }

    private final class Page extends PageSession {

        Page() {
            super(port);
        }

        Page signedIn(Credentials credentials) {
            signIn(credentials);
            return this;
        }

        String csrfOf(String path) {
            return PageSession.csrf(get(path).body());
        }
    }
}
