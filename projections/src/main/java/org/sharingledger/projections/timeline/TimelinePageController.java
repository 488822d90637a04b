package org.sharingledger.projections.timeline;

import static org.sharingledger.projections.timeline.TimelineForm.present;
import static org.sharingledger.projections.timeline.TimelineForm.strip;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.timeline.TimelineForm.Asked;
import org.sharingledger.projections.timeline.TimelineForm.FormValues;
import org.sharingledger.projections.timeline.TimelineForm.PageError;
import org.sharingledger.projections.timeline.TimelineFormChoices.GrantChoice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The case reviewers' page (form login, session, CSRF; see {@code access.PageSecurityConfiguration}): choose one of
 * your live grants, say whose timeline and why, and read it; download it as a file. Every look and every download is
 * a query through {@link TimelineQueries}, so the grant is checked and the query recorded as a ledger event exactly
 * as in the API. The form and its checks are {@link TimelineForm}, its choices {@link TimelineFormChoices}, and the
 * queries kept for download {@link RecentQueries}.
 * <p>
 * A child's NHS number or local reference is never put in an address, a log line or a page: the form is POSTed, the
 * timeline names only how the child was identified, and the downloads refer to the query by a random key whose
 * identifiers stay in the reviewer's session (in memory, gone at sign-out) rather than in hidden fields.
 */
@Controller
@Hidden
@LedgerPage
class TimelinePageController {

    /** The file formats offered for download, in the order of their buttons. */
    private static final List<Download> DOWNLOADS = List.of(
            new Download("pdf", "PDF, for the panel", "application/pdf", "timeline.pdf"),
            new Download("csv", "CSV, for a spreadsheet", "text/csv; charset=UTF-8", "timeline.csv"),
            new Download("json", "JSON, as the API gives it", "application/json", "timeline.json"),
            new Download(
                    "fhir",
                    "FHIR R4 (AuditEvent bundle)",
                    "application/fhir+json; charset=UTF-8",
                    "timeline-fhir.json"));

    private final TimelineQueries queries;
    private final SubjectPseudonyms pseudonyms;
    private final TimelineFormChoices choices;
    private final TimelineExports exports;
    private final TransactionTemplate transactions;
    private final Vocabulary words;
    private final TimelinePageFormats formats;

    TimelinePageController(
            TimelineQueries queries,
            SubjectPseudonyms pseudonyms,
            TimelineFormChoices choices,
            TimelineExports exports,
            PlatformTransactionManager transactionManager,
            Vocabulary words) {
        this.queries = queries;
        this.pseudonyms = pseudonyms;
        this.choices = choices;
        this.exports = exports;
        this.transactions = new TransactionTemplate(transactionManager);
        this.words = words;
        this.formats = new TimelinePageFormats(words);
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("tf", formats);
        model.addAttribute("words", words);
        PageModel.addCommon(model::addAttribute);
    }

    @GetMapping("/timeline")
    String form(Model model) {
        Actor actor = reviewerOnly();
        List<GrantChoice> grants = choices.liveGrants(actor);
        return form(model, grants, FormValues.empty(grants), List.of());
    }

    @PostMapping("/timeline")
    String query(
            @RequestParam(required = false) String grantId,
            @RequestParam(required = false) String nhsNumber,
            @RequestParam(required = false) String caseReference,
            @RequestParam(required = false) String caseAgencyId,
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String localReference,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String asOf,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        Actor actor = reviewerOnly();
        FormValues values = new FormValues(
                strip(grantId), strip(caseReference), strip(caseAgencyId), strip(agencyId), strip(reason), strip(asOf));
        // A case reference is read with the agency chosen beside it; a local reference with its own agency.
        boolean byCase = present(caseReference);
        String subjectAgency = byCase ? caseAgencyId : agencyId;
        Asked asked;
        Timeline timeline;
        try {
            asked = Asked.from(
                    grantId, nhsNumber, caseReference, subjectAgency, localReference, reason, asOf, pseudonyms);
            // Checked against the events like every export, so that the page's digest is the downloads' digest.
            timeline = exports.checked(record(actor, asked, "html")).timeline();
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("identifierCleared", present(nhsNumber) || present(localReference));
            List<FieldProblem> problems = e.problems().stream()
                    .map(p ->
                            byCase && "agencyId".equals(p.field()) ? new FieldProblem("caseAgencyId", p.message()) : p)
                    .toList();
            return form(model, choices.liveGrants(actor), values, problems);
        }
        model.addAttribute("timeline", timeline);
        model.addAttribute("digest", TimelinePdf.digest(timeline));
        model.addAttribute("asked", asked);
        model.addAttribute("subject", subjectInWords(asked));
        model.addAttribute("queryKey", RecentQueries.keep(session, asked));
        model.addAttribute("downloads", DOWNLOADS);
        return "timeline";
    }

