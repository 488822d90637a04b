package org.sharingledger.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.projections.agencies.Membership;
import org.sharingledger.projections.csv.Csv;
import org.sharingledger.projections.dashboard.Funnel;
import org.sharingledger.projections.training.TrainingViews;
import org.sharingledger.training.api.Course;

class AnnualReportCsvTest {

    private static AnnualReport report(AnnualReport.Checkpoint checkpoint) {
        Map<Course, TrainingViews.Count> byCourse = new LinkedHashMap<>();
        byCourse.put(Course.MULTI_AGENCY_COURSE, new TrainingViews.Count(700, 650));
        byCourse.put(Course.ONLINE_INFORMATION_SHARING, new TrainingViews.Count(0, 0));
        byCourse.put(Course.AGENCY_COURSE, new TrainingViews.Count(0, 0));
        Map<String, Long> tally = new LinkedHashMap<>();
        tally.put("AGREE", 2L);
        tally.put("DEEMED_AGREED", 31L);
        return new AnnualReport(
                LocalDate.of(2008, 4, 1),
                LocalDate.of(2009, 3, 31),
                new AnnualReport.Signatories(
                        28,
                        35,
                        List.of(new Membership.Joined(
                                "longridge",
                                "Longridge, Marlow",
                                Sector.VOLUNTARY_COMMUNITY,
                                LocalDate.of(2008, 9, 1))),
                        List.of(new Membership.Withdrawn(
                                "old-club", "=HYPERLINK(\"x\")", Sector.OTHER, LocalDate.of(2008, 5, 1), "Closed"))),
                new AnnualReport.Training(
                        new TrainingViews.Count(250, 240), new TrainingViews.Count(700, 650), byCourse),
                new AnnualReport.Requests(10, 8, 5, 1, 2, 0.25, Map.of("STATUTORY_BAR", 2L), 1, 0, 3.5),
                new AnnualReport.Escalations(Map.of("LINE_MANAGER", 1L), Map.of("SHARED", 1L)),
                List.of(new AnnualReport.FunnelOutlier("police", "Police", Funnel.Flag.ABOVE_95, 6, 0.5)),
                List.of(new AnnualReport.ConsultationLine(
                        "2010.1", "Code of Practice", Instant.parse("2009-01-31T17:00:00Z"), tally, null)),
                List.of(new AnnualReport.SelfAssessmentLine("Position statements for the Laming review", 35, 35)),
                new AnnualReport.Agreements(3, 1),
                checkpoint,
                Instant.parse("2026-12-01T09:00:00Z"));
    }

    @Test
    void everyFigureIsARowOfSectionMeasureKeyAndValueAfterAHeader() {
        List<String> lines = Csv.write(AnnualReportCsv.rows(report(
                        new AnnualReport.Checkpoint(1234, "+abc=", Instant.parse("2026-12-01T09:00:00Z"), "3f2a"))))
                .lines()
                .toList();
        assertThat(lines.get(0)).isEqualTo("section,measure,key,value");
        assertThat(lines)
                .contains(
                        "report,from,,2008-04-01",
                        "signatories,atStart,,28",
                        "signatories,atEnd,,35",
                        "signatories,joined.name,longridge,\"Longridge, Marlow\"",
                        "signatories,joined.sector,longridge,VOLUNTARY_COMMUNITY",
                        "signatories,joined.signedOn,longridge,2008-09-01",
                        "signatories,withdrawn.withdrawnOn,old-club,2008-05-01",
                        "training,sinceFirstRecord.people,,650",
                        "training,byCourse.attendances,MULTI_AGENCY_COURSE,700",
                        "requests,refusalRate,,0.25",
                        "requests,refusalsByReason,STATUTORY_BAR,2",
                        "escalations,byStage,LINE_MANAGER,1",
                        "escalations,outcomes,SHARED,1",
                        "funnelOutliers,flag,police,ABOVE_95",
                        "consultations,tally.DEEMED_AGREED,2010.1,31",
                        "consultations,adoptedOn,2010.1,",
                        "selfAssessments,title,1,Position statements for the Laming review",
                        "selfAssessments,returned,1,35",
                        "agreements,reviewDue,,1",
                        "checkpoint,treeSize,,1234");
    }

    @Test
    void aNameOrHashASpreadsheetWouldRunStartsWithAQuote() {
        String csv = Csv.write(AnnualReportCsv.rows(
                report(new AnnualReport.Checkpoint(1234, "+abc=", Instant.parse("2026-12-01T09:00:00Z"), "3f2a"))));
        assertThat(csv).contains("signatories,withdrawn.name,old-club,\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(csv).contains("checkpoint,rootHash,,'+abc=");
    }

    @Test
    void anEmptyLedgerHasNoCheckpointRows() {
        assertThat(Csv.write(AnnualReportCsv.rows(report(null)))).doesNotContain("checkpoint,");
    }
}
