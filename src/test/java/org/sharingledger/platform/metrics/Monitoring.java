package org.sharingledger.platform.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring set-up in deploy/: the Prometheus alert rules and the Grafana dashboard, read as their tools read
 * them, and the metric names their queries use (so a test can check each against what the ledger exposes: a panel or
 * an alert on a renamed metric fails silently).
 */
final class Monitoring {

    static final Path PROMETHEUS = Path.of("deploy/prometheus");
    static final Path ALERTS = PROMETHEUS.resolve("alerts.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/sharing-ledger.json");

    /** Names a query may use that no exporter exposes: Prometheus's own. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    private static final Set<String> KEYWORDS =
            Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on", "ignoring", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![A-Za-z0-9_:.])[A-Za-z_:][A-Za-z0-9_:]*");

    private Monitoring() {}

    /** Each alerting rule of alerts.yml, as a map of its fields. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() throws IOException {
        try (InputStream in = Files.newInputStream(ALERTS)) {
            Map<String, Object> file = new Yaml().load(in);
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
                rules.addAll((List<Map<String, Object>>) group.get("rules"));
            }
            return rules;
        }
    }

    static JsonNode dashboard() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
    }

    /** Every query (expr) of the dashboard's panels, rows' panels included. */
    static List<String> dashboardQueries() throws IOException {
        List<String> queries = new ArrayList<>();
        collect(dashboard().path("panels"), queries);
        return queries;
    }

    private static void collect(JsonNode panels, List<String> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                queries.add(target.path("expr").asString());
            }
            collect(panel.path("panels"), queries);
        }
    }

    /** The metric names the alert rules and the dashboard query. */
    static Set<String> queriedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> rule : alertRules()) {
            names.addAll(metricNames(String.valueOf(rule.get("expr"))));
        }
        for (String query : dashboardQueries()) {
            names.addAll(metricNames(query));
        }
        names.removeAll(PROMETHEUS_OWN);
        return names;
    }

    /**
     * The metric names in a PromQL expression: identifiers once strings, label matchers, ranges, Grafana's variables
     * and grouping clauses are taken out, that are neither keywords nor functions (followed by a parenthesis).
     */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\w+", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(bare);
        while (identifiers.find()) {
            String name = identifiers.group();
            String after = bare.substring(identifiers.end()).stripLeading();
            if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT)) && !after.startsWith("(")) {
                names.add(name);
            }
        }
        return names;
    }

    /** The metric names in a Prometheus text exposition (a scrape). */
    static Set<String> exposed(String scrape) {
        Set<String> names = new TreeSet<>();
        scrape.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }
}
