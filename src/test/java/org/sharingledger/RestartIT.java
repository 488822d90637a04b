package org.sharingledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Scenario;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The ledger stopped and started again on the same data folder: everything recorded is still there, and deadlines
 * that fell due while it was down fire after it starts: a request's (recorded as overdue), a consultation's
 * closing time (the silent agencies deemed to agree) and a self-assessment round's due time (the agencies that had
 * not returned recorded overdue).
 */
class RestartIT {

    private static final Credentials ADMIN = new Credentials("admin", "restart-admin-password");

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--ledger.storage.data-dir=" + data,
                        "--ledger.security.bcrypt-strength=4",
                        "--ledger.security.admin-password=restart-admin-password",
                        "--ledger.due.emergency=PT4S",
                        "--ledger.consultations.minimum-notice=PT2S");
    }

    private static Http http(ConfigurableApplicationContext app) {
        return new Http(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @Test
    void dataSurvivesARestartAndDeadlinesThatFellDueWhileDownFireAfterIt() throws Exception {
        Path data = Files.createTempDirectory("ledger-restart-");
        String requestId;
        Credentials holder;
        Instant dueBy;
        String consultationId;
        Credentials trust;
        String requesterId;
        String holdingId;
        Instant respondBy;
        String selfAssessmentId;
        Instant roundDueBy;
        try (ConfigurableApplicationContext first = start(data)) {
            Http http = http(first);
            String requester = "csc-" + System.nanoTime();
            String holding = "police-" + System.nanoTime();
            assertThat(http.as(ADMIN)
                            .post("/api/agencies", Scenario.agencyBody(requester, "CHILDRENS_SOCIAL_CARE"))
                            .status())
                    .isEqualTo(201);
            assertThat(http.as(ADMIN)
                            .post("/api/agencies", Scenario.agencyBody(holding, "POLICE"))
                            .status())
                    .isEqualTo(201);
            Credentials practitioner = register(http, "sw.restart", requester, "PRACTITIONER");
            holder = register(http, "pc.restart", holding, "PRACTITIONER");
            Http.Response created =
                    http.as(practitioner).post("/api/requests", Scenario.requestBody(requester, holding, "EMERGENCY"));
            requestId = created.field("requestId");
            dueBy = Instant.parse(created.field("dueBy"));

            trust = register(http, "trust.restart", null, "TRUST_REVIEWER");
            Credentials representative = register(http, "nr.restart", requester, "NOMINATED_REPRESENTATIVE");
            respondBy = Instant.now().plusSeconds(8);
            Http.Response opened = http.as(trust)
                    .post(
                            "/api/consultations",
                            Map.of(
                                    "codeVersion", "2010.1",
                                    "title", "From Protocol to Code of Practice",
                                    "summaryOfChanges", "Silence by the closing date counts as agreement",
                                    "respondBy", respondBy.toString()));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            consultationId = opened.field("consultationId");
            assertThat(http.as(representative)
                            .post(
                                    "/api/consultations/" + consultationId + "/responses",
                                    Map.of("agencyId", requester, "response", "AGREE"))
                            .status())
                    .isEqualTo(200);

            roundDueBy = Instant.now().plusSeconds(8);
            Http.Response round = http.as(trust)
                    .post(
                            "/api/self-assessments",
                            Map.of(
                                    "title", "Position statement for the Laming review",
                                    "questions", List.of(Map.of("id", "q1", "text", "Do your staff share?")),
                                    "dueBy", roundDueBy.toString()));
            assertThat(round.status()).as(round.toString()).isEqualTo(201);
            selfAssessmentId = round.field("selfAssessmentId");
            assertThat(http.as(representative)
                            .post(
                                    "/api/self-assessments/" + selfAssessmentId + "/returns",
                                    Map.of(
                                            "agencyId",
                                            requester,
                                            "answers",
                                            List.of(Map.of("questionId", "q1", "answer", "YES")),
                                            "statement",
                                            "We share under the Code."))
                            .status())
                    .isEqualTo(201);
            requesterId = requester;
            holdingId = holding;
        }
        Instant stopped = Instant.now();
        Instant lastDue = List.of(respondBy, dueBy, roundDueBy).stream()
                .max(Instant::compareTo)
                .orElseThrow();
        assertThat(roundDueBy)
                .as("the round falls due while the ledger is down")
                .isAfter(stopped);
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(lastDue.plusMillis(500)));

        try (ConfigurableApplicationContext second = start(data)) {
            Http http = http(second);
            Http.Response view = http.as(holder).get("/api/requests/" + requestId);
            assertThat(view.status())
                    .as("the request and the user survived the restart")
                    .isEqualTo(200);
            assertThat(view.field("status")).isEqualTo("AWAITING_DECISION");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> http.as(holder)
                                    .get("/api/requests/" + requestId)
                                    .json()
                                    .path("history")
                                    .size()
                            == 2);
            assertThat(http.as(holder)
                            .get("/api/requests/" + requestId)
                            .json()
                            .path("history")
                            .get(1)
                            .path("type")
                            .asString())
                    .isEqualTo("OVERDUE");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "CLOSED"
                            .equals(http.as(trust)
                                    .get("/api/consultations/" + consultationId)
                                    .field("status")));
            JsonNode closed =
                    http.as(trust).get("/api/consultations/" + consultationId).json();
            Map<String, String> standing = new HashMap<>();
            closed.path("responses")
                    .forEach(agency -> standing.put(
                            agency.path("agencyId").asString(),
                            agency.path("response").asString()));
            assertThat(standing)
                    .as("the answer given before the restart stands; the silent agency is deemed to agree")
                    .containsEntry(requesterId, "AGREE")
                    .containsEntry(holdingId, "DEEMED_AGREED");
            assertThat(closed.path("tally").path("AWAITING").asInt()).isZero();
            assertThat(Instant.parse(closed.path("closedAt").asString()))
                    .as("closed by the deadline after the restart, not before the stop")
                    .isAfter(stopped);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "CLOSED"
                            .equals(http.as(trust)
                                    .get("/api/self-assessments/" + selfAssessmentId)
                                    .field("status")));
            JsonNode dueRound = http.as(trust)
                    .get("/api/self-assessments/" + selfAssessmentId)
                    .json();
            assertThat(dueRound.path("returned"))
                    .as("the return made before the restart stands")
                    .extracting(entry -> entry.path("agencyId").asString())
                    .containsExactly(requesterId);
            assertThat(dueRound.path("outstanding"))
                    .as("the agency that had not returned is recorded overdue")
                    .anySatisfy(entry -> {
                        assertThat(entry.path("agencyId").asString()).isEqualTo(holdingId);
                        assertThat(entry.path("overdue").asBoolean()).isTrue();
                    });
            assertThat(Instant.parse(dueRound.path("closedAt").asString()))
                    .as("recorded by the deadline after the restart")
                    .isAfter(stopped);
        }
    }

    private static Credentials register(Http http, String username, String agencyId, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", "password-of-" + username);
        body.put("displayName", username);
        body.put("agencyId", agencyId);
        body.put("roles", List.of(role));
        Http.Response response = http.as(ADMIN).post("/api/users", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Credentials(username, "password-of-" + username);
    }
}