    /** The timeline asked for, read and recorded as a query in this format. */
    private Timeline record(Actor actor, Asked asked, String format) {
        return queries.query(
                actor,
                asked.grantId(),
                asked.nhsNumber(),
                asked.caseReference(),
                asked.agencyId(),
                asked.localReference(),
                asked.asOf(),
                asked.reason(),
                format);
    }

    /**
     * The timeline shown, as a file: a new query under the same grant, for the same subject, reason and moment,
     * recorded with its format. The query and the file are made in one transaction, so a download that fails
     * records nothing.
     */
    @PostMapping("/timeline/export")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) String query,
            @RequestParam(required = false) String format,
            HttpSession session) {
        Actor actor = reviewerOnly();
        Download download = DOWNLOADS.stream()
                .filter(d -> d.format().equals(format))
                .findFirst()
                .orElseThrow(() -> new InvalidInput(
                        "format",
                        "must be one of "
                                + String.join(
                                        ", ",
                                        DOWNLOADS.stream().map(Download::format).toList())));
        Asked asked = RecentQueries.find(session, query).orElseThrow(() -> new QueryGone());
        File file = transactions.execute(tx -> {
            TimelineExports.Checked checked = exports.checked(record(actor, asked, download.format()));
            return new File(exports.render(checked, download.format()), TimelinePdf.digest(checked.timeline()));
        });
        return ResponseEntity.ok()
                .header("Content-Type", download.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("X-Timeline-Digest", "sha256=" + file.digest())
                .header("Cache-Control", "no-store")
                .body(file.body());
    }

    /** A download's bytes, and the content digest the API gives with every export. */
    @SuppressWarnings("ArrayRecordComponent") // handed straight to the response, never compared
    private record File(byte[] body, String digest) {}

    /** Any other address under the timelines, or a download opened as a link: a page saying so. */
    @GetMapping({"/timeline/", "/timeline/**"})
    ModelAndView noSuchPage() {
        return PageModel.page(
                "problem", HttpStatus.NOT_FOUND, "There is no page at this address. Timelines are at /timeline.");
    }

    @ExceptionHandler(QueryGone.class)
    ModelAndView gone() {
        return PageModel.page(
                "problem",
                HttpStatus.BAD_REQUEST,
                "This timeline is no longer held for download: the session "
                        + "ended or it was one of many. Run the query again from the timelines page.");
    }

    // --- the form ---

    private String form(Model model, List<GrantChoice> grants, FormValues values, List<FieldProblem> problems) {
        model.addAttribute("grants", grants);
        model.addAttribute("form", values);
        model.addAttribute("agencies", choices.agencies());
        List<PageError> errors = problems.stream().map(PageError::of).toList();
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.text()));
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", byField);
        return "timeline";
    }

    private String subjectInWords(Asked asked) {
        if (asked.nhsNumber() != null) {
            return "A child identified by NHS number";
        }
        if (asked.caseReference() != null) {
            return "The case with reference " + asked.caseReference() + " of " + choices.agencyName(asked.agencyId());
        }
        return "A child identified by a local reference of " + choices.agencyName(asked.agencyId());
    }

    private static Actor reviewerOnly() {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.CASE_REVIEWER)) {
            throw new NotPermitted("only a CASE_REVIEWER with a live grant may see timelines");
        }
        return actor;
    }

    record Download(String format, String label, String contentType, String fileName) {}

    /** A download asked for a query the session no longer holds. */
    private static final class QueryGone extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        QueryGone() {
            super("the query is no longer held", null, false, false);
        }
    }
}
