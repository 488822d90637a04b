package org.sharingledger.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sharingledger.projections.dashboard.Charts;
import org.sharingledger.projections.pages.Vocabularies;
import org.sharingledger.projections.pages.Vocabulary;

/** The report's PDF read back with PDFBox: the Trust's report, with every figure and name of the hand-built year. */
class AnnualReportPdfTest {

    private static final Vocabulary WORDS = Vocabularies.standalone();
    private static String text;
    private static int pages;

    @BeforeAll
    static void renderTheCountysYear() throws IOException {
        byte[] pdf = AnnualReportPdf.render(
                SampleReports.countyYear(), Charts.funnel(SampleReports.patterns(), WORDS), WORDS);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            pages = document.getNumberOfPages();
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
            text = new PDFTextStripper()
                    .getText(document)
                    .replace('\u00A0', ' ')
                    .replaceAll("\\s+", " ");
        }
    }

    @Test
    void itReadsAsTheTrustsReportForThePeriod() {
        assertThat(text)
                .contains("Nominated Representatives Report")
                .contains("Period: 1 April 2008 to 31 March 2009")
                .contains("Page 1 of " + pages);
    }

    @Test
    void itGivesTheSignatoriesNowAndAYearBeforeAndNamesTheNewOrganisations() {
        assertThat(text)
                .contains("35 Signatories at the end of the period (31 March 2009)")
                .contains("28 Signatories at the start of the period (31 March 2008)");
        for (String name : SampleReports.SEVEN) {
            assertThat(text).contains(name);
        }
        assertThat(text)
                .contains("Aylesbury Holiday Club")
                .contains("30 November 2008")
                .contains("Closed down");
    }

    @Test
    void itGivesThePeopleTrainedInThePeriodAndSinceTheFirstRecordByCourse() {
        assertThat(text)
                .contains("262 People trained in the period")
                .contains("650 People trained since the first record")
                .contains("Multi-agency information sharing course 217 231")
                .contains("Online information sharing course 47 48");
    }

    @Test
    void itGivesTheRequestsAndRefusalsByReason() {
        assertThat(text)
                .contains("1,234 Requests made")
                .contains("1,180 Decided")
                .contains("123 Refused")
                .contains("10.4 % Refusal rate")
                .contains("903 Shared in full")
                .contains("154 Shared in part")
                .contains("41 Became overdue")
                .contains("37 Decided after they were due")
                .contains("52.5 h (2.2 days) Median hours to a decision")
                .contains("Statutory bar 9")
                .contains("No consent, no overriding public interest 14");
    }

    @Test
    void itDrawsTheFunnelPlotAndNamesTheOutliers() {
        assertThat(text)
                .contains("Refusal rates by agency (funnel plot)")
                .contains("Riverside Academy Above the 99.8 % limit 40 45.0 %")
                .as("the plot's axes, drawn as text in the standard font")
                .contains("Requests decided")
                .contains("Refusal rate");
    }

    @Test
    void itGivesEscalationsConsultationsSelfAssessmentAndAgreements() {
        assertThat(text)
                .contains("Line manager 6")
                .contains("Safeguarding partnership (the Trust) 2")
                .contains("Shared after escalation 3")
                .contains("Refusal upheld 4")
                .contains("Still open 1")
                .contains("2009.1")
                .contains("Protocol becomes a Code of Practice")
                .contains("Agrees: 29")
                .contains("27 March 2009")
                .contains("Laming review position statements 35 33")
                .contains("12 In force at the end of the period")
                .contains("3 Due for review");
    }

    @Test
    void itSaysHowToCheckTheFiguresAgainstTheSignedCheckpoint() {
        assertThat(text)
                .contains("How to check these figures")
                .contains("98,765")
                .contains("ROOTHASHROOTHASHROOTHASHROOTHASHROOTHASH123=")
                .contains("SHA256:FINGERPRINT-3f2a9c01")
                .contains("verify --checkpoint checkpoint.txt");
    }

    @Test
    void withNothingDecidedThereIsNoPlotAndTheReportSaysSo() throws IOException {
        byte[] pdf = AnnualReportPdf.render(SampleReports.countyYear(), null, WORDS);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Nothing was decided in the period, so there is no funnel plot.");
        }
    }
}
