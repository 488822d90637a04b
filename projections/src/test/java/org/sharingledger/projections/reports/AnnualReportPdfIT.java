package org.sharingledger.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sharingledger.projections.pages.Figures;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * The report as a PDF through HTTP ({@code Accept: application/pdf}): the figures of the JSON for the same period,
 * read back with PDFBox, as an attachment; the same roles and the same period rules as the JSON. Its historical
 * figures are in 1991-92, a year no other test uses.
 */
class AnnualReportPdfIT extends IntegrationTest {

    private static final String PATH = "/api/reports/nominated-representatives";
    private static final String YEAR = "?from=1991-04-01&to=1992-03-31";
    private static final String PDF = "application/pdf";

    private String signed(String sector, String signedOn) {
        String agencyId = Scenario.unique("report-pdf");
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

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper()
                    .getText(document)
                    .replace('\u00A0', ' ')
                    .replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePdfHasTheFiguresAndNamesOfTheJsonForTheSamePeriod() throws IOException {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String before = signed("HEALTH", "1990-06-01");
        String joined = signed("VOLUNTARY_COMMUNITY", "1991-09-01");
        trained(before, "Mary Hall", "1991-05-02");
        trained(joined, "Tom Reed", "1991-10-15");

        Response json = http.as(trust).get(PATH + YEAR);
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        HttpResponse<byte[]> pdf = http.as(trust).header("Accept", PDF).getBytes(PATH + YEAR);
        JsonNode again = http.as(trust).get(PATH + YEAR).json();

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue(PDF);
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"nominated-representatives-1991-04-01-to-1992-03-31.pdf\"");
        String text = text(pdf.body());
        JsonNode report = json.json();
        JsonNode signatories = report.path("signatories");
        assertThat(text)
                .contains("Nominated Representatives Report")
                .contains("Period: 1 April 1991 to 31 March 1992")
                .contains(Figures.count(signatories.path("atEnd").asLong())
                        + " Signatories at the end of the period (31 March 1992)")
                .contains(Figures.count(signatories.path("atStart").asLong())
                        + " Signatories at the start of the period (31 March 1991)")
                .contains(Figures.count(signatories.path("joined").size()) + " Organisations that signed in the period")
                .contains("Agency " + joined)
                .contains(Figures.count(report.path("training")
                                .path("inPeriod")
                                .path("people")
                                .asLong())
                        + " People trained in the period")
                .contains(Figures.count(report.path("training")
                                .path("sinceFirstRecord")
                                .path("people")
                                .asLong())
                        + " People trained since the first record")
                .contains(Figures.count(report.path("requests").path("made").asLong()) + " Requests made")
                .contains("How to check these figures");
        signatories
                .path("joined")
                .forEach(j -> assertThat(text).contains(j.path("name").asString()));
        if (report.path("checkpoint").equals(again.path("checkpoint"))
                && !report.path("checkpoint").isNull()) {
            // nothing was committed between the two answers: the PDF was computed at the same checkpoint
            assertThat(text)
                    .contains(Figures.count(
                            report.path("checkpoint").path("treeSize").asLong()))
                    .contains(report.path("checkpoint").path("rootHash").asString());
        }
    }

    @Test
    void theTrustAndAdministratorsMayHaveItAndNoOneElse() {
        String agency = scenario.agency("HEALTH");
        Credentials representative = scenario.user(agency, "NOMINATED_REPRESENTATIVE");
        Credentials practitioner = scenario.user(agency, "PRACTITIONER");
        assertThat(http.anonymous().header("Accept", PDF).getBytes(PATH + YEAR).statusCode())
                .isEqualTo(401);
        long denied = events("AccessDenied");
        assertThat(http.as(representative)
                        .header("Accept", PDF)
                        .getBytes(PATH + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(http.as(practitioner)
                        .header("Accept", PDF)
                        .getBytes(PATH + YEAR)
                        .statusCode())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 2);
        HttpResponse<byte[]> admin =
                http.as(Scenario.ADMIN).header("Accept", PDF).getBytes(PATH + YEAR);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(new String(admin.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void aBadPeriodIsAProblemNamingTheParameterNotAPdf() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        long recorded = events();
        Map<String, String> bad = Map.of(
                "", "from",
                "?from=1991-04-01", "to",
                "?from=1992-04-01&to=1992-03-31", "from",
                "?from=1991-13-01&to=1992-03-31", "from",
                "?from=April&to=1992-03-31", "from",
                "?from=1989-04-01&to=1990-03-31", "from");
        bad.forEach((query, field) -> {
            Response response = http.as(trust).header("Accept", PDF).get(PATH + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
            assertThat(response.errorFields()).as(query).contains(field);
        });
        assertThat(events()).as("a query records nothing").isEqualTo(recorded);
    }
}
