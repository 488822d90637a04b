package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/**
 * Failed sign-ins are limited per account and per client address (the defaults: 5 per account, 100 per address, in
 * 15 minutes): then every attempt is answered 429 with Retry-After, the right password included, without running
 * bcrypt, and the lockout is recorded once. Each test signs in from addresses of its own (X-Forwarded-For, which the
 * ledger trusts from a proxy on the loopback), so the rest of the suite is not throttled.
 */
class SignInThrottleIT extends IntegrationTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Test
    void fiveFailedSignInsLockTheAccountEverywhereWith429AndRetryAfter() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        Credentials other = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        String address = address();
        Credentials wrong = new Credentials(user.username(), "not-the-password-1");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(from(address, wrong).get("/api/agencies").status())
                    .as("attempt " + attempt)
                    .isEqualTo(401);
        }
        Response locked = from(address, wrong).get("/api/agencies");

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 15L * 60);
        assertThat(from(address, user).get("/api/agencies").status())
                .as("the right password while locked")
                .isEqualTo(429);
        assertThat(from(address(), user).get("/api/agencies").status())
                .as("from another address too")
                .isEqualTo(429);
        assertThat(from(address, other).get("/api/agencies").status())
                .as("another account from the same address")
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(lockouts(user.username())).isEqualTo(1));
        from(address, wrong).get("/api/agencies");
        assertThat(lockouts(user.username()))
                .as("one event per lockout, not per attempt")
                .isEqualTo(1);
    }

    @Test
    void anUnknownAccountIsThrottledJustLikeAKnownOneAndRecordsNothing() {
        String address = address();
        Credentials nobody = new Credentials(Scenario.unique("nobody"), "not-the-password-1");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(from(address, nobody).get("/api/agencies").status()).isEqualTo(401);
        }

        assertThat(from(address, nobody).get("/api/agencies").status()).isEqualTo(429);
        assertThat(lockouts(nobody.username())).isZero();
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        String address = address();
        Credentials wrong = new Credentials(user.username(), "not-the-password-1");

        for (int attempt = 1; attempt <= 4; attempt++) {
            from(address, wrong).get("/api/agencies");
        }
        assertThat(from(address, user).get("/api/agencies").status()).isEqualTo(200);
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(from(address, wrong).get("/api/agencies").status()).isEqualTo(401);
        }
        assertThat(from(address, user).get("/api/agencies").status()).isEqualTo(200);
    }

    @Test
    void aHundredFailedSignInsFromOneAddressLockThatAddressOnly() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        String address = address();
        long before = events("SignInLockedOut");

        for (int attempt = 1; attempt <= 100; attempt++) {
            Credentials guess = new Credentials(Scenario.unique("guess"), "not-the-password-1");
            assertThat(from(address, guess).get("/api/agencies").status()).isIn(401);
        }

        Response locked = from(address, user).get("/api/agencies");
        assertThat(locked.status())
                .as("the right password from a locked address")
                .isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(from(address(), user).get("/api/agencies").status())
                .as("the same account from elsewhere")
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.queryForObject("""
                                select count(*) from domain_event_entry
                                where payload_type like '%.SignInLockedOut'
                                  and convert_from(payload, 'UTF8') like ?""", Long.class, "%\"clientAddress\":\"" + address + "\"%"))
                        .isEqualTo(1));
        assertThat(events("SignInLockedOut")).isEqualTo(before + 1);
    }

    @Test
    void theSignInFormAnswersALockoutWithAPlainPage429() {
        Credentials user = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");
        String address = address();
        PageSession browser = new PageSession(port, Map.of("X-Forwarded-For", address));

        for (int attempt = 1; attempt <= 5; attempt++) {
            var failed = browser.signIn(user.username(), "not-the-password-1");
            assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        }
        var locked = browser.signIn(user.username(), user.password());

        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(locked.body()).contains("id=\"sign-in-throttled\"").contains("Too many failed sign-ins");
    }

    private Http.Call from(String address, Credentials credentials) {
        return http.as(credentials).header("X-Forwarded-For", address);
    }

    private long lockouts(String username) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type like '%.SignInLockedOut' and convert_from(payload, 'UTF8') like ?""", Long.class, "%\"username\":\"" + username + "\"%");
    }

    /** A documentation address (TEST-NET-3) of this test's own. */
    private static String address() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }
}
