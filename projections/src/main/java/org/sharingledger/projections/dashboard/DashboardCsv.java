package org.sharingledger.projections.dashboard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.sharingledger.projections.csv.Csv;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyDashboard;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyPattern;
import org.sharingledger.projections.dashboard.DashboardViews.Month;
import org.sharingledger.projections.dashboard.DashboardViews.RefusalPatterns;
import org.sharingledger.projections.dashboard.DashboardViews.SectorCell;

/** The dashboards as CSV (RFC 4180, written by {@link Csv}): a header row, then one row per figure or per agency. */
final class DashboardCsv {

    private DashboardCsv() {}

    static List<List<Object>> agency(AgencyDashboard d) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("section", "metric", "key", "value"));
        var h = d.asHolder();
        add(rows, "asHolder", "received", h.received());
        add(rows, "asHolder", "decided", h.decided());
        add(rows, "asHolder", "shared", h.shared());
        add(rows, "asHolder", "partiallyShared", h.partiallyShared());
        add(rows, "asHolder", "refused", h.refused());
        add(rows, "asHolder", "refusalRate", h.refusalRate());
        add(rows, "asHolder", "awaitingDecision", h.awaitingDecision());
        add(rows, "asHolder", "overdueNow", h.overdueNow());
        add(rows, "asHolder", "decidedLate", h.decidedLate());
        add(rows, "asHolder", "withdrawn", h.withdrawn());
        h.refusalsByReason().forEach((reason, n) -> rows.add(row("asHolder", "refusalsByReason", reason, n)));
        add(rows, "asHolder", "medianHoursToDecision", h.medianHoursToDecision());
        add(rows, "asHolder", "p90HoursToDecision", h.p90HoursToDecision());
        add(rows, "asHolder", "onTimeRate", h.onTimeRate());
        add(rows, "asHolder", "receivedUnderAgreement", h.receivedUnderAgreement());
        add(rows, "asHolder", "decisionsWithAccreditationKnown", h.decisionsWithAccreditationKnown());
        add(rows, "asHolder", "decisionsByAccredited", h.decisionsByAccredited());
        add(rows, "asHolder", "accreditedDecisionRate", h.accreditedDecisionRate());
        var r = d.asRequester();
        add(rows, "asRequester", "made", r.made());
        r.outcomes().forEach((status, n) -> rows.add(row("asRequester", "outcomes", status, n)));
        add(rows, "asRequester", "escalationsRaised", r.escalationsRaised());
        r.escalationsByStage().forEach((stage, n) -> rows.add(row("asRequester", "escalationsByStage", stage, n)));
        add(rows, "asRequester", "sharedAfterEscalation", r.sharedAfterEscalation());
        add(rows, "asRequester", "refusalUpheld", r.refusalUpheld());
        add(rows, "asRequester", "madeUnderAgreement", r.madeUnderAgreement());
        add(rows, "", "openEscalations", d.openEscalations());
        for (Month m : d.monthly()) {
            rows.add(row("monthly", "received", m.month(), m.received()));
            rows.add(row("monthly", "decided", m.month(), m.decided()));
            rows.add(row("monthly", "refused", m.month(), m.refused()));
            rows.add(row("monthly", "refusalRate", m.month(), m.refusalRate()));
        }
        var c = d.commissionedProviders();
        add(rows, "commissionedProviders", "total", c.total());
        c.withdrawn().forEach(p -> rows.add(row("commissionedProviders", "withdrawn", p.agencyId(), p.withdrawnOn())));
        c.notOnCurrentVersion()
                .forEach(p -> rows.add(
                        row("commissionedProviders", "notOnCurrentVersion", p.agencyId(), p.codeOfPracticeVersion())));
        return rows;
    }

    static List<List<Object>> agencies(RefusalPatterns p) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(
                "agencyId",
                "name",
                "sector",
                "received",
                "decided",
                "refused",
                "refusalRate",
                "areaRefusalRate",
                "overdueRate",
                "escalations",
                "lower95",
                "upper95",
                "lower998",
                "upper998",
                "flag",
                "decisionsWithAccreditationKnown",
                "decisionsByAccredited",
                "accreditedDecisionRate",
                "areaAccreditedDecisionRate"));
        for (AgencyPattern a : p.agencies()) {
            Funnel f = a.funnel();
            rows.add(list(
                    a.agencyId(),
                    a.name(),
                    a.sector(),
                    a.received(),
                    a.decided(),
                    a.refused(),
                    a.refusalRate(),
                    p.areaRefusalRate(),
                    a.overdueRate(),
                    a.escalations(),
                    f == null ? null : f.lower95(),
                    f == null ? null : f.upper95(),
                    f == null ? null : f.lower998(),
                    f == null ? null : f.upper998(),
                    f == null ? null : f.flag(),
                    a.decisionsWithAccreditationKnown(),
                    a.decisionsByAccredited(),
                    a.accreditedDecisionRate(),
                    p.areaAccreditedDecisionRate()));
        }
        return rows;
    }

    static List<List<Object>> matrix(RefusalPatterns p) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("requestingSector", "holdingSector", "requests", "decided", "refused", "refusalRate"));
        for (SectorCell c : p.sectorMatrix()) {
            rows.add(list(
                    c.requestingSector(), c.holdingSector(), c.requests(), c.decided(), c.refused(), c.refusalRate()));
        }
        return rows;
    }

    static List<List<Object>> monthly(List<Month> months) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("month", "received", "decided", "refused", "refusalRate"));
        for (Month m : months) {
            rows.add(list(m.month(), m.received(), m.decided(), m.refused(), m.refusalRate()));
        }
        return rows;
    }

    static List<List<Object>> reasons(Map<String, Long> byReason) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("reason", "refused"));
        byReason.forEach((reason, n) -> rows.add(list(reason, n)));
        return rows;
    }

    static String write(List<List<Object>> rows) {
        return Csv.write(rows);
    }

    private static void add(List<List<Object>> rows, String section, String metric, Object value) {
        rows.add(row(section, metric, "", value));
    }

    private static List<Object> row(String section, String metric, String key, Object value) {
        return list(section, metric, key, value);
    }

    private static List<Object> list(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        Collections.addAll(row, values);
        return row;
    }
}
