package org.sharingledger.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The county's own report for April 2008 to March 2009, rebuilt from the ledger on a ledger of its own (so that its
 * signatories are exactly the county's): 28 agencies signed by 31 March 2008, the seven organisations the report names
 * signed during the year, and 650 practitioners trained on the multi-agency course in the group's three years, some of
 * them twice. Everything is recorded today with the dates it happened, and the report counts by those dates.
 */
class CountyReportScenarioIT {

    private static final Credentials ADMIN = new Credentials("admin", "county-admin-password");

    /** The seven new organisations of the report's section 7, with the day each signed in 2008-09. */
    static final Map<String, String> JOINED_IN_2008_09 = Map.of(
            "Wycombe Women's Aid", "2008-05-14",
            "Winslow and Buckingham Young Carers Youth Club", "2008-06-30",
            "Longridge", "2008-09-03",
            "Marlow Opportunity Playgroup", "2008-10-21",
            "Thomley Activity Centre", "2008-12-09",
            "Central and South Bucks Crossroads", "2009-02-02",
            "Thames Valley Adventure Playground", "2009-03-31");

    private static final String[] SECTORS = {
        "CHILDRENS_SOCIAL_CARE", "EDUCATION", "EARLY_YEARS", "HEALTH", "POLICE", "VOLUNTARY_COMMUNITY", "HOUSING"
    };

    @Test
    void theReportFor2008To2009SaysWhatTheCountyWroteByHand() throws Exception {
        Path data = Files.createTempDirectory("ledger-county-report-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--ledger.storage.data-dir=" + data,
                        "--ledger.security.bcrypt-strength=4",
                        "--ledger.security.admin-password=county-admin-password")) {
            Http http =
                    new Http(((WebServerApplicationContext) app).getWebServer().getPort());

            // 28 signatories by 31 March 2008: the protocol's first two years, from April 2006.
            List<String> founders = new ArrayList<>();
            for (int i = 0; i < 28; i++) {
                String agencyId = "signatory-" + (i + 1);
                LocalDate signedOn = LocalDate.of(2006, 4, 3).plusDays(i * 25L);
                sign(http, agencyId, "Founding signatory " + (i + 1), SECTORS[i % SECTORS.length], signedOn);
                founders.add(agencyId);
            }
            assertThat(LocalDate.of(2006, 4, 3).plusDays(27 * 25L)).isBefore(LocalDate.of(2008, 4, 1));
            int n = 0;
            for (Map.Entry<String, String> joined : JOINED_IN_2008_09.entrySet()) {
                sign(
                        http,
                        "joined-2008-" + (++n),
                        joined.getKey(),
                        "VOLUNTARY_COMMUNITY",
                        LocalDate.parse(joined.getValue()));
            }
            Credentials trust = user(http, "trust.reviewer", null, "TRUST_REVIEWER");

            // 650 people on the multi-agency course over three years, 50 of them twice: 700 attendances.
            Training training = Training.of(founders);
            Http.Response imported = http.as(ADMIN)
                    .post("/api/training-records", "text/csv", training.csv().getBytes(StandardCharsets.UTF_8));
            assertThat(imported.status()).as(imported.toString()).isIn(200, 201);
            assertThat(imported.json().path("imported").asInt()).isEqualTo(training.attendances());

            Http.Response report =
                    http.as(trust).get("/api/reports/nominated-representatives?from=2008-04-01&to=2009-03-31");
            assertThat(report.status()).as(report.toString()).isEqualTo(200);
            JsonNode r = report.json();
            assertThat(r.path("signatories").path("atStart").asInt()).isEqualTo(28);
            assertThat(r.path("signatories").path("atEnd").asInt()).isEqualTo(35);
            List<String> joinedNames = new ArrayList<>();
            r.path("signatories")
                    .path("joined")
                    .forEach(j -> joinedNames.add(j.path("name").asString()));
            assertThat(joinedNames).containsExactlyInAnyOrderElementsOf(JOINED_IN_2008_09.keySet());
            assertThat(r.path("signatories").path("withdrawn").size()).isZero();
            JsonNode sinceFirst = r.path("training").path("sinceFirstRecord");
            assertThat(sinceFirst.path("people").asInt()).isEqualTo(650);
            assertThat(sinceFirst.path("attendances").asInt()).isEqualTo(training.attendances());
            JsonNode inPeriod = r.path("training").path("inPeriod");
            assertThat(inPeriod.path("people").asInt()).isEqualTo(training.peopleIn2008To2009());
            // The checkpoint covers every event recorded before the report: 35 signatures, 2 users, 700 attendances.
            assertThat(r.path("checkpoint").path("treeSize").asLong())
                    .isGreaterThanOrEqualTo(35 + 2 + training.attendances());

            // The PDF the Trust would send to its board says the same.
            HttpResponse<byte[]> pdf = http.as(trust)
                    .header("Accept", "application/pdf")
                    .getBytes("/api/reports/nominated-representatives?from=2008-04-01&to=2009-03-31");
            assertThat(pdf.statusCode()).isEqualTo(200);
            String text;
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                text = new PDFTextStripper()
                        .getText(document)
                        .replace('\u00A0', ' ')
                        .replaceAll("\\s+", " ");
            }
            assertThat(text).contains("1 April 2008", "31 March 2009", "650");
            assertThat(text).containsPattern("\\b28\\b").containsPattern("\\b35\\b");
            JOINED_IN_2008_09.keySet().forEach(name -> assertThat(text).contains(name));
            assertThat(text).contains(r.path("checkpoint").path("rootHash").asString());

