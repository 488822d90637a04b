package org.sharingledger.projections.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.projections.agencies.Membership;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyPattern;
import org.sharingledger.projections.dashboard.DashboardViews.RefusalPatterns;
import org.sharingledger.projections.dashboard.Funnel;
import org.sharingledger.projections.training.TrainingViews;
import org.sharingledger.training.api.Course;

/** A hand-built report: the county's 2008-09 year, with the seven organisations its report names. */
final class SampleReports {

    static final LocalDate FROM = LocalDate.parse("2008-04-01");
    static final LocalDate TO = LocalDate.parse("2009-03-31");

    static final List<String> SEVEN = List.of(
            "Wycombe Women's Aid",
            "Winslow and Buckingham Young Carers Youth Club",
            "Longridge",
            "Marlow Opportunity Playgroup",
            "Thomley Activity Centre",
            "Central and South Bucks Crossroads",
            "Thames Valley Adventure Playground");

    private SampleReports() {}

    static AnnualReport countyYear() {
        List<Membership.Joined> joined = new java.util.ArrayList<>();
        for (int i = 0; i < SEVEN.size(); i++) {
            joined.add(new Membership.Joined(
                    "joined-" + i, SEVEN.get(i), Sector.VOLUNTARY_COMMUNITY, FROM.plusMonths(i + 1)));
        }
        Map<Course, TrainingViews.Count> byCourse = new LinkedHashMap<>();
        byCourse.put(Course.MULTI_AGENCY_COURSE, new TrainingViews.Count(231, 217));
        byCourse.put(Course.ONLINE_INFORMATION_SHARING, new TrainingViews.Count(48, 47));
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("STATUTORY_BAR", 9L);
        reasons.put("NO_CONSENT_NO_OVERRIDING_PUBLIC_INTEREST", 14L);
        Map<String, Long> byStage = new LinkedHashMap<>();
        byStage.put("LINE_MANAGER", 6L);
        byStage.put("SAFEGUARDING_PARTNERSHIP", 2L);
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("SHARED", 3L);
        outcomes.put("REFUSAL_UPHELD", 4L);
        outcomes.put("OPEN", 1L);
        Map<String, Long> tally = new LinkedHashMap<>();
        tally.put("AGREE", 29L);
        tally.put("OBJECT", 2L);
        tally.put("DEEMED_AGREED", 4L);
        return new AnnualReport(
                FROM,
                TO,
                new AnnualReport.Signatories(
                        28,
                        35,
                        joined,
                        List.of(new Membership.Withdrawn(
                                "gone-1",
                                "Aylesbury Holiday Club",
                                Sector.EARLY_YEARS,
                                LocalDate.parse("2008-11-30"),
                                "Closed down"))),
                new AnnualReport.Training(
                        new TrainingViews.Count(279, 262), new TrainingViews.Count(702, 650), byCourse),
                new AnnualReport.Requests(1234, 1180, 903, 154, 123, 123.0 / 1180, reasons, 41, 37, 52.5),
                new AnnualReport.Escalations(byStage, outcomes),
                List.of(new AnnualReport.FunnelOutlier(
                        "outlier-1", "Riverside Academy", Funnel.Flag.ABOVE_998, 40, 0.45)),
                List.of(new AnnualReport.ConsultationLine(
                        "2009.1",
                        "Protocol becomes a Code of Practice",
                        Instant.parse("2009-03-20T17:00:00Z"),
                        tally,
                        LocalDate.parse("2009-03-27"))),
                List.of(new AnnualReport.SelfAssessmentLine("Laming review position statements", 35, 33)),
                new AnnualReport.Agreements(12, 3),
                new AnnualReport.Checkpoint(
                        98765,
                        "ROOTHASHROOTHASHROOTHASHROOTHASHROOTHASH123=",
                        Instant.parse("2009-04-02T09:00:00Z"),
                        "SHA256:FINGERPRINT-3f2a9c01"),
                Instant.parse("2009-04-02T09:05:00Z"));
    }

    /** The same period's refusal patterns: three agencies, one far above the area's rate. */
    static RefusalPatterns patterns() {
        double area = 123.0 / 1180;
        return new RefusalPatterns(
                FROM,
                TO,
                area,
                List.of(
                        pattern(
                                "a-1",
                                "Riverside Academy",
                                40,
                                18,
                                new Funnel(0.01, 0.2, 0, 0.25, Funnel.Flag.ABOVE_998)),
                        pattern(
                                "a-2",
                                "County Social Care",
                                800,
                                80,
                                new Funnel(0.08, 0.12, 0.07, 0.14, Funnel.Flag.WITHIN)),
                        pattern(
                                "a-3",
                                "Thomley Activity Centre",
                                340,
                                25,
                                new Funnel(0.07, 0.14, 0.05, 0.16, Funnel.Flag.WITHIN))),
                Map.of(),
                List.of(),
                List.of(),
                0,
                0,
                0,
                null);
    }

    private static AgencyPattern pattern(String id, String name, long decided, long refused, Funnel funnel) {
        return new AgencyPattern(
                id,
                name,
                "EDUCATION",
                decided,
                decided,
                refused,
                (double) refused / decided,
                0.0,
                0,
                Map.of(),
                funnel,
                0,
                0,
                null);
    }
}
