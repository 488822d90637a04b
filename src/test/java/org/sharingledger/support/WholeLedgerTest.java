package org.sharingledger.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.sharingledger.LedgerApplication;
import org.sharingledger.projections.operations.ReadModels;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole ledger on a real (embedded) PostgreSQL, reached over HTTP, with a mail server and an identity provider in
 * the JVM. Tests extend {@link IntegrationTest} (the suite's shared context and database) or, for consultations on
 * the Code, {@link GovernanceIntegrationTest} (a second one); the two differ only in their data folder.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.security.bcrypt-strength=4",
            "ledger.security.admin-password=" + WholeLedgerTest.ADMIN_PASSWORD,
            "ledger.due.emergency=PT2S",
            // A consultation may close a few seconds after it opens (ConsultationsIT, RestartIT).
            "ledger.consultations.minimum-notice=PT2S",
            // Repeated refusals are counted in memory and recorded when their minute ends: not in the middle of
            // another test that counts events. A test that needs the counts flushes them (DeniedAttemptsIT).
            "ledger.security.denied-attempts.sweep-interval=PT1H",
            "spring.main.banner-mode=off"
        })
public abstract class WholeLedgerTest {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ReadModels readModels;

    protected Http http;
    protected Scenario scenario;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        // One SMTP server in the JVM for the whole suite (Mail starts it), so the shared context mails for real.
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Mail.PORT);
        // One OpenID Connect provider in the JVM for the whole suite: the shared context offers sign-in with it.
        registry.add("ledger.oidc.issuer-uri", IdentityProvider::issuerUri);
        registry.add("ledger.oidc.client-id", () -> IdentityProvider.CLIENT_ID);
        registry.add("ledger.oidc.client-secret", () -> "client-secret-for-tests");
        registry.add("ledger.oidc.name", () -> IdentityProvider.NAME);
    }

    @BeforeEach
    void connect() {
        http = new Http(port);
        scenario = new Scenario(http);
    }

    /** Waits until the streaming read models (dashboards) have processed every event stored so far. */
    protected void awaitReadModels() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> Assertions.assertThat(readModels.all())
                        .as("read models")
                        .allMatch(status -> status.lag() == 0));
    }

    /**
     * Waits until one streaming read model has processed every event stored so far: for benchmarks that store
     * synthetic events only that read model can make sense of (the notifier, say, would halt on their agencies).
     */
    protected void awaitReadModel(String name) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> Assertions.assertThat(readModels.one(name).lag())
                        .as(name + " lag")
                        .isZero());
    }

    /**
     * Moves a stopped streaming processor's stored tokens to the newest event, for benchmarks that store synthetic
     * events it must skip (a segment not yet given a token keeps none).
     */
    protected void moveTokensToHead(String processor) {
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        for (Map<String, Object> token : jdbc.queryForList(
                "select segment, token from token_entry where processor_name = ? and token is not null", processor)) {
            String moved = new String((byte[]) token.get("token"), StandardCharsets.UTF_8)
                    .replaceAll("\"index\":\\d+", "\"index\":" + head)
                    .replaceAll("\"gaps\":\\[[^\\]]*\\]", "\"gaps\":[]");
            jdbc.update(
                    "update token_entry set token = ? where processor_name = ? and segment = ?",
                    moved.getBytes(StandardCharsets.UTF_8),
                    processor,
                    token.get("segment"));
        }
    }

    /** How many events the store holds of a type (its simple class name). */
    protected long events(String type) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like ?", Long.class, "%." + type);
    }

    /**
     * How many events callers have recorded: all but {@code NotificationSent}, which the ledger records by itself in
     * the background whenever its notifier catches up with earlier steps (of any test), so that "records nothing"
     * means what the call under test recorded.
     */
    protected long events() {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type not like '%.NotificationSent'", Long.class);
    }

    protected static Path tempDir() {
        try {
            return Files.createTempDirectory("ledger-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
