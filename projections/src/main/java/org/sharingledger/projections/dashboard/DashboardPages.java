package org.sharingledger.projections.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyDashboard;
import org.sharingledger.projections.dashboard.DashboardViews.AgencyPattern;
import org.sharingledger.projections.dashboard.DashboardViews.RefusalPatterns;
import org.sharingledger.projections.dashboard.DashboardViews.SectorCell;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The web pages (form login, session, CSRF; see {@code access.PageSecurityConfiguration}): an agency's dashboard
 * for its nominated representative and the Trust, and the Trust's refusal patterns. The same queries and rules as
 * the JSON API; a page refused is a 403 page, and the attempt is recorded as in the API. Not part of the API's
 * OpenAPI description.
 */
@Controller
@Hidden
@LedgerPage
class DashboardPages {

    private final Dashboards dashboards;
    private final Clock clock;
    private final Vocabulary words;

    DashboardPages(Dashboards dashboards, Clock clock, Vocabulary words) {
        this.dashboards = dashboards;
        this.clock = clock;
        this.words = words;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("fmt", Formats.INSTANCE);
        model.addAttribute("words", words);
        PageModel.addCommon(model::addAttribute);
        model.addAttribute(
                "roleLabels",
                CurrentActor.find()
                        .map(actor -> actor.roles().stream().map(words::label).toList())
                        .orElse(List.of()));
    }

    @GetMapping("/login")
    String login() {
        return CurrentActor.find().isPresent() ? "redirect:/" : "login";
    }

    /**
     * Where each user starts: a METRICS account at its account page, the Trust at its refusal patterns, an agency's
     * practitioners and nominated representative at their work list (the dashboard is a link away), a case reviewer at
     * the timelines.
     */
    @GetMapping("/")
    String home() {
        Actor actor = CurrentActor.get();
        if (actor.roles().stream().allMatch(role -> role == Role.METRICS)) {
            return "redirect:/account"; // a METRICS account has no other page
        }
        if (actor.has(Role.TRUST_REVIEWER)) {
            return "redirect:/trust";
        }
        if (actor.agencyId() != null && actor.hasAny(Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE)) {
            return "redirect:/requests";
        }
        if (actor.has(Role.CASE_REVIEWER)) {
            return "redirect:/timeline";
        }
        return "home";
    }

    /**
     * Where the security filters send a refusal they make themselves: a form without its CSRF token, or a METRICS
     * account at a page (the filters then say why in the request attribute {@code ledger.denied.reason}).
     */
    @RequestMapping("/denied")
    String denied(
            @RequestAttribute(name = "ledger.denied.reason", required = false) String reason,
            HttpServletResponse response,
            Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute(
                "message",
                reason != null
                        ? reason
                        : "The form could not be matched to your session; it may have expired. "
                                + "Reload the page and try again.");
        return "denied";
    }

