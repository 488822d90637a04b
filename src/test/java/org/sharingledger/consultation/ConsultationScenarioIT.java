package org.sharingledger.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.LedgerApplication;
import org.sharingledger.support.Http;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Scenario;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The county's own case, end to end on a ledger of its own (so that exactly its 35 signatories are circulated): a new
 * version of the Code goes out for consultation, two agencies agree, one objects, one asks to be withdrawn and 31 say
 * nothing. Silence is agreement, no quorum applies, and on adoption 34 agencies move to the new version while the one
 * that asked to leave is withdrawn: it can neither make nor receive requests.
 */
class ConsultationScenarioIT {

    private static final Credentials ADMIN = new Credentials("admin", "scenario-admin-password");
    private static final String[] SECTORS = {
        "CHILDRENS_SOCIAL_CARE", "EDUCATION", "EARLY_YEARS", "HEALTH", "POLICE", "VOLUNTARY_COMMUNITY", "HOUSING"
    };

    @Test
    void silenceIsAgreementAndTheAgencyThatAskedToLeaveIsWithdrawnOnAdoption() throws Exception {
        Path data = Files.createTempDirectory("ledger-consultation-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--ledger.storage.data-dir=" + data,
                        "--ledger.security.bcrypt-strength=4",
                        "--ledger.security.admin-password=scenario-admin-password",
                        "--ledger.consultations.minimum-notice=PT2S")) {
            Http http =
                    new Http(((WebServerApplicationContext) app).getWebServer().getPort());

            List<String> agencies = new ArrayList<>();
            for (int i = 0; i < 35; i++) {
                String agencyId = "signatory-" + (i + 1);
                Map<String, Object> body = Scenario.agencyBody(agencyId, SECTORS[i % SECTORS.length]);
                body.put("codeOfPracticeVersion", "2008.1");
                assertThat(http.as(ADMIN).post("/api/agencies", body).status()).isEqualTo(201);
                agencies.add(agencyId);
            }
            Credentials trust = user(http, "trust.reviewer", null, "TRUST_REVIEWER");
            Credentials agrees1 = user(http, "rep.1", agencies.get(0), "NOMINATED_REPRESENTATIVE");
            Credentials agrees2 = user(http, "rep.2", agencies.get(1), "NOMINATED_REPRESENTATIVE");
            Credentials objects = user(http, "rep.3", agencies.get(2), "NOMINATED_REPRESENTATIVE");
            Credentials withdraws = user(http, "rep.4", agencies.get(3), "NOMINATED_REPRESENTATIVE");
            Credentials leaverPractitioner = user(http, "sw.4", agencies.get(3), "PRACTITIONER");
            Credentials practitioner = user(http, "sw.5", agencies.get(4), "PRACTITIONER");

            Instant respondBy = Instant.now().plusSeconds(8);
            Http.Response opened = http.as(trust)
                    .post(
                            "/api/consultations",
                            Map.of(
                                    "codeVersion", "2009.1",
                                    "title", "The Protocol becomes a Code of Practice",
                                    "summaryOfChanges", "Non-response is taken as agreement; no set percentage.",
                                    "respondBy", respondBy.toString()));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            assertThat(opened.json().path("circulatedTo").asInt()).isEqualTo(35);
            String consultation = "/api/consultations/" + opened.field("consultationId");

            answer(http, agrees1, consultation, agencies.get(0), "AGREE", null);
            answer(http, agrees2, consultation, agencies.get(1), "AGREE", null);
            answer(http, objects, consultation, agencies.get(2), "OBJECT", "Section 4 is unclear on consent.");
            answer(http, withdraws, consultation, agencies.get(3), "WITHDRAW", "We no longer work with children.");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "CLOSED"
                            .equals(http.as(trust)
                                    .get(consultation)
                                    .json()
                                    .path("status")
                                    .asString()));
            JsonNode tally = http.as(trust).get(consultation).json().path("tally");
            assertThat(tally.path("AGREE").asInt()).isEqualTo(2);
            assertThat(tally.path("OBJECT").asInt()).isEqualTo(1);
            assertThat(tally.path("WITHDRAW").asInt()).isEqualTo(1);
            assertThat(tally.path("DEEMED_AGREED").asInt()).isEqualTo(31);
            assertThat(tally.path("AWAITING").asInt()).isZero();

            Http.Response adopted = http.as(trust)
                    .post(
                            consultation + "/adoption",
                            Map.of(
                                    "adoptedOn",
                                    LocalDate.now(ZoneOffset.UTC).toString(),
                                    "note",
                                    "Adopted by the Children's Trust board"));
            assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                JsonNode register = http.as(ADMIN).get("/api/agencies").json();
                Map<String, String> versions = new HashMap<>();
                Map<String, String> statuses = new HashMap<>();
                register.forEach(a -> {
                    versions.put(
                            a.path("agencyId").asString(),
                            a.path("codeOfPracticeVersion").asString());
                    statuses.put(a.path("agencyId").asString(), a.path("status").asString());
                });
                assertThat(agencies.stream()
                                .filter(id -> "SIGNED".equals(statuses.get(id)))
                                .filter(id -> "2009.1".equals(versions.get(id))))
                        .hasSize(34);
                assertThat(statuses.get(agencies.get(3))).isEqualTo("WITHDRAWN");
            });
            assertThat(http.as(trust).get(consultation).json().path("status").asString())
                    .isEqualTo("ADOPTED");

            Http.Response toTheLeaver = http.as(practitioner)
                    .post("/api/requests", Scenario.requestBody(agencies.get(4), agencies.get(3), "ROUTINE"));
            assertThat(toTheLeaver.status())
                    .as("the withdrawn agency receives no request")
                    .isEqualTo(409);
            Http.Response fromTheLeaver = http.as(leaverPractitioner)
                    .post("/api/requests", Scenario.requestBody(agencies.get(3), agencies.get(4), "ROUTINE"));
            assertThat(fromTheLeaver.status())
                    .as("no one acts for the withdrawn agency: its users were disabled with it")
                    .isEqualTo(401);
        }
    }

    private static void answer(
            Http http, Credentials rep, String consultation, String agencyId, String response, String comments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("response", response);
        if (comments != null) {
            body.put("comments", comments);
        }
        Http.Response answered = http.as(rep).post(consultation + "/responses", body);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    }

    private static Credentials user(Http http, String username, String agencyId, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", "password-of-" + username);
        body.put("displayName", username);
        if (agencyId != null) {
            body.put("agencyId", agencyId);
        }
        body.put("roles", List.of(roles));
        Http.Response response = http.as(ADMIN).post("/api/users", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Credentials(username, "password-of-" + username);
    }
}
