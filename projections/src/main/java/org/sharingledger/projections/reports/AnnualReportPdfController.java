package org.sharingledger.projections.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.sharingledger.kernel.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The nominated representatives' report as the Trust's printed report ({@code Accept: application/pdf}), on the path
 * whose JSON and CSV {@link AnnualReportController} serves: the same roles, the same period rules, the same figures.
 */
@RestController
@Tag(name = "Reports", description = "The nominated representatives' yearly report, computed from the ledger")
class AnnualReportPdfController {

    static final String PDF = "application/pdf";

    private final AnnualReports reports;
    private final AnnualReportPdfs pdfs;

    AnnualReportPdfController(AnnualReports reports, AnnualReportPdfs pdfs) {
        this.reports = reports;
        this.pdfs = pdfs;
    }

    @GetMapping(path = AnnualReportController.PATH, produces = PDF)
    @Operation(
            summary = "The nominated representatives' report as a PDF (TRUST_REVIEWER or ADMIN)",
            description = "The same report as the JSON for the same from and to, printed as the Trust's report: the"
                    + " period, signatories now and a year before, the new organisations by name, training, requests"
                    + " and refusals with the funnel plot, escalations, consultations, self-assessment, agreements,"
                    + " and the signed checkpoint with how to check it. An attachment named"
                    + " nominated-representatives-<from>-to-<to>.pdf.")
    public ResponseEntity<byte[]> pdf(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        AnnualReports.requireReader(CurrentActor.get());
        AnnualReport report = reports.compute(from, to);
        return ResponseEntity.ok()
                .header("Content-Type", PDF)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + AnnualReportPdfs.fileName(report, "pdf") + "\"")
                .body(pdfs.render(report));
    }
}