    /**
     * Where the sign-in form's filter forwards an attempt refused because the account or the address is locked for
     * a while (it has set 429 and Retry-After, and the wait in words as {@code ledger.signIn.wait}). Reached any
     * other way, it is the sign-in form.
     */
    @RequestMapping("/login/throttled")
    String signInThrottled(
            @RequestAttribute(name = "ledger.signIn.wait", required = false) String wait,
            HttpServletResponse response,
            Model model) {
        if (wait == null) {
            return "redirect:/login";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("wait", wait);
        return "sign-in-throttled";
    }

    @GetMapping("/dashboard/{agencyId}")
    String agency(
            @PathVariable String agencyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        allowedToSee(agencyId);
        Dashboards.Period period = period(from, to);
        AgencyDashboard dashboard = dashboards.agencyDashboard(agencyId, period);
        model.addAttribute("d", dashboard);
        model.addAttribute("period", period);
        model.addAttribute("chart", Charts.monthly(dashboard.monthly()));
        model.addAttribute("escalationOutcomes", dashboards.holderEscalationOutcomes(agencyId, period));
        // Its own representative may open the requests behind the figures on the work list (by URL, not by code).
        Actor actor = CurrentActor.get();
        model.addAttribute("ownAgency", actor.actsFor(agencyId) && actor.has(Role.NOMINATED_REPRESENTATIVE));
        model.addAttribute("csv", PageModel.dashboardPath(agencyId) + ".csv" + query(period));
        return "agency";
    }

    @GetMapping("/dashboard/{agencyId}.csv")
    ResponseEntity<String> agencyCsv(
            @PathVariable String agencyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        allowedToSee(agencyId);
        return csv(
                "dashboard-" + agencyId, DashboardCsv.agency(dashboards.agencyDashboard(agencyId, period(from, to))));
    }

    /** Any other address under the dashboards: a page saying so, rather than the API's problem detail. */
    @GetMapping({"/dashboard", "/dashboard/", "/dashboard/{agencyId}/**"})
    ModelAndView noSuchPage() {
        return PageModel.page("problem", HttpStatus.NOT_FOUND, "There is no page at this address.");
    }

    @GetMapping("/trust")
    String trust(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        trustOnly();
        Dashboards.Period period = period(from, to);
        RefusalPatterns patterns = dashboards.refusalPatterns(period);
        model.addAttribute("p", patterns);
        model.addAttribute("period", period);
        model.addAttribute("totals", Totals.of(patterns));
        model.addAttribute("funnel", Charts.funnel(patterns, words));
        model.addAttribute("chart", Charts.monthly(patterns.monthly()));
        model.addAttribute("matrix", SectorMatrix.of(patterns.sectorMatrix()));
        return "trust";
    }

    @GetMapping("/trust.csv")
    ResponseEntity<String> trustCsv(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "agencies") String table) {
        trustOnly();
        RefusalPatterns patterns = dashboards.refusalPatterns(period(from, to));
        return switch (table) {
            case "agencies" -> csv("refusal-patterns", DashboardCsv.agencies(patterns));
            case "matrix" -> csv("sector-matrix", DashboardCsv.matrix(patterns));
            case "monthly" -> csv("monthly", DashboardCsv.monthly(patterns.monthly()));
            case "reasons" -> csv("refusals-by-reason", DashboardCsv.reasons(patterns.refusalsByReason()));
            default -> throw new InvalidInput("table", "must be one of agencies, matrix, monthly, reasons");
        };
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return PageModel.page("problem", HttpStatus.BAD_REQUEST, e.getName() + " must be a date (YYYY-MM-DD).");
    }

    private void allowedToSee(String agencyId) {
        dashboards.requireVisibleTo(CurrentActor.get(), agencyId);
    }

    private static void trustOnly() {
        if (!CurrentActor.get().has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only a TRUST_REVIEWER may see the refusal patterns");
        }
    }

    private Dashboards.Period period(LocalDate from, LocalDate to) {
        Dashboards.Period period = Dashboards.Period.of(from, to, clock);
        if (period.from().isAfter(period.to())) {
            throw new InvalidInput("from", "must not be after to");
        }
        return period;
    }

    private static String query(Dashboards.Period period) {
        return "?from=" + period.from() + "&to=" + period.to();
    }

    private static ResponseEntity<String> csv(String name, List<List<Object>> rows) {
        return ResponseEntity.ok()
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .body(DashboardCsv.write(rows));
    }

    /** The whole area's volumes, for the Trust page's headline figures. */
    record Totals(int agencies, int agenciesWithDecisions, long received, long decided, long refused) {

        static Totals of(RefusalPatterns patterns) {
            List<AgencyPattern> all = patterns.agencies();
            return new Totals(
                    all.size(),
                    (int) all.stream().filter(a -> a.decided() > 0).count(),
                    all.stream().mapToLong(AgencyPattern::received).sum(),
                    all.stream().mapToLong(AgencyPattern::decided).sum(),
                    all.stream().mapToLong(AgencyPattern::refused).sum());
        }
    }

    /**
     * The requesting × holding sector matrix as a cross table: a row per requesting sector and a column per holding
     * sector, only those with requests; an empty cell is null.
     */
    record SectorMatrix(List<String> holdingSectors, List<Row> rows) {

        record Row(String requestingSector, List<SectorCell> cells) {}

        static SectorMatrix of(List<SectorCell> cells) {
            TreeSet<String> requesting = new TreeSet<>();
            TreeSet<String> holding = new TreeSet<>();
            Map<String, SectorCell> byPair = new LinkedHashMap<>();
            for (SectorCell cell : cells) {
                requesting.add(cell.requestingSector());
                holding.add(cell.holdingSector());
                byPair.put(cell.requestingSector() + "→" + cell.holdingSector(), cell);
            }
            List<Row> rows = new ArrayList<>();
            for (String from : requesting) {
                List<SectorCell> row = new ArrayList<>();
                for (String to : holding) {
                    row.add(byPair.get(from + "→" + to));
                }
                rows.add(new Row(from, row));
            }
            return new SectorMatrix(List.copyOf(holding), rows);
        }
    }
}
