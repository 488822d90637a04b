package org.sharingledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The compose override for two nodes behind Caddy (deploy/two-nodes) reads as YAML, its second node runs with
 * exactly the first one's image and settings, and the proxy's Caddyfile names both nodes, keeps a browser on one and
 * checks their readiness. With Docker Compose on the machine, {@code docker compose config} must accept both files.
 */
class TwoNodesComposeTest {

    private static final Path BASE = Path.of("docker-compose.yml");
    private static final Path OVERRIDE = Path.of("deploy/two-nodes/docker-compose.two-nodes.yml");
    private static final Path CADDYFILE = Path.of("deploy/two-nodes/Caddyfile");

    @Test
    void theSecondNodeRunsWithTheFirstNodesImageAndSettings() throws IOException {
        Map<String, Object> ledger = service(BASE, "ledger");
        Map<String, Object> second = service(OVERRIDE, "ledger-2");

        assertThat(second.get("build")).isEqualTo(ledger.get("build"));
        assertThat(second.get("environment")).isEqualTo(ledger.get("environment"));
        assertThat(second.get("healthcheck")).isEqualTo(ledger.get("healthcheck"));
        assertThat(second).doesNotContainKey("ports");
    }

    @Test
    void onlyTheProxyIsReachedFromOutsideAndItChecksBothNodes() throws IOException {
        assertThat(service(OVERRIDE, "ledger").get("ports"))
                .as("ports: !reset []")
                .isEqualTo(List.of());
        Map<String, Object> proxy = service(OVERRIDE, "proxy");
        assertThat(proxy.get("ports")).isEqualTo(List.of("8080:8080"));
        assertThat(proxy).containsKey("healthcheck");
        assertThat(proxy.get("volumes")).asString().contains("./" + CADDYFILE + ":/etc/caddy/Caddyfile");

        String caddy = Files.readString(CADDYFILE);
        assertThat(caddy)
                .contains("reverse_proxy ledger:8080 ledger-2:8080")
                .contains("lb_policy cookie")
                .contains("health_uri /actuator/health/readiness");
    }

    @Test
    void dockerComposeAcceptsBothFilesWhenItIsThere() throws Exception {
        Process version = start("docker", "compose", "version");
        if (version == null || !version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
            return; // no Docker Compose here: the YAML checks above must do
        }
        ProcessBuilder builder = new ProcessBuilder(
                        "docker", "compose", "-f", BASE.toString(), "-f", OVERRIDE.toString(), "config", "-q")
                .redirectErrorStream(true);
        // The secrets .env must give, made up: config only checks the files.
        for (String secret : List.of(
                "POSTGRES_PASSWORD",
                "LEDGER_DB_OWNER_PASSWORD",
                "LEDGER_DB_APP_PASSWORD",
                "LEDGER_SUBJECT_KEY",
                "LEDGER_SIGNING_KEY",
                "LEDGER_ADMIN_PASSWORD")) {
            builder.environment().put(secret, "made-up-for-the-check");
        }
        Process config = builder.start();
        config.getOutputStream().close();
        assertThat(config.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(config.exitValue())
                .as(new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    private static Process start(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Path file, String name) throws IOException {
        Map<String, Object> compose = new Yaml(new ComposeTags()).load(Files.readString(file));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).as(file + " services").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    /** Compose's own tags: {@code !reset} empties a value of an earlier file, {@code !override} replaces it. */
    private static final class ComposeTags extends SafeConstructor {
        ComposeTags() {
            super(new LoaderOptions());
            AbstractConstruct asIs = new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (node instanceof SequenceNode sequence) {
                        return constructSequence(sequence);
                    }
                    if (node instanceof MappingNode mapping) {
                        return constructMapping(mapping);
                    }
                    return constructScalar((ScalarNode) node);
                }
            };
            yamlConstructors.put(new Tag("!reset"), asIs);
            yamlConstructors.put(new Tag("!override"), asIs);
        }
    }
}
