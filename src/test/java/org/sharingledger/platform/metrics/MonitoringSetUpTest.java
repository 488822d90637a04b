package org.sharingledger.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The monitoring set-up for docker-compose: Prometheus's configuration and alert rules pass promtool (its checks and
 * the rules' own tests, alerts-test.yml) when promtool is on this machine; every alert says what is wrong and links a
 * runbook section of docs/operations.md that exists; the Grafana dashboard is valid JSON on the provisioned data
 * source. (That the metrics they query exist: OperatorMetricsIT.)
 */
class MonitoringSetUpTest {

    @Test
    void promtoolAcceptsTheConfigurationAndTheAlertRulesAndTheirTestsPass() throws Exception {
        Path promtool = onPath("promtool");
        // .ci/run installs it, so in CI a missing promtool is a failure, not a skip
        if (System.getenv("CI") != null) {
            assertThat(promtool)
                    .as("promtool on the PATH in CI (.ci/run installs Debian's prometheus)")
                    .isNotNull();
        }
        assumeTrue(promtool != null, "promtool is not on the PATH (Debian: apt-get install prometheus): skipped");

        assertThat(promtool(promtool, "check", "config", "--syntax-only", "prometheus.yml"))
                .contains("SUCCESS");
        assertThat(promtool(promtool, "check", "config", "--syntax-only", "prometheus-two-nodes.yml"))
                .contains("SUCCESS");
        assertThat(promtool(promtool, "check", "rules", "alerts.yml")).contains("SUCCESS");
        assertThat(promtool(promtool, "test", "rules", "alerts-test.yml")).contains("SUCCESS");
    }

    @Test
    void everyAlertSaysWhatIsWrongAndLinksARunbookSectionThatExists() throws IOException {
        Set<String> anchors = anchors(Path.of("docs/operations.md"));
        List<Map<String, Object>> rules = Monitoring.alertRules();
        assertThat(rules)
                .extracting(rule -> rule.get("alert"))
                .contains(
                        "LedgerReadModelHalted",
                        "LedgerReadModelStalled",
                        "LedgerDeadlineBacklog",
                        "LedgerCheckpointOld",
                        "LedgerNotificationsFailing");
        for (Map<String, Object> rule : rules) {
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(annotations).as("%s", rule.get("alert")).containsKeys("summary", "runbook");
            String runbook = String.valueOf(annotations.get("runbook"));
            assertThat(runbook).as("%s", rule.get("alert")).startsWith("docs/operations.md#");
            assertThat(anchors)
                    .as("%s: %s", rule.get("alert"), runbook)
                    .contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void theDashboardIsJsonOnTheProvisionedPrometheus() throws IOException {
        JsonNode dashboard = Monitoring.dashboard();
        Map<String, Object> datasources;
        try (var in = Files.newInputStream(Path.of("deploy/grafana/provisioning/datasources/prometheus.yml"))) {
            datasources = new Yaml().load(in);
        }
        @SuppressWarnings("unchecked")
        String uid = String.valueOf(((List<Map<String, Object>>) datasources.get("datasources"))
                .get(0)
                .get("uid"));

        assertThat(dashboard.path("uid").asString()).isNotBlank();
        assertThat(Monitoring.dashboardQueries())
                .hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(query -> assertThat(query).isNotBlank());
        for (JsonNode panel : dashboard.path("panels")) {
            if (!"row".equals(panel.path("type").asString())) {
                assertThat(panel.path("datasource").path("uid").asString())
                        .as(panel.path("title").asString())
                        .isEqualTo(uid);
                assertThat(panel.path("description").asString())
                        .as("%s says what it shows", panel.path("title").asString())
                        .isNotBlank();
            }
        }
        assertThat(Monitoring.queriedMetrics())
                .contains(
                        "ledger_commands_seconds_bucket",
                        "ledger_projection_lag",
                        "ledger_projection_state",
                        "ledger_deadlines_due",
                        "ledger_deadlines_fired_total",
                        "ledger_evidence_checkpoint_age_seconds",
                        "ledger_notifications_pending",
                        "ledger_notifications_failed_total",
                        "jvm_memory_used_bytes");
    }

    @Test
    void metricNamesAreReadFromQueries() {
        assertThat(Monitoring.metricNames("histogram_quantile(0.99, sum by (le) (rate(a_bucket{outcome=\"x\"}"
                        + "[$__rate_interval]))) and on (readModel) b offset 10m > 0 or vector(0)"))
                .containsExactlyInAnyOrder("a_bucket", "b");
    }

    /** GitHub's anchors of a Markdown file's headings. */
    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        boolean[] inCode = {false};
        try (Stream<String> lines = Files.lines(markdown)) {
            lines.filter(line -> {
                        if (line.startsWith("```")) {
                            inCode[0] = !inCode[0];
                        }
                        return !inCode[0] && line.startsWith("#");
                    })
                    .map(line -> line.replaceFirst("^#+\\s*", "")
                            .trim()
                            .toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\p{L}\\p{N} _-]", "")
                            .replace(' ', '-'))
                    .forEach(anchors::add);
        }
        return anchors;
    }

    private static Path onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String promtool(Path promtool, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(promtool.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(Monitoring.PROMETHEUS.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("promtool finished")
                .isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
