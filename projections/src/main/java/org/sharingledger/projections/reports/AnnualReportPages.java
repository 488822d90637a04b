package org.sharingledger.projections.reports;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.projections.csv.Csv;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Trust's page of the nominated representatives' report ({@code /reports/nominated-representatives}, for a
 * {@code TRUST_REVIEWER} or an {@code ADMIN}): choose the period with two GOV.UK date inputs (by default the last
 * complete April-to-March year, as the county reports), see the headline figures, and download the report as PDF, CSV
 * or JSON. A plain GET form, so the page's address can be bookmarked; a date that is no date, or a period the API
 * would refuse, comes back (400) with an error summary linking to the field, the entries kept.
 */
@Controller
@Hidden
@LedgerPage
class AnnualReportPages {

    static final String PAGE = "/reports/nominated-representatives";

    private final AnnualReports reports;
    private final AnnualReportPdfs pdfs;
    private final Vocabulary words;
    private final Clock clock;

    AnnualReportPages(AnnualReports reports, AnnualReportPdfs pdfs, Vocabulary words, Clock clock) {
        this.reports = reports;
        this.pdfs = pdfs;
        this.words = words;
        this.clock = clock;
    }

    /** The three boxes of a GOV.UK date input, as typed. */
    record DateInput(String day, String month, String year) {

        boolean empty() {
            return blank(day) && blank(month) && blank(year);
        }

        static DateInput of(LocalDate date) {
            return new DateInput(
                    String.valueOf(date.getDayOfMonth()),
                    String.valueOf(date.getMonthValue()),
                    String.valueOf(date.getYear()));
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    @GetMapping(PAGE)
    ModelAndView page(
            @RequestParam(required = false) String fromDay,
            @RequestParam(required = false) String fromMonth,
            @RequestParam(required = false) String fromYear,
            @RequestParam(required = false) String toDay,
            @RequestParam(required = false) String toMonth,
            @RequestParam(required = false) String toYear) {
        AnnualReports.requireReader(CurrentActor.get());
        DateInput fromInput = new DateInput(fromDay, fromMonth, fromYear);
        DateInput toInput = new DateInput(toDay, toMonth, toYear);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from;
        LocalDate to;
        if (fromInput.empty() && toInput.empty()) {
            LocalDate[] year = lastCompleteYear(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
            from = year[0];
            to = year[1];
            fromInput = DateInput.of(from);
            toInput = DateInput.of(to);
        } else {
            from = date(fromInput, "from", "first", errors);
            to = date(toInput, "to", "last", errors);
            if (errors.isEmpty()) {
                for (FieldProblem problem : reports.problems(from, to)) {
                    errors.putIfAbsent(problem.field() + "-day", sentence(problem));
                }
            }
        }
        ModelAndView page =
                new ModelAndView("annual-report", errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
        PageModel.addCommon(page::addObject);
        page.addObject("current", "reports");
        page.addObject("rf", new ReportFormats(words, text -> text));
        page.addObject("fromInput", fromInput);
        page.addObject("toInput", toInput);
        page.addObject("errors", errors);
        if (errors.isEmpty()) {
            page.addObject("report", reports.compute(from, to));
            page.addObject("query", "?from=" + from + "&to=" + to);
        }
        return page;
    }

    @GetMapping(PAGE + ".pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        AnnualReport report = report(from, to);
        return download(report, AnnualReportPdfController.PDF, "pdf", pdfs.render(report));
    }

    @GetMapping(PAGE + ".csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        AnnualReport report = report(from, to);
        return download(
                report,
                "text/csv; charset=UTF-8",
                "csv",
                Csv.write(AnnualReportCsv.rows(report)).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping(PAGE + ".json")
    ResponseEntity<AnnualReport> json(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        AnnualReport report = report(from, to);
        return ResponseEntity.ok()
                .header("Content-Type", "application/json")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + AnnualReportPdfs.fileName(report, "json") + "\"")
                .body(report);
    }

    /**
     * The last complete year from April to March before {@code today}: on 1 December 2026, 1 April 2025 to 31 March
     * 2026; on 31 March 2026, 1 April 2024 to 31 March 2025.
     */
    static LocalDate[] lastCompleteYear(LocalDate today) {
        int endYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        return new LocalDate[] {LocalDate.of(endYear - 1, 4, 1), LocalDate.of(endYear, 3, 31)};
    }

    private AnnualReport report(String from, String to) {
        AnnualReports.requireReader(CurrentActor.get());
        return reports.compute(iso("from", from), iso("to", to));
    }

    private static ResponseEntity<byte[]> download(
            AnnualReport report, String contentType, String extension, byte[] body) {
        return ResponseEntity.ok()
                .header("Content-Type", contentType)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + AnnualReportPdfs.fileName(report, extension) + "\"")
                .body(body);
    }

    private static LocalDate iso(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be a date such as 2009-03-31");
        }
    }

    /** The date typed in a GOV.UK date input, or null with its problem (keyed by the first box's id) in errors. */
    private static LocalDate date(DateInput input, String name, String which, Map<String, String> errors) {
        String id = name + "-day";
        if (input.empty()) {
            errors.put(id, "Enter the " + which + " day of the period");
            return null;
        }
        List<String> parts = List.of(stripped(input.day()), stripped(input.month()), stripped(input.year()));
        if (parts.contains("")) {
            errors.put(id, "The " + which + " day of the period must include a day, a month and a year");
            return null;
        }
        try {
            int year = Integer.parseInt(parts.get(2));
            if (parts.get(2).length() != 4) {
                throw new NumberFormatException("a year has four digits");
            }
            return LocalDate.of(year, Integer.parseInt(parts.get(1)), Integer.parseInt(parts.get(0)));
        } catch (NumberFormatException | DateTimeException e) {
            errors.put(id, "The " + which + " day of the period must be a real date, such as 1 4 2008");
            return null;
        }
    }

    private static String stripped(String value) {
        return value == null ? "" : value.strip();
    }

    /** A period problem of the API ("from: must not be after to") as the page says it. */
    private static String sentence(FieldProblem problem) {
        String which = "from".equals(problem.field()) ? "first" : "last";
        return "The " + which + " day of the period "
                + problem.message()
                        .replace("must not be after to", "must be on or before the last day")
                        .replace("years after from", "years after the first day");
    }
}
