package org.sharingledger.projections.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.sharingledger.projections.agencies.Membership;
import org.sharingledger.projections.training.TrainingViews;

/**
 * The report as CSV rows (written by {@code Csv}, which quotes and defuses them): a header {@code section, measure,
 * key, value}, then one row per figure, section after section in the order of the JSON. {@code key} names the entry
 * of a list or a map (an agency's id, a course, a reason, a stage, a consultation's version of the Code, a round's
 * place in the list, counted from 1) and is empty for a single figure; a list entry's fields are measures of their
 * own ({@code joined.name}, {@code joined.sector}, {@code joined.signedOn}, all keyed by the agency's id).
 */
final class AnnualReportCsv {

    private AnnualReportCsv() {}

    static List<List<Object>> rows(AnnualReport r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("section", "measure", "key", "value"));
        add(rows, "report", "from", "", r.from());
        add(rows, "report", "to", "", r.to());
        add(rows, "report", "generatedAt", "", r.generatedAt());

        AnnualReport.Signatories s = r.signatories();
        add(rows, "signatories", "atStart", "", s.atStart());
        add(rows, "signatories", "atEnd", "", s.atEnd());
        for (Membership.Joined j : s.joined()) {
            add(rows, "signatories", "joined.name", j.agencyId(), j.name());
            add(rows, "signatories", "joined.sector", j.agencyId(), j.sector());
            add(rows, "signatories", "joined.signedOn", j.agencyId(), j.signedOn());
        }
        for (Membership.Withdrawn w : s.withdrawn()) {
            add(rows, "signatories", "withdrawn.name", w.agencyId(), w.name());
            add(rows, "signatories", "withdrawn.sector", w.agencyId(), w.sector());
            add(rows, "signatories", "withdrawn.withdrawnOn", w.agencyId(), w.withdrawnOn());
            add(rows, "signatories", "withdrawn.reason", w.agencyId(), w.reason());
        }

        AnnualReport.Training t = r.training();
        count(rows, "inPeriod", "", t.inPeriod());
        count(rows, "sinceFirstRecord", "", t.sinceFirstRecord());
        t.byCourse().forEach((course, c) -> count(rows, "byCourse", course.name(), c));

        AnnualReport.Requests q = r.requests();
        add(rows, "requests", "made", "", q.made());
        add(rows, "requests", "decided", "", q.decided());
        add(rows, "requests", "shared", "", q.shared());
        add(rows, "requests", "partiallyShared", "", q.partiallyShared());
        add(rows, "requests", "refused", "", q.refused());
        add(rows, "requests", "refusalRate", "", q.refusalRate());
        map(rows, "requests", "refusalsByReason", q.refusalsByReason());
        add(rows, "requests", "overdue", "", q.overdue());
        add(rows, "requests", "decidedLate", "", q.decidedLate());
        add(rows, "requests", "medianHoursToDecision", "", q.medianHoursToDecision());

        map(rows, "escalations", "byStage", r.escalations().byStage());
        map(rows, "escalations", "outcomes", r.escalations().outcomes());

        for (AnnualReport.FunnelOutlier o : r.funnelOutliers()) {
            add(rows, "funnelOutliers", "name", o.agencyId(), o.name());
            add(rows, "funnelOutliers", "flag", o.agencyId(), o.flag());
            add(rows, "funnelOutliers", "decided", o.agencyId(), o.decided());
            add(rows, "funnelOutliers", "refusalRate", o.agencyId(), o.refusalRate());
        }

        for (AnnualReport.ConsultationLine c : r.consultations()) {
            add(rows, "consultations", "title", c.codeVersion(), c.title());
            add(rows, "consultations", "respondBy", c.codeVersion(), c.respondBy());
            c.tally().forEach((standing, n) -> add(rows, "consultations", "tally." + standing, c.codeVersion(), n));
            add(rows, "consultations", "adoptedOn", c.codeVersion(), c.adoptedOn());
        }

        int round = 0;
        for (AnnualReport.SelfAssessmentLine a : r.selfAssessments()) {
            String key = String.valueOf(++round);
            add(rows, "selfAssessments", "title", key, a.title());
            add(rows, "selfAssessments", "circulated", key, a.circulated());
            add(rows, "selfAssessments", "returned", key, a.returned());
        }

        add(rows, "agreements", "active", "", r.agreements().active());
        add(rows, "agreements", "reviewDue", "", r.agreements().reviewDue());

        AnnualReport.Checkpoint cp = r.checkpoint();
        if (cp != null) {
            add(rows, "checkpoint", "treeSize", "", cp.treeSize());
            add(rows, "checkpoint", "rootHash", "", cp.rootHash());
            add(rows, "checkpoint", "signedAt", "", cp.signedAt());
            add(rows, "checkpoint", "keyFingerprint", "", cp.keyFingerprint());
        }
        return rows;
    }

    private static void count(List<List<Object>> rows, String measure, String key, TrainingViews.Count c) {
        add(rows, "training", measure + ".attendances", key, c.attendances());
        add(rows, "training", measure + ".people", key, c.people());
    }

    private static void map(List<List<Object>> rows, String section, String measure, Map<String, Long> values) {
        values.forEach((key, n) -> add(rows, section, measure, key, n));
    }

    private static void add(List<List<Object>> rows, String section, String measure, String key, Object value) {
        List<Object> row = new ArrayList<>(4);
        Collections.addAll(row, section, measure, key, value);
        rows.add(row);
    }
}
