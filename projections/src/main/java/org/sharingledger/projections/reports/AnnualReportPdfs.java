package org.sharingledger.projections.reports;

import org.sharingledger.projections.dashboard.Charts;
import org.sharingledger.projections.dashboard.Dashboards;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * A computed report as its PDF, with the funnel plot of the same period's refusal patterns: for the API
 * ({@link AnnualReportPdfController}) and the page's download ({@link AnnualReportPages}) alike.
 */
@Component
class AnnualReportPdfs {

    private final Dashboards dashboards;
    private final Vocabulary words;

    AnnualReportPdfs(Dashboards dashboards, Vocabulary words) {
        this.dashboards = dashboards;
        this.words = words;
    }

    byte[] render(AnnualReport report) {
        Charts.FunnelPlot funnel =
                Charts.funnel(dashboards.refusalPatterns(new Dashboards.Period(report.from(), report.to())), words);
        return AnnualReportPdf.render(report, funnel, words);
    }

    /** {@code nominated-representatives-<from>-to-<to>.<extension>}, the name of every download of the report. */
    static String fileName(AnnualReport report, String extension) {
        return "nominated-representatives-" + report.from() + "-to-" + report.to() + "." + extension;
    }
}
