package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;

/**
 * The page session behind a TLS-terminating proxy: its cookie is {@code Secure}, {@code HttpOnly} and
 * {@code SameSite=Lax}, the pages carry HSTS, and only a POST with the form's CSRF token signs out.
 */
class SessionsIT extends IntegrationTest {

    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void behindAnHttpsProxyTheSessionCookieIsSecureHttpOnlyAndLaxWithHsts() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        HttpResponse<String> loginPage = send(get("/login").header("X-Forwarded-Proto", "https"));
        String cookie = sessionCookie(loginPage);
        String csrf = PageSession.csrf(loginPage.body());
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security"))
                .as("HSTS over HTTPS")
                .hasValueSatisfying(value -> assertThat(value).contains("max-age="));

        HttpResponse<String> signedIn =
                send(form("/login", Map.of("username", user.username(), "password", user.password(), "_csrf", csrf))
                        .header("Cookie", cookie)
                        .header("X-Forwarded-Proto", "https"));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        List<String> cookies = signedIn.headers().allValues("Set-Cookie");
        assertThat(cookies)
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(c -> assertThat(c.toLowerCase(Locale.ROOT))
                        .contains("; secure")
                        .contains("; httponly")
                        .contains("samesite=lax"));
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(send(get("/api/agencies").header("X-Forwarded-Proto", "https"))
                        .headers()
                        .firstValue("Strict-Transport-Security"))
                .as("the API too")
                .isPresent();
    }

    @Test
    void overPlainHttpTheCookieIsNotSecureAndThereIsNoHsts() {
        HttpResponse<String> loginPage = send(get("/login"));
        assertThat(loginPage.headers().allValues("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .allSatisfy(c -> assertThat(c.toLowerCase(Locale.ROOT))
                        .doesNotContain("; secure")
                        .contains("; httponly"));
        assertThat(loginPage.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void onlyAPostWithTheFormsCsrfTokenSignsOut() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        PageSession browser = new PageSession(port);
        browser.signIn(user);

        HttpResponse<String> get = browser.get("/logout");
        assertThat(get.statusCode()).isNotEqualTo(302);
        assertThat(browser.get("/account").statusCode())
                .as("still signed in after GET /logout")
                .isEqualTo(200);

        HttpResponse<String> forged = browser.post("/logout", Map.of());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);

        String csrf = PageSession.csrf(browser.get("/account").body());
        HttpResponse<String> signedOut = browser.post("/logout", Map.of("_csrf", csrf));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(browser.get("/account").statusCode()).isEqualTo(302);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html")
                .GET();
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
