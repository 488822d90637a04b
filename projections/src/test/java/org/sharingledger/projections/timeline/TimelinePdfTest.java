package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sharingledger.evidence.api.Proofs;
import org.sharingledger.projections.pages.Vocabularies;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.Entry;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The PDF export read back with PDFBox: what a review panel sees on each page. */
class TimelinePdfTest {

    private static final Vocabulary WORDS = Vocabularies.standalone();
    private static final Timeline SAMPLE =
            withGeneratedAt(SampleTimelines.refusedEscalatedShared(), Instant.parse("2009-03-09T10:30:00Z"));
    /** A checkpoint of 12 events; the sample's first entry is leaf 3 with a path of two hashes. */
    private static final Proofs SAMPLE_PROOFS = new Proofs(
            new Proofs.SignedCheckpoint(
                    12,
                    "ROOTROOTROOTROOTROOTROOTROOTROOTROOTROOTROO=",
                    Instant.parse("2009-03-09T10:29:00Z"),
                    """
                            sharing-ledger
                            12
                            ROOTROOTROOTROOTROOTROOTROOTROOTROOTROOTROO=
                            time 2009-03-09T10:29:00Z

                            \u2014 sharing-ledger SIGNATURESIGNATURE
                            """,
                    "sharing-ledger+01234567+AKEYKEY",
                    "3f2a 9c01"),
            Map.of(
                    SampleTimelines.refusedEscalatedShared().entries().get(0).position(),
                    new Proofs.InclusionProof(
                            "EVENTHASHEVENTHASHEVENTHASHEVENTHASHEVENTH=",
                            3,
                            12,
                            List.of("PATHONEPATHONEPATHONEPATHONEPATHONEPATHONE=", "PATHTWO="))));

    private static final Proofs NO_PROOFS = new Proofs(null, Map.of());
    private static PDDocument sample;

    @BeforeAll
    static void renderTheSample() throws IOException {
        sample = Loader.loadPDF(TimelinePdf.render(SAMPLE, SAMPLE_PROOFS, WORDS));
    }

    @Test
    void theFirstPageHeaderNamesTheReviewTheReviewerBothTimesAndPageOneOfN() throws IOException {
        int pages = sample.getNumberOfPages();
        String firstPage = text(sample, 1, 1);

        assertThat(sample.getPage(0).getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(), Offset.offset(1f));
        assertThat(firstPage)
                .contains("Serious case review: Child A")
                .contains("Case reviewer: reviewer.smith")
                .contains("As known at: 7 March 2009, 17:15:00 UTC")
                .contains("Generated: 9 March 2009, 10:30:00 UTC")
                .contains("Page 1 of " + pages);
        assertThat(sample.getDocumentInformation().getTitle()).isEqualTo("Timeline: Serious case review: Child A");
    }

    @Test
    void theLastPagesCarryTheCheckpointStatementAndEachStepsEventHashAndAuditPath() throws IOException {
        String all = text(sample, 1, sample.getNumberOfPages());

        assertThat(all)
                .contains("Proof that these steps are in the ledger")
                .contains("covers the first 12 events")
                .contains("ROOTROOTROOTROOTROOTROOTROOTROOTROOTROOTROO=")
                .contains("\u2014 sharing-ledger SIGNATURESIGNATURE")
                .contains("Its fingerprint: 3f2a 9c01")
                .contains("EVENTHASHEVENTHASHEVENTHASHEVENTHASHEVENTH=")
                .contains("PATHONEPATHONEPATHONEPATHONEPATHONEPATHONE=")
                .contains("verify-export timeline.json checkpoint.txt")
                .contains("not yet in a checkpoint");
    }

