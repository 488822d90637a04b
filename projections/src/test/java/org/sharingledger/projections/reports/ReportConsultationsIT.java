package org.sharingledger.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.GovernanceIntegrationTest;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * The report's consultations: those whose answers were due in the period, with their tally and the day adopted. On
 * the governance database, as every test that opens a consultation (it is circulated to every signed agency).
 */
class ReportConsultationsIT extends GovernanceIntegrationTest {

    private static final String PATH = "/api/reports/nominated-representatives";

    @Test
    void aConsultationDueInThePeriodIsListedWithItsTallyAndTheDayItWasAdopted() {
        String school = scenario.agency("EDUCATION");
        scenario.agency("HEALTH");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String version = Scenario.unique("v");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("codeVersion", version);
        body.put("title", "From Protocol to Code of Practice");
        body.put("summaryOfChanges", "Silence by the closing date counts as agreement; no quorum");
        body.put("respondBy", Instant.now().plusSeconds(4).toString());
        Response opened = http.as(trust).post("/api/consultations", body);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String id = opened.field("consultationId");
        long circulated = opened.json().path("circulatedTo").asLong();
        assertThat(http.as(schoolRep)
                        .post(
                                "/api/consultations/" + id + "/responses",
                                Map.of("agencyId", school, "response", "AGREE"))
                        .status())
                .isEqualTo(200);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> "CLOSED"
                        .equals(http.as(trust).get("/api/consultations/" + id).field("status")));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Response adopted =
                http.as(trust).post("/api/consultations/" + id + "/adoption", Map.of("adoptedOn", today.toString()));
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);

        JsonNode report = http.as(trust)
                .get(PATH + "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1))
                .json();
        JsonNode line = report.path("consultations")
                .valueStream()
                .filter(c -> c.path("codeVersion").asString().equals(version))
                .findFirst()
                .orElseThrow();
        assertThat(line.path("title").asString()).isEqualTo("From Protocol to Code of Practice");
        assertThat(line.path("tally").path("AGREE").asLong()).isEqualTo(1);
        assertThat(line.path("tally").path("DEEMED_AGREED").asLong()).isEqualTo(circulated - 1);
        assertThat(line.path("tally").path("AWAITING").asLong()).isZero();
        assertThat(line.path("adoptedOn").asString()).isEqualTo(today.toString());

        JsonNode before = http.as(trust)
                .get(PATH + "?from=" + today.minusDays(30) + "&to=" + today.minusDays(2))
                .json();
        assertThat(before.path("consultations").valueStream())
                .noneMatch(c -> c.path("codeVersion").asString().equals(version));
    }
}
