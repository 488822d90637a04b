package org.sharingledger.projections.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sharingledger.projections.agencies.Membership;
import org.sharingledger.projections.dashboard.Funnel;
import org.sharingledger.projections.training.TrainingViews;
import org.sharingledger.training.api.Course;

/**
 * The nominated representatives' report for a period ({@code from} and {@code to} whole days, inclusive): the JSON of
 * {@code GET /api/reports/nominated-representatives}, from which the CSV and the PDF are made. Everything counts by
 * the day it happened (signed, withdrawn, completed, requested), whenever it was recorded.
 *
 * @param checkpoint the signed checkpoint the figures were computed at, so that they can be proved later
 */
public record AnnualReport(
        LocalDate from,
        LocalDate to,
        Signatories signatories,
        Training training,
        Requests requests,
        Escalations escalations,
        List<FunnelOutlier> funnelOutliers,
        List<ConsultationLine> consultations,
        List<SelfAssessmentLine> selfAssessments,
        Agreements agreements,
        Checkpoint checkpoint,
        Instant generatedAt) {

    /** Signed the day before {@code from} and on {@code to}; who joined and who withdrew between. */
    public record Signatories(
            long atStart, long atEnd, List<Membership.Joined> joined, List<Membership.Withdrawn> withdrawn) {}

    /** Courses completed in the period, since the first record up to {@code to}, and in the period by course. */
    public record Training(
            TrainingViews.Count inPeriod,
            TrainingViews.Count sinceFirstRecord,
            Map<Course, TrainingViews.Count> byCourse) {}

    /**
     * Requests made in the period and their first decisions; {@code refusalRate} is refused over decided (null when
     * nothing was decided); {@code overdue}, those that became overdue; {@code decidedLate}, decided after due.
     */
    public record Requests(
            long made,
            long decided,
            long shared,
            long partiallyShared,
            long refused,
            Double refusalRate,
            Map<String, Long> refusalsByReason,
            long overdue,
            long decidedLate,
            Double medianHoursToDecision) {}

    /** Escalations raised in the period by stage, and how they ended ({@code SHARED}, {@code REFUSAL_UPHELD}, open). */
    public record Escalations(Map<String, Long> byStage, Map<String, Long> outcomes) {}

    /** An agency whose refusal rate lies outside the funnel plot's 95 % limits. */
    public record FunnelOutlier(String agencyId, String name, Funnel.Flag flag, long decided, Double refusalRate) {}

    /** A consultation whose answers were due in the period: its tally and, if adopted, the day. */
    public record ConsultationLine(
            String codeVersion, String title, Instant respondBy, Map<String, Long> tally, LocalDate adoptedOn) {}

    /** A self-assessment round opened in the period. */
    public record SelfAssessmentLine(String title, long circulated, long returned) {}

    /** Information Sharing Protocols in force on {@code to}, and those due for review. */
    public record Agreements(long active, long reviewDue) {}

    /** The signed checkpoint: the tree over the first {@code treeSize} events has root {@code rootHash}. */
    public record Checkpoint(long treeSize, String rootHash, Instant signedAt, String keyFingerprint) {}
}