    @Test
    void withoutACheckpointTheDocumentSaysSo() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(TimelinePdf.render(SAMPLE, NO_PROOFS, WORDS))) {
            assertThat(text(pdf, 1, pdf.getNumberOfPages()))
                    .contains("The ledger had signed no checkpoint when this document was made.");
        }
    }

    @Test
    void theSummaryBlockGivesEveryFigure() throws IOException {
        // In the order the document is written: each figure with its label (by position, a row of figures comes
        // before the row of their labels).
        assertThat(oneLine(new PDFTextStripper().getText(sample)))
                .contains(
                        "1 requests",
                        "0 shared in full",
                        "0 shared in part",
                        "1 refused",
                        "1 escalations",
                        "0 became overdue",
                        "2 agencies involved",
                        "3.0 h median hours to decision");
    }

    @Test
    void everyEntryAppearsInLedgerOrderWithItsEventIdAndPosition() throws IOException {
        String all = text(sample, 1, sample.getNumberOfPages());

        int previous = -1;
        for (Entry entry : SAMPLE.entries()) {
            int at = all.indexOf(oneLine(entry.description()));
            assertThat(at).as(entry.description()).isGreaterThan(previous);
            assertThat(all.indexOf("Event " + entry.eventId() + " Position " + entry.position(), at))
                    .as("event id and position of " + entry.eventId())
                    .isGreaterThan(at);
            previous = at;
        }
    }

    @Test
    void theRefusalRecordedThreeDaysLateIsFlaggedInItsOwnEntry() throws IOException {
        String all = text(sample, 1, sample.getNumberOfPages());
        int requested = all.indexOf(oneLine(SAMPLE.entries().get(0).description()));
        int refused = all.indexOf(oneLine(SAMPLE.entries().get(1).description()));

        int flag = all.indexOf("HAPPENED 2 March 2009, 12:15 UTC RECORDED 5 March 2009, 12:15 UTC "
                + "Recorded 3 days late 2 REFUSED");
        assertThat(flag)
                .as("the refusal's own entry, before its description")
                .isGreaterThan(requested)
                .isLessThan(refused);
        assertThat(count(all, "Recorded 3 days late")).isEqualTo(1);
        assertThat(count(all, "RECORDED "))
                .as("only the late step shows both times")
                .isEqualTo(1);
    }

    @Test
    void everyFieldTheStepsCarryIsShownInWords() throws IOException {
        String all = text(sample, 1, sample.getNumberOfPages());

        assertThat(all)
                .contains(
                        "Asked by County Children's Social Care (Children's social care; id county-csc) of Lowmarsh "
                                + "Constabulary (Ashcombe) (Police; id ashcombe-police)",
                        "By PC Aisha Khan (pc.khan), Practitioner, for Lowmarsh Constabulary (Ashcombe)",
                        "Purpose Child protection enquiry",
                        "About the purpose Section 47 enquiry",
                        "Lawful basis Public task (UK GDPR art. 6(1)(e))",
                        "Consent Not sought: Seeking consent would put the child at risk",
                        "Urgency Urgent (24 hours)",
                        "Information sought Domestic abuse call-outs to the family home in the last 12 months",
                        "Decision due by 3 March 2009, 09:15 UTC",
                        "Reason Disclosure would prejudice an investigation (WOULD_PREJUDICE_INVESTIGATION)",
                        "Rationale A live investigation would be harmed",
                        "Advice sought Force solicitor",
                        "Due by 3 March 2009, 09:15 UTC Decided in time",
                        "Reason given The child is at risk now",
                        "Escalation stage Nominated representative",
                        "Information shared Two call-outs, March and June 2008",
                        "How it was shared Secure email",
                        "Outcome Shared after escalation");
    }

    @Test
    void everyStepReadsWordForWordAsOnTheReviewersPage() throws IOException {
        String page = pageEntries(SAMPLE);
        String pdf = text(sample, 1, sample.getNumberOfPages()).toLowerCase(Locale.UK);

        for (Entry entry : SAMPLE.entries()) {
            String description = oneLine(entry.description());
            String end = "Request " + entry.requestId();
            String step = page.substring(page.indexOf(description), page.indexOf(end, page.indexOf(description))) + end;
            assertThat(step).as("the page's step").contains("Asked by", "Event " + entry.eventId());
            // The PDF's style writes some labels in capitals; the words are the same.
            assertThat(pdf)
                    .as("the PDF reads step " + entry.eventId() + " as the page does")
                    .contains(step.toLowerCase(Locale.UK));
        }
    }

    @Test
    void theDigestOfTheCsvExportIsOnTheLastPageAndInTheFooterOfEveryPage() throws Exception {
        String digest = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(TimelineCsv.render(SAMPLE).getBytes(StandardCharsets.UTF_8)));
        int pages = sample.getNumberOfPages();

        String lastPage = text(sample, pages, pages);
        assertThat(lastPage).contains("Checking this document");
        assertThat(count(lastPage, digest))
                .as("in the closing section and the footer")
                .isEqualTo(2);
        for (int page = 1; page <= pages; page++) {
            assertThat(text(sample, page, page))
                    .contains("Content digest, SHA-256 of the CSV export, UTF-8: " + digest);
        }
    }

    @Test
    void theDigestDoesNotDependOnWhenTheDocumentWasGenerated() {
        Timeline later = withGeneratedAt(SAMPLE, SAMPLE.generatedAt().plus(Duration.ofDays(30)));

        assertThat(TimelinePdf.digest(later))
                .isEqualTo(TimelinePdf.digest(SAMPLE))
                .hasSize(64);
    }

    @Test
    void latin1TextShowsAsWrittenOtherSymbolsAreSpelledOutAndMarkupIsText() throws IOException {
        Entry refused = SAMPLE.entries().get(1);
        String rationale = "Café visit: £250 paid – see note; ≥ 3 call-outs; Łukasz \uD83D\uDE00 bell\u0007\r\n"
                + "<b>Tom & Jerry's \"notes\"</b> <!-- not a comment --> ]]> &amp;";
        Timeline timeline = withEntries(
                SAMPLE,
                List.of(
                        SAMPLE.entries().get(0),
                        rationale(refused, rationale),
                        SAMPLE.entries().get(2)));

        try (PDDocument pdf = Loader.loadPDF(TimelinePdf.render(timeline, NO_PROOFS, WORDS))) {
            String all = text(pdf, 1, pdf.getNumberOfPages());

            assertThat(all)
                    .contains("Café visit: £250 paid – see note; >= 3 call-outs; [U+0141]ukasz [U+1F600] "
                            + "bell[U+0007]")
                    .contains("<b>Tom & Jerry's \"notes\"</b> <!-- not a comment --> ]]> &amp;")
                    .doesNotContain("#250");
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                for (var name : pdf.getPage(page).getResources().getFontNames()) {
                    PDFont font = pdf.getPage(page).getResources().getFont(name);
                    assertThat(font.isEmbedded())
                            .as(font.getName() + " is a standard PDF font")
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aLongTimelineHasTheHeaderAndPageXOfYOnEveryPage() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Entry refused = SAMPLE.entries().get(1);
            entries.add(new Entry(
                    "e" + (1000 + i),
                    1000 + i,
                    refused.requestId(),
                    refused.step(),
                    "Step number " + (i + 1) + " of the long timeline",
                    refused.recordedAt(),
                    refused.occurredAt(),
                    null,
                    refused.requestingAgency(),
                    refused.holdingAgency(),
                    refused.actor(),
                    refused.caseReference(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    refused.dueBy(),
                    null,
                    null,
                    null,
                    refused.rationale(),
                    null,
                    refused.reason(),
                    null,
                    true,
                    null,
                    null,
                    null));
        }
        try (PDDocument pdf = Loader.loadPDF(TimelinePdf.render(withEntries(SAMPLE, entries), NO_PROOFS, WORDS))) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            for (int page = 1; page <= pages; page++) {
                assertThat(text(pdf, page, page))
                        .contains("Serious case review: Child A")
                        .contains("Case reviewer: reviewer.smith")
                        .contains("As known at: 7 March 2009, 17:15:00 UTC")
                        .contains("Page " + page + " of " + pages);
            }
            String all = text(pdf, 1, pages);
            int previous = -1;
            for (int i = 1; i <= 40; i++) {
                int at = all.indexOf("Step number " + i + " of the long timeline");
                assertThat(at).isGreaterThan(previous);
                previous = at;
            }
        }
    }

    @Test
    void stepsRecordedLaterHaveASectionOfTheirOwnAfterTheEntries() throws IOException {
        String all = text(sample, 1, sample.getNumberOfPages());
        assertThat(all).doesNotContain("Recorded later (");

        Entry late = new Entry(
                "e9",
                200,
                SampleTimelines.REQUEST,
                "WITHDRAWN",
                "County Children's Social Care withdrew a second request",
                SAMPLE.asOf().plus(Duration.ofDays(2)),
                SAMPLE.asOf().minus(Duration.ofHours(2)),
                Duration.ofHours(50),
                SampleTimelines.CSC,
                SampleTimelines.POLICE,
                new ActorRef("sw.ferrow", "Tod Ferrow", List.of("PRACTITIONER"), "county-csc"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "No longer needed",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Timeline timeline = new Timeline(
                SAMPLE.asOf(),
                SAMPLE.generatedAt(),
                SAMPLE.review(),
                SAMPLE.reviewer(),
                SAMPLE.grantId(),
                SAMPLE.summary(),
                SAMPLE.entries(),
                List.of(late));

        try (PDDocument pdf = Loader.loadPDF(TimelinePdf.render(timeline, NO_PROOFS, WORDS))) {
            String text = text(pdf, 1, pdf.getNumberOfPages());
            int section = text.indexOf("Recorded later (1)");
            assertThat(section)
                    .isGreaterThan(text.indexOf(oneLine(SAMPLE.entries().get(3).description())));
            assertThat(text.indexOf("County Children's Social Care withdrew a second request"))
                    .isGreaterThan(section);
            assertThat(text)
                    .contains(
                            "Recorded 2 days 2 hours late",
                            "L1 WITHDRAWN",
                            "Reason given No longer needed",
                            "Event e9 Position 200");
        }
    }

    @Test
    void stepsWithoutAnActorOrWithoutAnAgencyAreShownWithWhatTheyHave() throws IOException {
        Entry requested = SAMPLE.entries().get(0);
        Entry overdue = new Entry(
                "e5",
                150,
                requested.requestId(),
                "OVERDUE",
                "The request to Lowmarsh Constabulary (Ashcombe) became overdue",
                requested.dueBy(),
                requested.dueBy(),
                null,
                requested.requestingAgency(),
                requested.holdingAgency(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                requested.dueBy(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        Entry resolved = SAMPLE.entries().get(3);
        Entry byTheTrust = new Entry(
                "e6",
                160,
                resolved.requestId(),
                resolved.step(),
                resolved.description(),
                resolved.recordedAt(),
                resolved.occurredAt(),
                null,
                null,
                null,
                new ActorRef("trust.quint", "Sol Quint", List.of("TRUST_REVIEWER"), null),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "Upheld on appeal",
                null,
                null,
                null,
                null,
                "SAFEGUARDING_PARTNERSHIP",
                "REFUSAL_UPHELD",
                null);

        try (PDDocument pdf = Loader.loadPDF(
                TimelinePdf.render(withEntries(SAMPLE, List.of(overdue, byTheTrust)), NO_PROOFS, WORDS))) {
            assertThat(text(pdf, 1, pdf.getNumberOfPages()))
                    .contains("1 BECAME OVERDUE The request to Lowmarsh Constabulary (Ashcombe) became overdue")
                    .contains("Due by 3 March 2009, 09:15 UTC Event e5 Position 150")
                    .contains("2 ESCALATION RESOLVED " + oneLine(resolved.description()) + " By Sol Quint "
                            + "(trust.quint), Trust reviewer Rationale Upheld on appeal")
                    .contains("Escalation stage Safeguarding partnership (the Trust)")
                    .contains("Outcome Refusal upheld");
        }
    }

    @Test
    void anEmptyTimelineSaysSo() throws IOException {
        Timeline empty = withEntries(SAMPLE, List.of());

        try (PDDocument pdf = Loader.loadPDF(TimelinePdf.render(empty, NO_PROOFS, WORDS))) {
            assertThat(text(pdf, 1, pdf.getNumberOfPages()))
                    .contains("No step had been recorded by 7 March 2009, 17:15:00 UTC.")
                    .contains("Page 1 of " + pdf.getNumberOfPages());
        }
    }

    /**
     * The text of some pages (1-based, inclusive) in the order a person reads it (top to bottom, left to right),
     * every run of white space (no-break spaces too) as one space.
     */
    private static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return oneLine(stripper.getText(pdf));
    }

    /** The steps as the reviewers' page shows them (its entries fragment, in HTML), as text. */
    private static String pageEntries(Timeline timeline) {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver(TimelinePdfTest.class.getClassLoader());
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setCheckExistence(true);
        files.setOrder(1);
        StringTemplateResolver inline = new StringTemplateResolver();
        inline.setTemplateMode(TemplateMode.HTML);
        inline.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolvers(Set.of(files, inline));
        Context context = new Context(Locale.UK);
        context.setVariable("tf", new TimelinePageFormats(WORDS));
        context.setVariable("steps", timeline.entries());
        String html = engine.process(
                "<div th:replace=\"~{timeline-entries :: entries('steps', 'Every step', ${steps}, '')}\"></div>",
                context);
        // Each tag as a space, as the PDF's blocks are; a colon after an inline element stays against it.
        return oneLine(html.replaceAll("<[^>]+>", " ")
                        .replace("&#39;", "'")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&"))
                .replace(" :", ":")
                .strip();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\s\u00A0]+", " ");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static Timeline withGeneratedAt(Timeline t, Instant generatedAt) {
        return new Timeline(
                t.asOf(),
                generatedAt,
                t.review(),
                t.reviewer(),
                t.grantId(),
                t.summary(),
                t.entries(),
                t.recordedLater());
    }

    private static Timeline withEntries(Timeline t, List<Entry> entries) {
        return new Timeline(
                t.asOf(),
                t.generatedAt(),
                t.review(),
                t.reviewer(),
                t.grantId(),
                t.summary(),
                entries,
                t.recordedLater());
    }

    static Entry rationale(Entry e, String rationale) {
        return new Entry(
                e.eventId(),
                e.position(),
                e.requestId(),
                e.step(),
                e.description(),
                e.recordedAt(),
                e.occurredAt(),
                e.lateBy(),
                e.requestingAgency(),
                e.holdingAgency(),
                e.actor(),
                e.caseReference(),
                e.purpose(),
                e.purposeDetail(),
                e.lawfulBasis(),
                e.consent(),
                e.urgency(),
                e.informationSought(),
                e.dueBy(),
                e.scope(),
                e.informationShared(),
                e.method(),
                rationale,
                e.withheldReason(),
                e.reason(),
                e.adviceSought(),
                e.dueMet(),
                e.stage(),
                e.outcome(),
                null);
    }
}
