package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IdentityProvider;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * Sign-in at the council's identity provider (a real OpenID Connect provider in the JVM), the whole authorization
 * code flow over HTTP: a browser-like client that keeps cookies and follows every redirect, to the provider and back.
 */
class OidcSignInIT extends IntegrationTest {

    private static final Map<String, Object> REASON = Map.of("reason", "left the agency");

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Test
    void theSignInPageOffersTheProvider() throws Exception {
        HttpResponse<String> login = get("/login");

        assertThat(login.body())
                .contains("href=\"/oauth2/authorization/oidc\"")
                .contains("Sign in with " + IdentityProvider.NAME);
    }

    @Test
    void aRegisteredUserSignedInAtTheProviderGetsTheirPagesAsTheirLedgerAccount() throws Exception {
        String agency = scenario.agency("EDUCATION");
        Credentials user = scenario.user(agency, "PRACTITIONER");
        IdentityProvider.nextSignIn(user.username());

        HttpResponse<String> landed = get("/oauth2/authorization/oidc");

        assertThat(landed.statusCode()).as(landed.uri() + " " + landed.body()).isEqualTo(200);
        assertThat(landed.uri().getPath()).isNotEqualTo("/login");
        assertThat(landed.uri().getPort()).isEqualTo(port);
        HttpResponse<String> account = get("/account");
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.uri().getPath()).isEqualTo("/account");
        assertThat(account.body()).contains(user.username());
        assertThat(get("/requests").uri().getPath())
                .as("a practitioner's work list, as after a password sign-in")
                .isEqualTo("/requests");
    }

    @Test
    void anAdministratorsPasswordResetDoesNotHoldUpSomeoneWhoSignsInAtTheProvider() throws Exception {
        String agency = scenario.agency("EDUCATION");
        Credentials user = scenario.user(agency, "PRACTITIONER");
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/users/" + user.username() + "/password",
                                Map.of("newPassword", "a-new-password-set-by-admin"))
                        .status())
                .isEqualTo(200);
        IdentityProvider.nextSignIn(user.username());

        get("/oauth2/authorization/oidc");

        HttpResponse<String> requests = get("/requests");
        assertThat(requests.statusCode()).isEqualTo(200);
        assertThat(requests.uri().getPath()).isEqualTo("/requests");
    }

    @Test
    void someoneWithNoLedgerAccountIsRefusedInPlainWords() throws Exception {
        IdentityProvider.nextSignIn(Scenario.unique("stranger"));
        long before = events();

        HttpResponse<String> landed = get("/oauth2/authorization/oidc");

        assertThat(landed.uri().getPath())
                .as(landed.uri() + " " + landed.body())
                .isEqualTo("/login");
        assertThat(landed.uri().getQuery()).isEqualTo("refused");
        assertThat(landed.body()).contains("the ledger has no active account for you");
        assertThat(get("/account").uri().getPath()).as("not signed in").isEqualTo("/login");
        assertThat(events()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void aDisabledUserIsRefused() throws Exception {
        String agency = scenario.agency("EDUCATION");
        Credentials user = scenario.user(agency, "PRACTITIONER");
        assertThat(http.as(Scenario.ADMIN)
                        .post("/api/users/" + user.username() + "/disable", REASON)
                        .status())
                .isEqualTo(200);
        IdentityProvider.nextSignIn(user.username());

        HttpResponse<String> landed = get("/oauth2/authorization/oidc");

        assertThat(landed.uri().getPath())
                .as(landed.uri() + " " + landed.body())
                .isEqualTo("/login");
        assertThat(landed.uri().getQuery()).isEqualTo("refused");
        assertThat(get("/account").uri().getPath()).as("not signed in").isEqualTo("/login");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
