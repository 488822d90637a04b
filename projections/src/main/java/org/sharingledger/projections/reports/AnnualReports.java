package org.sharingledger.projections.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.evidence.api.LedgerProofs;
import org.sharingledger.evidence.api.Proofs;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.DateBounds;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.projections.agencies.Membership;
import org.sharingledger.projections.agreements.AgreementViews;
import org.sharingledger.projections.consultations.ConsultationViews;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyPattern;
import org.sharingledger.projections.dashboard.DashboardViews.AreaTotals;
import org.sharingledger.projections.dashboard.Dashboards;
import org.sharingledger.projections.dashboard.Funnel;
import org.sharingledger.projections.selfassessments.SelfAssessmentViews;
import org.sharingledger.projections.training.TrainingViews;
import org.sharingledger.training.api.Course;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the nominated representatives' report for a period from what the read models already hold, by the dates
 * things happened: the register ({@link Membership}), training ({@link TrainingViews}), requests and escalations (the
 * dashboards' daily totals, {@link Dashboards}), consultations, self-assessment rounds and agreements. Every figure is
 * read in one read-only, repeatable-read transaction, so all of them see the same committed events; then it names the
 * signed checkpoint it was computed at ({@link LedgerProofs}), signed after that snapshot, so that every event the
 * figures were read from is under it (the streaming dashboards may still lag it by a moment; see
 * docs/annual-report.md).
 */
@Service
public class AnnualReports {

    private final Membership membership;
    private final TrainingViews training;
    private final Dashboards dashboards;
    private final ConsultationViews consultations;
    private final SelfAssessmentViews selfAssessments;
    private final AgreementViews agreements;
    private final LedgerProofs proofs;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    AnnualReports(
            Membership membership,
            TrainingViews training,
            Dashboards dashboards,
            ConsultationViews consultations,
            SelfAssessmentViews selfAssessments,
            AgreementViews agreements,
            LedgerProofs proofs,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.membership = membership;
        this.training = training;
        this.dashboards = dashboards;
        this.consultations = consultations;
        this.selfAssessments = selfAssessments;
        this.agreements = agreements;
        this.proofs = proofs;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** Who may read the report: the Trust ({@code TRUST_REVIEWER}) and an {@code ADMIN}; 403 for anyone else. */
    public static void requireReader(Actor actor) {
        if (!actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)) {
            throw new NotPermitted("only a TRUST_REVIEWER or an ADMIN may read the nominated representatives' report");
        }
    }

    /**
     * The period's problems, each naming its parameter: both days are required, {@code from} not after {@code to},
     * within {@link DateBounds}. Empty when the period is good.
     */
    public List<FieldProblem> problems(LocalDate from, LocalDate to) {
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new FieldProblem("from", "is required (YYYY-MM-DD)"));
        }
        if (to == null) {
            problems.add(new FieldProblem("to", "is required (YYYY-MM-DD)"));
        }
        problems.addAll(DateBounds.problems("from", from, "to", to, clock));
        return problems;
    }

    /**
     * The report for the whole days {@code from} to {@code to} (inclusive, UTC); 400 naming the parameter when the
     * period is not good (see {@link #problems}). It signs a checkpoint over every event committed so far.
     */
    public AnnualReport compute(LocalDate from, LocalDate to) {
        List<FieldProblem> problems = problems(from, to);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        AnnualReport figures = snapshot.execute(status -> figures(from, to));
        // Signed after the snapshot, so that every event the figures were read from is under it.
        Proofs.SignedCheckpoint signed = proofs.prove(List.of()).checkpoint();
        AnnualReport.Checkpoint checkpoint = signed == null
                ? null
                : new AnnualReport.Checkpoint(
                        signed.treeSize(), signed.rootHash(), signed.signedAt(), signed.keyFingerprint());
        return new AnnualReport(
                figures.from(),
                figures.to(),
                figures.signatories(),
                figures.training(),
                figures.requests(),
                figures.escalations(),
                figures.funnelOutliers(),
                figures.consultations(),
                figures.selfAssessments(),
                figures.agreements(),
                checkpoint,
                figures.generatedAt());
    }

    /** Every figure of the report, without its checkpoint. */
    private AnnualReport figures(LocalDate from, LocalDate to) {
        Dashboards.Period period = new Dashboards.Period(from, to);

        Membership.Changes changes = membership.between(from, to);
        AnnualReport.Signatories signatories =
                new AnnualReport.Signatories(changes.atStart(), changes.atEnd(), changes.joined(), changes.withdrawn());

        TrainingViews.Summary inPeriod = training.summary(from, to, null);
        TrainingViews.Summary upToEnd = training.summary(null, to, null);
        Map<Course, TrainingViews.Count> byCourse = new LinkedHashMap<>(inPeriod.byCourse());
        AnnualReport.Training trained = new AnnualReport.Training(
                new TrainingViews.Count(inPeriod.attendances(), inPeriod.people()),
                new TrainingViews.Count(upToEnd.attendances(), upToEnd.people()),
                byCourse);

        AreaTotals totals = dashboards.areaTotals(period);
        AnnualReport.Requests requests = new AnnualReport.Requests(
                totals.made(),
                totals.decided(),
                totals.shared(),
                totals.partiallyShared(),
                totals.refused(),
                totals.refusalRate(),
                totals.refusalsByReason(),
                totals.overdue(),
                totals.decidedLate(),
                totals.medianHoursToDecision());
        AnnualReport.Escalations escalations =
                new AnnualReport.Escalations(totals.escalationsByStage(), totals.escalationOutcomes());

        List<AnnualReport.FunnelOutlier> outliers = new ArrayList<>();
        for (AgencyPattern agency : dashboards.refusalPatterns(period).agencies()) {
            Funnel funnel = agency.funnel();
            if (funnel != null && funnel.flag() != Funnel.Flag.WITHIN) {
                outliers.add(new AnnualReport.FunnelOutlier(
                        agency.agencyId(), agency.name(), funnel.flag(), agency.decided(), agency.refusalRate()));
            }
        }

        List<AnnualReport.ConsultationLine> consulted = consultations.respondByBetween(from, to).stream()
                .map(c -> new AnnualReport.ConsultationLine(
                        c.codeVersion(), c.title(), c.respondBy(), longs(c.tally()), c.adoptedOn()))
                .toList();

        List<AnnualReport.SelfAssessmentLine> rounds = selfAssessments.openedBetween(from, to).stream()
                .map(r -> new AnnualReport.SelfAssessmentLine(r.title(), r.circulated(), r.returned()))
                .toList();

        Map<AgreementStatus, Long> standing = agreements.standingOn(to);
        AnnualReport.Agreements agreed = new AnnualReport.Agreements(
                standing.getOrDefault(AgreementStatus.ACTIVE, 0L),
                standing.getOrDefault(AgreementStatus.REVIEW_DUE, 0L));

        return new AnnualReport(
                from,
                to,
                signatories,
                trained,
                requests,
                escalations,
                List.copyOf(outliers),
                consulted,
                rounds,
                agreed,
                null,
                clock.instant());
    }

    private static Map<String, Long> longs(Map<String, Integer> tally) {
        Map<String, Long> counts = new LinkedHashMap<>();
        tally.forEach((key, n) -> counts.put(key, n.longValue()));
        return counts;
    }
}
