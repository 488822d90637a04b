package org.sharingledger.projections.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyDashboard;
import org.sharingledger.projections.dashboard.DashboardViews.RefusalPatterns;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboards as JSON, and as CSV for the Trust's spreadsheets ({@code Accept: text/csv}). */
@RestController
@Tag(name = "Dashboards", description = "Monitoring: each agency's picture and the Trust's refusal patterns")
class DashboardController {

    static final String CSV = "text/csv";

    private final Dashboards dashboards;
    private final Clock clock;

    DashboardController(Dashboards dashboards, Clock clock) {
        this.dashboards = dashboards;
        this.clock = clock;
    }

    @GetMapping(path = "/api/agencies/{agencyId}/dashboard", produces = "application/json")
    @Operation(
            summary = "One agency's dashboard",
            description = "That agency's NOMINATED_REPRESENTATIVE or a "
                    + "TRUST_REVIEWER. from/to: dates, inclusive, UTC; default the last 12 calendar months. A request counts "
                    + "in the period in which it was made. May lag the ledger by a few seconds. Accept: text/csv gives the "
                    + "same figures as rows of section,metric,key,value.")
    public AgencyDashboard agency(
            @PathVariable String agencyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        allowedToSee(agencyId);
        return dashboards.agencyDashboard(agencyId, period(from, to));
    }

    @GetMapping(path = "/api/agencies/{agencyId}/dashboard", produces = CSV)
    public ResponseEntity<String> agencyCsv(
            @PathVariable String agencyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return csv("dashboard-" + agencyId, DashboardCsv.agency(agency(agencyId, from, to)));
    }

    @GetMapping(path = "/api/trust/refusal-patterns", produces = "application/json")
    @Operation(
            summary = "Refusal patterns across every signatory (TRUST_REVIEWER)",
            description = "Each agency's "
                    + "volume, refusal rate, overdue rate and escalations with funnel-plot limits (binomial, 95 % and "
                    + "99.8 %, around the area-wide refusal rate); refusals by reason; requesting × holding sector matrix; "
                    + "monthly trend. Accept: text/csv gives one row per agency; ?table=matrix|monthly|reasons gives the "
                    + "other tables.")
    public RefusalPatterns trust(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (!CurrentActor.get().has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only a TRUST_REVIEWER may see the refusal patterns");
        }
        return dashboards.refusalPatterns(period(from, to));
    }

    @GetMapping(path = "/api/trust/refusal-patterns", produces = CSV)
    public ResponseEntity<String> trustCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "agencies") String table) {
        RefusalPatterns patterns = trust(from, to);
        return switch (table) {
            case "agencies" -> csv("refusal-patterns", DashboardCsv.agencies(patterns));
            case "matrix" -> csv("sector-matrix", DashboardCsv.matrix(patterns));
            case "monthly" -> csv("monthly", DashboardCsv.monthly(patterns.monthly()));
            case "reasons" -> csv("refusals-by-reason", DashboardCsv.reasons(patterns.refusalsByReason()));
            default -> throw new InvalidInput("table", "must be one of agencies, matrix, monthly, reasons");
        };
    }

    private void allowedToSee(String agencyId) {
        dashboards.requireVisibleTo(CurrentActor.get(), agencyId);
    }

    private Dashboards.Period period(LocalDate from, LocalDate to) {
        Dashboards.Period period = Dashboards.Period.of(from, to, clock);
        if (period.from().isAfter(period.to())) {
            throw new InvalidInput("from", "must not be after to");
        }
        return period;
    }

    private static ResponseEntity<String> csv(String name, List<List<Object>> rows) {
        return ResponseEntity.ok()
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .body(DashboardCsv.write(rows));
    }
}
