package org.sharingledger.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * The Trust's "Yearly report" page over plain HTTP: the period chosen with GOV.UK date inputs (by default the last
 * complete April-to-March year), its headline figures, the downloads (the PDF read back with PDFBox has the figures of
 * the API's JSON for the same period), bad dates in the error summary, and who may see it. Its historical figures are
 * in 1995-96, a year no other test uses.
 */
class AnnualReportPagesIT extends IntegrationTest {

    private static final String PAGE = "/reports/nominated-representatives";
    private static final String YEAR = "?fromDay=1&fromMonth=4&fromYear=1995&toDay=31&toMonth=3&toYear=1996";

    private PageSession signedIn(Credentials credentials) {
        PageSession page = new PageSession(port);
        page.signIn(credentials);
        return page;
    }

    private String signed(String sector, String signedOn) {
        String agencyId = Scenario.unique("report-page");
        Map<String, Object> body = Scenario.agencyBody(agencyId, sector);
        body.put("signedOn", signedOn);
        Response response = scenario.signAgency(body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return agencyId;
    }

    private void trained(String agencyId, String practitioner, String completedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("practitioner", practitioner);
        body.put("course", "MULTI_AGENCY_COURSE");
        body.put("completedOn", completedOn);
        Response response = http.as(Scenario.ADMIN).post("/api/training-records", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void theTrustChoosesAPeriodSeesTheHeadlineFiguresAndDownloadsThePdfWithTheJsonsFigures() throws IOException {
        String joined = signed("EARLY_YEARS", "1995-07-01");
        trained(joined, "Ruth Green", "1995-09-12");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        PageSession page = signedIn(trust);

        HttpResponse<String> shown = page.get(PAGE + YEAR);
        JsonNode json = http.as(trust)
                .get("/api/reports/nominated-representatives?from=1995-04-01&to=1996-03-31")
                .json();

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("1 April 1995 to 31 March 1996")
                .contains("id=\"signatories-at-end\">"
                        + json.path("signatories").path("atEnd").asLong() + "<")
                .contains("id=\"signatories-at-start\">"
                        + json.path("signatories").path("atStart").asLong() + "<")
                .contains("Agency " + joined)
                .contains("id=\"trained-in-period\">"
                        + json.path("training").path("inPeriod").path("people").asLong() + "<")
                .contains("href=\"/reports/nominated-representatives.pdf?from=1995-04-01&amp;to=1996-03-31\"")
                .contains("href=\"/reports/nominated-representatives.csv?from=1995-04-01&amp;to=1996-03-31\"")
                .contains("href=\"/reports/nominated-representatives.json?from=1995-04-01&amp;to=1996-03-31\"")
                .contains("aria-current=\"page\">Yearly report</a>");

        HttpResponse<byte[]> pdf = page.getBytes(PAGE + ".pdf?from=1995-04-01&to=1996-03-31");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"nominated-representatives-1995-04-01-to-1996-03-31.pdf\"");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper()
                    .getText(document)
                    .replace('\u00A0', ' ')
                    .replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Period: 1 April 1995 to 31 March 1996")
                    .contains(json.path("signatories").path("atEnd").asLong() + " Signatories at the end of the period")
                    .contains(json.path("signatories").path("atStart").asLong()
                            + " Signatories at the start of the period")
                    .contains("Agency " + joined)
                    .contains(json.path("training")
                                    .path("inPeriod")
                                    .path("people")
                                    .asLong() + " People trained in the period");
        }

        HttpResponse<byte[]> csv = page.getBytes(PAGE + ".csv?from=1995-04-01&to=1996-03-31");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .startsWith("section,measure,key,value")
                .contains("signatories,joined.name," + joined + ",Agency " + joined);
        HttpResponse<byte[]> download = page.getBytes(PAGE + ".json?from=1995-04-01&to=1996-03-31");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("nominated-representatives-1995-04-01-to-1996-03-31.json");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains("\"from\":\"1995-04-01\"");
    }

    @Test
    void byDefaultThePeriodIsTheLastCompleteYearFromAprilToMarch() {
        PageSession admin = signedIn(Scenario.ADMIN);
        LocalDate[] year = AnnualReportPages.lastCompleteYear(LocalDate.now(java.time.ZoneOffset.UTC));

        HttpResponse<String> shown = admin.get(PAGE);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(year[0].getMonthValue()).isEqualTo(4);
        assertThat(year[1]).isEqualTo(year[0].plusYears(1).minusDays(1));
        assertThat(shown.body())
                .contains("id=\"from-year\" name=\"fromYear\"")
                .contains("value=\"" + year[0].getYear() + "\"")
                .contains("?from=" + year[0] + "&amp;to=" + year[1]);
        assertThat(AnnualReportPages.lastCompleteYear(LocalDate.parse("2026-12-01")))
                .containsExactly(LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"));
        assertThat(AnnualReportPages.lastCompleteYear(LocalDate.parse("2026-03-31")))
                .containsExactly(LocalDate.parse("2024-04-01"), LocalDate.parse("2025-03-31"));
        assertThat(AnnualReportPages.lastCompleteYear(LocalDate.parse("2026-04-01")))
                .containsExactly(LocalDate.parse("2025-04-01"), LocalDate.parse("2026-03-31"));
    }

    @Test
    void badDatesComeBackInTheErrorSummaryLinkingToTheFieldWithTheEntriesKept() {
        PageSession trust = signedIn(scenario.user(null, "TRUST_REVIEWER"));
        long recorded = events();

        HttpResponse<String> notADate =
                trust.get(PAGE + "?fromDay=31&fromMonth=2&fromYear=2009&toDay=31&toMonth=3&toYear=2010");
        HttpResponse<String> missing = trust.get(PAGE + "?fromDay=1&fromMonth=4&fromYear=2009&toDay=&toMonth=&toYear=");
        HttpResponse<String> partial =
                trust.get(PAGE + "?fromDay=1&fromMonth=&fromYear=2009&toDay=31&toMonth=3&toYear=2010");
        HttpResponse<String> backwards =
                trust.get(PAGE + "?fromDay=1&fromMonth=4&fromYear=2010&toDay=31&toMonth=3&toYear=2010");
        HttpResponse<String> tooEarly =
                trust.get(PAGE + "?fromDay=1&fromMonth=4&fromYear=1989&toDay=31&toMonth=3&toYear=1990");
        HttpResponse<String> words =
                trust.get(PAGE + "?fromDay=first&fromMonth=April&fromYear=09&toDay=31&toMonth=3&toYear=2010");

        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#from-day\">The first day of the period must be a real date")
                .contains("id=\"from-error\"")
                .contains("id=\"from-day\" name=\"fromDay\"")
                .contains("maxlength=\"2\" value=\"31\" aria-invalid=\"true\"")
                .doesNotContain("id=\"download-pdf\"");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("href=\"#to-day\">Enter the last day of the period");
        assertThat(partial.statusCode()).isEqualTo(400);
        assertThat(partial.body()).contains("href=\"#from-day\">The first day of the period must include a day");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body())
                .contains("href=\"#from-day\">The first day of the period must be on or before the last day");
        assertThat(tooEarly.statusCode()).isEqualTo(400);
        assertThat(tooEarly.body()).contains("href=\"#from-day\">The first day of the period must not be before");
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(words.body()).contains("href=\"#from-day\">The first day of the period must be a real date");

        HttpResponse<byte[]> badDownload = trust.getBytes(PAGE + ".pdf?from=1995-04-01");
        assertThat(badDownload.statusCode()).isEqualTo(400);
        assertThat(events()).as("a page that asks records nothing").isEqualTo(recorded);
    }

    @Test
    void onlyTheTrustAndAdministratorsSeeThePageAndItsDownloads() {
        String agencyId = scenario.agency("HEALTH");
        PageSession representative = signedIn(scenario.user(agencyId, "NOMINATED_REPRESENTATIVE"));
        PageSession practitioner = signedIn(scenario.user(agencyId, "PRACTITIONER"));
        long denied = events("AccessDenied");

        assertThat(representative.get(PAGE).statusCode()).isEqualTo(403);
        assertThat(practitioner.get(PAGE + YEAR).statusCode()).isEqualTo(403);
        assertThat(practitioner
                        .getBytes(PAGE + ".pdf?from=1995-04-01&to=1996-03-31")
                        .statusCode())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 3);
        assertThat(representative.get("/requests").body()).doesNotContain("href=\"" + PAGE + "\"");
        assertThat(signedIn(scenario.user(null, "TRUST_REVIEWER"))
                        .get("/requests")
                        .body())
                .contains("href=\"" + PAGE + "\"");

        HttpResponse<String> anonymous = new PageSession(port).get(PAGE);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<byte[]> anonymousPdf = new PageSession(port).getBytes(PAGE + ".pdf?from=1995-04-01&to=1996-03-31");
        assertThat(anonymousPdf.statusCode()).isEqualTo(302);
        assertThat(http.anonymous().get(PAGE).status())
                .as("the API's Basic credentials are not a page session")
                .isIn(302, 401);
    }
}