            // Recorded again, nothing changes: the same file records nothing twice.
            Http.Response again = http.as(ADMIN)
                    .post("/api/training-records", "text/csv", training.csv().getBytes(StandardCharsets.UTF_8));
            assertThat(again.json().path("imported").asInt()).isZero();
            JsonNode later = http.as(trust)
                    .get("/api/reports/nominated-representatives?from=2008-04-01&to=2009-03-31")
                    .json();
            assertThat(later.path("training")
                            .path("sinceFirstRecord")
                            .path("people")
                            .asInt())
                    .isEqualTo(650);
        }
    }

    /**
     * The course's three years, 1 April 2006 to 31 March 2009: person i attends on a day spread over the three years,
     * and every 13th person attends a second time a year later (if that is still within the three years).
     */
    record Training(List<String> lines, int attendances, int peopleIn2008To2009) {

        static Training of(List<String> agencies) {
            List<String> lines = new ArrayList<>();
            LocalDate first = LocalDate.of(2006, 4, 1);
            LocalDate periodStart = LocalDate.of(2008, 4, 1);
            LocalDate last = LocalDate.of(2009, 3, 31);
            long days = last.toEpochDay() - first.toEpochDay();
            java.util.Set<Integer> inPeriod = new java.util.HashSet<>();
            for (int i = 0; i < 650; i++) {
                String agency = agencies.get(i % agencies.size());
                // Names as people type them: the second attendance in other case and spacing.
                String name = "Practitioner " + (i + 1);
                LocalDate on = first.plusDays(days * i / 650);
                lines.add(agency + "," + name + ",,MULTI_AGENCY_COURSE," + on + ",,");
                if (!on.isBefore(periodStart)) {
                    inPeriod.add(i);
                }
                LocalDate again = on.plusYears(1);
                if (i % 13 == 0 && !again.isAfter(last)) {
                    lines.add(agency + ",  PRACTITIONER   " + (i + 1) + " ,,MULTI_AGENCY_COURSE," + again + ",,");
                    if (!again.isBefore(periodStart)) {
                        inPeriod.add(i);
                    }
                }
            }
            return new Training(lines, lines.size(), inPeriod.size());
        }

        String csv() {
            return "agencyId,practitioner,username,course,completedOn,assessmentPassed,validUntil\n"
                    + String.join("\n", lines) + "\n";
        }
    }

    private static void sign(Http http, String agencyId, String name, String sector, LocalDate signedOn) {
        Map<String, Object> body = Scenario.agencyBody(agencyId, sector);
        body.put("name", name);
        body.put("signedOn", signedOn.toString());
        body.put("codeOfPracticeVersion", "2008.1");
        Http.Response signed = http.as(ADMIN).post("/api/agencies", body);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
    }

    private static Credentials user(Http http, String username, String agencyId, String... roles) {
        Map<String, Object> body = new java.util.HashMap<>();
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
