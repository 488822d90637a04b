package org.sharingledger.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.Identifiers;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * What the operators' dashboard and alerts read from {@code /actuator/prometheus}: commands with their latency
 * histogram, each read model's lag, position, state and rebuild progress, deadlines due and fired, the checkpoint's age
 * and the events waiting for one, notifications pending and failed, and the JVM's heap. Scraped as Prometheus does,
 * with a METRICS account's token; every metric the dashboard and the alert rules query is there.
 */
class OperatorMetricsIT extends IntegrationTest {

    private static final Pattern LABELS = Pattern.compile("\\{([^}]*)}");

    @Test
    void aMetricsAccountScrapesEverySeriesTheOperatorsUse() throws Exception {
        String token = metricsToken();
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        String scrape = scrape(token);
        double firedBefore = sample(scrape, "ledger_deadlines_fired_total", "outcome=\"ok\"");

        // An emergency request's deadline falls due two seconds later (ledger.due.emergency in the tests).
        scenario.request(p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "EMERGENCY"));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> sample(scrape(token), "ledger_deadlines_fired_total", "outcome=\"ok\"") > firedBefore);
        scrape = scrape(token);

        assertThat(scrape)
                .contains("ledger_commands_seconds_bucket{")
                .containsPattern("ledger_commands_seconds_bucket\\{[^}]*command=\"MakeRequest\"[^}]*le=\"");
        for (String series : new String[] {
            "ledger_deadlines_due{",
            "ledger_deadlines_due_oldest_seconds{",
            "ledger_deadlines_fired_total{",
            "ledger_evidence_checkpoint_age_seconds{",
            "ledger_evidence_events_waiting{",
            "ledger_notifications_pending{",
            "ledger_notifications_sent_total{",
            "ledger_notifications_failed_total{",
            "ledger_projection_lag{",
            "ledger_projection_position{",
            "ledger_projection_errors{",
            "ledger_projection_state{",
            "ledger_projection_rebuild_progress{",
            "jvm_memory_used_bytes{"
        }) {
            assertThat(scrape).as(series).contains(series);
        }
        assertThat(sample(scrape, "ledger_deadlines_fired_total", "outcome=\"failed\""))
                .isGreaterThanOrEqualTo(0);
        assertThat(sample(scrape, "ledger_notifications_failed_total", "step=\"NEW_REQUEST\""))
                .as("every step's counter is there from the start")
                .isGreaterThanOrEqualTo(0);
        for (String gauge : new String[] {
            "ledger_evidence_checkpoint_age_seconds",
            "ledger_evidence_events_waiting",
            "ledger_deadlines_due",
            "ledger_deadlines_due_oldest_seconds",
            "ledger_notifications_pending"
        }) {
            assertThat(sample(scrape, gauge)).as("%s is a figure", gauge).isGreaterThanOrEqualTo(0);
        }
        assertThat(sample(scrape, "ledger_projection_state", "readModel=\"dashboards\"", "state=\"halted\""))
                .isZero();
        assertThat(sample(scrape, "ledger_projection_state", "readModel=\"dashboards\""))
                .as("one state at a time")
                .isEqualTo(1);
        assertThat(sample(scrape, "ledger_projection_rebuild_progress", "readModel=\"timelines\""))
                .isBetween(0.0, 1.0);
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsExposed() throws Exception {
        String token = metricsToken();
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        scrape(token);

        assertThat(Monitoring.exposed(scrape(token))).containsAll(Monitoring.queriedMetrics());
    }

    @Test
    void noTagHoldsAChildsIdentifier() throws Exception {
        String token = metricsToken();
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());

        Matcher labels = LABELS.matcher(scrape(token));
        StringBuilder tags = new StringBuilder();
        while (labels.find()) {
            tags.append(labels.group(1)).append('\n');
        }
        assertThat(Identifiers.foundIn(tags.toString())).isEmpty();
        assertThat(tags.toString()).doesNotContain(p.requester()).doesNotContain(p.holder());
    }

    @Test
    void theScrapeNeedsCredentialsAndTheMetricsRole() {
        Credentials practitioner = scenario.user(scenario.agency("EARLY_YEARS"), "PRACTITIONER");

        assertThat(http.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        Response refused = http.as(practitioner).get("/actuator/prometheus");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).doesNotContain("ledger_deadlines_due");
    }

    private String metricsToken() {
        Credentials metrics = scenario.user(null, "METRICS");
        Response issued = http.as(metrics).post("/api/tokens", Map.of("name", "prometheus"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.field("token");
    }

    private String scrape(String token) {
        Response scrape = http.withToken(token).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.text();
    }

    /** The sum of a metric's samples whose labels hold every one given. */
    private static double sample(String scrape, String name, String... labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
