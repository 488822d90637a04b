package org.sharingledger.projections.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sharingledger.projections.agencies.CommissionedProviders;

/** The JSON shapes of docs/api.md's read side (more fields welcome, none of the named ones missing). */
public final class DashboardViews {

    private DashboardViews() {}

    /**
     * One agency's picture, for its nominated representative and the Trust.
     *
     * @param commissionedProviders the providers it commissions, with those withdrawn or not on the current Code
     *                              flagged: as they stand now, whatever the period
     */
    public record AgencyDashboard(
            String agencyId,
            String name,
            String sector,
            LocalDate from,
            LocalDate to,
            AsHolder asHolder,
            AsRequester asRequester,
            long openEscalations,
            List<Month> monthly,
            CommissionedProviders.Summary commissionedProviders) {}

    /** Requests the agency received (it holds the information), made in the period. */
    public record AsHolder(
            long received,
            long decided,
            long shared,
            long partiallyShared,
            long refused,
            Double refusalRate,
            long awaitingDecision,
            long overdueNow,
            long decidedLate,
            long withdrawn,
            Map<String, Long> refusalsByReason,
            Double medianHoursToDecision,
            Double p90HoursToDecision,
            Double onTimeRate,
            long receivedUnderAgreement) {}

    /** Requests the agency made, in the period, and how their escalations went. */
    public record AsRequester(
            long made,
            Map<String, Long> outcomes,
            long escalationsRaised,
            Map<String, Long> escalationsByStage,
            long sharedAfterEscalation,
            long refusalUpheld,
            long madeUnderAgreement) {}

    /** One calendar month (UTC) of requests. */
    public record Month(String month, long received, long decided, long refused, Double refusalRate) {}

    /** The Trust's view across every signatory. */
    public record RefusalPatterns(
            LocalDate from,
            LocalDate to,
            Double areaRefusalRate,
            List<AgencyPattern> agencies,
            Map<String, Long> refusalsByReason,
            List<SectorCell> sectorMatrix,
            List<Month> monthly,
            long requestsUnderAgreement) {}

    /**
     * The whole area's requests made in the period, every holding agency together.
     *
     * @param overdue              how many became overdue (whether or not they were decided later)
     * @param decidedLate          how many were first decided after they were due
     * @param escalationsByStage   escalations of those requests, by the stage they were raised to
     * @param escalationOutcomes   how those escalations ended: {@code SHARED}, {@code REFUSAL_UPHELD}, or {@code OPEN}
     */
    public record AreaTotals(
            LocalDate from,
            LocalDate to,
            long made,
            long decided,
            long shared,
            long partiallyShared,
            long refused,
            Double refusalRate,
            Map<String, Long> refusalsByReason,
            long overdue,
            long decidedLate,
            Double medianHoursToDecision,
            Map<String, Long> escalationsByStage,
            Map<String, Long> escalationOutcomes) {}

    /** One agency as holder of information, with its funnel-plot limits (null when it decided nothing). */
    public record AgencyPattern(
            String agencyId,
            String name,
            String sector,
            long received,
            long decided,
            long refused,
            Double refusalRate,
            Double overdueRate,
            long escalations,
            Map<String, Long> escalationOutcomes,
            Funnel funnel) {}

    /** Requests from one sector to another. */
    public record SectorCell(
            String requestingSector,
            String holdingSector,
            long requests,
            long decided,
            long refused,
            Double refusalRate) {}

    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
