package org.sharingledger.projections.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.projections.csv.Csv;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The nominated representatives' report as JSON and as CSV ({@code Accept: text/csv}), as the dashboards negotiate
 * theirs. {@code application/pdf} on the same path is another controller's.
 */
@RestController
@Tag(name = "Reports", description = "The nominated representatives' yearly report, computed from the ledger")
class AnnualReportController {

    static final String PATH = "/api/reports/nominated-representatives";
    static final String CSV = "text/csv";

    private final AnnualReports reports;

    AnnualReportController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = PATH, produces = "application/json")
    @Operation(
            summary = "The nominated representatives' report for a period (TRUST_REVIEWER or ADMIN)",
            description = "from and to: whole days, inclusive, UTC, both required. Signatories the day before from and"
                    + " on to, who joined and who withdrew; training; requests made in the period and their"
                    + " escalations; funnel-plot outliers; consultations due in the period; self-assessment rounds"
                    + " opened in it; agreements on to; and the signed checkpoint the figures were computed at."
                    + " Everything counts by the day it happened, whenever it was recorded. Accept: text/csv gives"
                    + " the same figures as rows of section,measure,key,value; application/pdf, the printed report.")
    public AnnualReport report(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AnnualReports.requireReader(CurrentActor.get());
        return reports.compute(from, to);
    }

    @GetMapping(path = PATH, produces = CSV)
    public ResponseEntity<String> csv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AnnualReport report = report(from, to);
        return ResponseEntity.ok()
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + AnnualReportPdfs.fileName(report, "csv") + "\"")
                .body(Csv.write(AnnualReportCsv.rows(report)));
    }
}
