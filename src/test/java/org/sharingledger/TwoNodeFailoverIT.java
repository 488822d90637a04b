package org.sharingledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Two ledger nodes, each a real child process, on one PostgreSQL (the suite's embedded server, in a database of their
 * own): they share the streaming read models' segments; one is killed with SIGKILL while both are loaded; the
 * survivor takes over every segment and the pending deadline within 30 s; and afterwards every read model matches the
 * events (the ledger's own reconciliation, and the dashboards against a rebuild), every request's holder was notified
 * exactly once, and the deadline fired once.
 */
class TwoNodeFailoverIT extends IntegrationTest {

    private static final List<String> STREAMING = List.of("dashboards", "timelines", "notifications");
    private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(30);
    private static final List<String> DASHBOARD_TABLES = List.of(
            "dashboard_agency",
            "dashboard_request",
            "dashboard_escalation",
            "dashboard_daily",
            "dashboard_daily_reason",
            "dashboard_daily_stage");

    @Test
    void aKilledNodesSegmentsAndDeadlinesMoveToTheSurvivorAndNoEventIsSkippedOrAppliedTwice() throws Exception {
        String database =
                "two_nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("create database " + database);
        String url = "jdbc:postgresql://localhost:" + jdbc.queryForObject("show port", String.class) + "/" + database
                + "?user=postgres";
        JdbcTemplate nodesDb = new JdbcTemplate(new SimpleDriverDataSource(new Driver(), url));
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path dir = Files.createTempDirectory("ledger-two-nodes-");
        String subjectKey = randomKey();
        String signingKey = randomKey();
        Node a = new Node("a", dir, url, subjectKey, signingKey, mail.getSmtp().getPort());
        Node b = new Node("b", dir, url, subjectKey, signingKey, mail.getSmtp().getPort());
        try {
            // Started together on an empty database: Flyway's lock and the first administrator must cope.
            a.start();
            b.start();
            a.awaitStarted();
            b.awaitStarted();
            Scenario onA = new Scenario(a.http);
            Scenario onB = new Scenario(b.http);

            Scenario.Parties p = onA.parties();
            Credentials holderRep = onB.user(p.holder(), "NOMINATED_REPRESENTATIVE");
            List<String> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Scenario on = i % 2 == 0 ? onA : onB;
                requests.add(on.request(p.requesterPractitioner(), p.requester(), p.holder()));
            }
            share(b.http, p.holderPractitioner(), requests.get(0));
            share(a.http, p.holderPractitioner(), requests.get(1));
            escalateAndResolve(a.http, b.http, p, holderRep, requests.get(2));
            escalateAndResolve(b.http, a.http, p, holderRep, requests.get(3));

            // Each node holds some segments of every streaming read model, none held by both.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> STREAMING.stream()
                            .allMatch(processor -> owners(nodesDb, processor).equals(Set.of(a.owner(), b.owner()))));
            for (String processor : STREAMING) {
                assertThat(nodesDb.queryForObject(
                                "select count(*) from token_entry where processor_name = ?", Integer.class, processor))
                        .as(processor + " segments")
                        .isEqualTo(4);
            }

            // A rebuild on one node while the other holds segments: the other releases them for the reset.
            awaitCaughtUp(b);
            Map<String, String> beforeRebuild = dashboards(nodesDb);
            rebuildDashboards(b);
            assertThat(dashboards(nodesDb)).isEqualTo(beforeRebuild);

            // A decision deadline that falls due after the kill (emergencies are due in 15 s here).
            String dueLater = onA.request(
                    p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "EMERGENCY"));
            requests.add(dueLater);
            requests.add(onA.request(p.requesterPractitioner(), p.requester(), p.holder()));

            long killed = System.nanoTime();
            a.kill();

            // The survivor keeps taking requests while it takes the dead node's segments over.
            List<String> afterKill = new ArrayList<>();
            await().atMost(FAILOVER_LIMIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                afterKill.add(onB.request(p.requesterPractitioner(), p.requester(), p.holder()));
                return STREAMING.stream()
                        .allMatch(processor -> owners(nodesDb, processor).equals(Set.of(b.owner())));
            });
            long failoverMillis = (System.nanoTime() - killed) / 1_000_000;
            System.out.printf("Two nodes: the survivor held every segment %d ms after the kill%n", failoverMillis);
            requests.addAll(afterKill);
            share(b.http, p.holderPractitioner(), afterKill.get(0));

            // The deadline fires once, on the survivor.
            await().atMost(FAILOVER_LIMIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> overdueEvents(nodesDb, dueLater) >= 1);
            assertThat(overdueEvents(nodesDb, dueLater)).isEqualTo(1);

            // Every read model has caught up with every event, on the survivor.
            awaitCaughtUp(b);

            // No event skipped or applied twice: the reconciled read models against the events...
            Http.Response verification = b.admin().get("/api/ledger/verification");
            assertThat(verification.status()).as(verification.toString()).isEqualTo(200);
            assertThat(verification.json().path("problems"))
                    .as(verification.toString())
                    .isEmpty();
            assertThat(verification.json().path("verified").asBoolean())
                    .as(verification.toString())
                    .isTrue();
            assertThat(overdueEvents(nodesDb, dueLater))
                    .as("the deadline fired once")
                    .isEqualTo(1);
            assertThat(nodesDb.queryForObject(
                            "select count(*) from scheduled_tasks where task_name like 'AxonDeadline%' "
                                    + "and execution_time < now()",
                            Integer.class))
                    .as("no deadline left behind")
                    .isZero();

            // ...every request's holder told of it exactly once...
            for (String request : requests) {
                assertThat(nodesDb.queryForObject("""
                                select count(*) from domain_event_entry
                                where payload_type like '%.NotificationSent'
                                  and convert_from(payload, 'UTF8')::jsonb ->> 'requestId' = ?
                                  and convert_from(payload, 'UTF8')::jsonb ->> 'step' = 'NEW_REQUEST'""", Integer.class, request))
                        .as("notifications of the new request " + request)
                        .isEqualTo(1);
            }

            // ...and the dashboards the same as a rebuild from the events gives.
            Map<String, String> live = dashboards(nodesDb);
            rebuildDashboards(b);
            assertThat(dashboards(nodesDb)).isEqualTo(live);
        } finally {
            a.kill();
            b.stop();
            mail.stop();
            jdbc.execute("drop database if exists " + database + " with (force)");
        }
    }

    private static void awaitCaughtUp(Node node) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    for (JsonNode model :
                            node.admin().get("/api/admin/read-models").json()) {
                        if (model.path("lag").asLong() != 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** Rebuilds the dashboards through the API and waits until the rebuild has finished, without a failure. */
    private static void rebuildDashboards(Node node) {
        Http.Response rebuild = node.admin().post("/api/admin/read-models/dashboards/rebuild", Map.of());
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> node.admin()
                        .get("/api/admin/read-models/dashboards")
                        .json()
                        .path("rebuild")
                        .path("finishedAt")
                        .isString());
        JsonNode status = node.admin().get("/api/admin/read-models/dashboards").json();
        assertThat(status.path("rebuild").path("failure").isString())
                .as(status.toString())
                .isFalse();
    }

    private static void share(Http http, Credentials holder, String request) {
        Http.Response response = http.as(holder).post("/api/requests/" + request + "/share", Scenario.share("FULL"));
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    private static void escalateAndResolve(
            Http one, Http other, Scenario.Parties p, Credentials holderRep, String request) {
        Http.Response refused =
                one.as(p.holderPractitioner()).post("/api/requests/" + request + "/refusal", Scenario.refusal());
        assertThat(refused.status()).as(refused.toString()).isBetween(200, 299);
        Http.Response escalated = other.as(p.requesterPractitioner())
                .post(
                        "/api/requests/" + request + "/escalations",
                        Map.of("stage", "LINE_MANAGER", "reason", "Needed for the enquiry"));
        assertThat(escalated.status()).as(escalated.toString()).isBetween(200, 299);
        Map<String, Object> resolution = new LinkedHashMap<>();
        resolution.put("outcome", "SHARED");
        resolution.put("rationale", "On reflection, proportionate");
        resolution.put("informationShared", "Call-out log");
        resolution.put("method", "SECURE_EMAIL");
        Http.Response resolved =
                one.as(holderRep).post("/api/requests/" + request + "/escalations/resolution", resolution);
        assertThat(resolved.status()).as(resolved.toString()).isBetween(200, 299);
    }

    /** The nodes holding a live claim on the processor's segments. */
    private static Set<String> owners(JdbcTemplate db, String processor) {
        return db
                .queryForList(
                        "select owner from token_entry where processor_name = ? and owner is not null",
                        String.class,
                        processor)
                .stream()
                .map(owner -> owner.substring(0, owner.indexOf('@') < 0 ? owner.length() : owner.indexOf('@')))
                .collect(Collectors.toSet());
    }

    private static int overdueEvents(JdbcTemplate db, String request) {
        Integer count = db.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%.RequestBecameOverdue' "
                        + "and aggregate_identifier = ?",
                Integer.class, request);
        return count == null ? 0 : count;
    }

    /** Each dashboard table's rows in full (a few dozen), so that a difference shows which row and column. */
    private static Map<String, String> dashboards(JdbcTemplate db) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String table : DASHBOARD_TABLES) {
            rows.put(
                    table,
                    db.queryForObject(
                            "select count(*) || ' rows:\n' || coalesce(string_agg(t::text, '\n' order by t::text), '') "
                                    + "from " + table + " t",
                            String.class));
        }
        return rows;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** One ledger node: a child JVM on the test's classpath. */
    private static final class Node {

        private final String name;
        private final Path log;
        private final List<String> command;
        private final Http http;
        private Process process;

        Node(String name, Path dir, String url, String subjectKey, String signingKey, int smtpPort) throws IOException {
            this.name = name;
            this.log = dir.resolve(name + ".log");
            int port = freePort();
            this.http = new Http(port);
            String java = ProcessHandle.current().info().command().orElse("java");
            this.command = List.of(
                    java,
                    "-Xmx384m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Ddisable-axoniq-console-message=true",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LedgerApplication.class.getName(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + url,
                    "--ledger.storage.data-dir=" + dir.resolve(name),
                    "--ledger.subjects.key=" + subjectKey,
                    "--ledger.evidence.signing-key=" + signingKey,
                    "--ledger.security.admin-password=" + ADMIN_PASSWORD,
                    "--ledger.security.bcrypt-strength=4",
                    "--ledger.due.emergency=PT15S",
                    "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + smtpPort,
                    "--spring.main.banner-mode=off");
        }

        void start() throws IOException {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        }

        /** The token store's name for this node: its process id (Axon's owner is pid@host). */
        String owner() {
            return Long.toString(process.pid());
        }

        Http.Call admin() {
            return http.as(Scenario.ADMIN);
        }

        void awaitStarted() {
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        assertThat(process.isAlive())
                                .as("node " + name + " exited: " + Files.readString(log))
                                .isTrue();
                        return Files.readString(log).contains("Started LedgerApplication");
                    });
        }

        void kill() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }

        void stop() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }
}
