package org.sharingledger.projections.timeline;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.sharingledger.access.api.Actor;
import org.sharingledger.access.api.CurrentActor;
import org.sharingledger.access.api.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.subject.api.SubjectPseudonyms;
import org.sharingledger.timeline.api.TimelineSubjects;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.springframework.web.util.WebUtils;

/**
 * The case reviewers' page (form login, session, CSRF; see {@code access.PageSecurityConfiguration}): choose one of
 * your live grants, say whose timeline and why, and read it; download it as a file. Every look and every download is
 * a query through {@link TimelineQueries}, so the grant is checked and the query recorded as a ledger event exactly
 * as in the API.
 * <p>
 * A child's NHS number or local reference is never put in an address, a log line or a page: the form is POSTed, the
 * timeline names only how the child was identified, and the downloads refer to the query by a random key whose
 * identifiers stay in the reviewer's session (in memory, gone at sign-out) rather than in hidden fields.
 */
@Controller
@Hidden
@LedgerPage
class TimelinePages {

    /** How many recent queries a session keeps for their downloads. */
    static final int QUERIES_KEPT = 20;
    private static final String QUERIES = TimelinePages.class.getName() + ".queries";

    /** The file formats offered for download, in the order of their buttons. */
    private static final List<Download> DOWNLOADS = List.of(
            new Download("pdf", "PDF, for the panel", "application/pdf", "timeline.pdf"),
            new Download("csv", "CSV, for a spreadsheet", "text/csv; charset=UTF-8", "timeline.csv"),
            new Download("json", "JSON, as the API gives it", "application/json", "timeline.json"),
            new Download("fhir", "FHIR R4 (AuditEvent bundle)", "application/fhir+json; charset=UTF-8",
                    "timeline-fhir.json"));

    private static final String GRANTS = """
            select grant_id, review, subject_kind, case_reference, valid_until from timeline_grant
            where reviewer = ? and revoked_at is null and valid_until > ? order by granted_at desc""";

    private final TimelineQueries queries;
    private final SubjectPseudonyms pseudonyms;
    private final JdbcTemplate jdbc;
    private final TimelineExports exports;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Vocabulary words;
    private final TimelinePageFormats formats;

    TimelinePages(TimelineQueries queries, SubjectPseudonyms pseudonyms, JdbcTemplate jdbc, TimelineExports exports,
                  PlatformTransactionManager transactionManager, Clock clock, Vocabulary words) {
        this.queries = queries;
        this.pseudonyms = pseudonyms;
        this.jdbc = jdbc;
        this.exports = exports;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
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
        List<GrantChoice> grants = liveGrants(actor);
        return form(model, grants, FormValues.empty(grants), List.of());
    }

    @PostMapping("/timeline")
    String query(@RequestParam(required = false) String grantId,
                 @RequestParam(required = false) String nhsNumber,
                 @RequestParam(required = false) String caseReference,
                 @RequestParam(required = false) String agencyId,
                 @RequestParam(required = false) String localReference,
                 @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String asOf,
                 HttpSession session, HttpServletResponse response, Model model) {
        Actor actor = reviewerOnly();
        FormValues values = new FormValues(strip(grantId), strip(caseReference), strip(agencyId), strip(reason),
                strip(asOf));
        Asked asked;
        Timeline timeline;
        try {
            asked = Asked.from(grantId, nhsNumber, caseReference, agencyId, localReference, reason, asOf,
                    pseudonyms);
            timeline = queries.query(actor, asked.grantId(), asked.nhsNumber(), asked.caseReference(),
                    asked.agencyId(), asked.localReference(), asked.asOf(), asked.reason(), "html");
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("identifierCleared", present(nhsNumber) || present(localReference));
            return form(model, liveGrants(actor), values, e.problems());
        }
        model.addAttribute("timeline", timeline);
        model.addAttribute("digest", TimelinePdf.digest(timeline));
        model.addAttribute("asked", asked);
        model.addAttribute("subject", subjectInWords(asked));
        model.addAttribute("queryKey", keep(session, asked));
        model.addAttribute("downloads", DOWNLOADS);
        return "timeline";
    }

    /**
     * The timeline shown, as a file: a new query under the same grant, for the same subject, reason and moment,
     * recorded with its format. The query and the file are made in one transaction, so a download that fails
     * records nothing.
     */
    @PostMapping("/timeline/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String query,
                                  @RequestParam(required = false) String format, HttpSession session) {
        Actor actor = reviewerOnly();
        Download download = DOWNLOADS.stream().filter(d -> d.format().equals(format)).findFirst()
                .orElseThrow(() -> new InvalidInput("format", "must be one of " + String.join(", ",
                        DOWNLOADS.stream().map(Download::format).toList())));
        Asked asked = kept(session, query).orElseThrow(() -> new QueryGone());
        File file = transactions.execute(tx -> {
            Timeline timeline = queries.query(actor, asked.grantId(), asked.nhsNumber(), asked.caseReference(),
                    asked.agencyId(), asked.localReference(), asked.asOf(), asked.reason(), download.format());
            return new File(exports.render(timeline, download.format()), TimelinePdf.digest(timeline));
        });
        return ResponseEntity.ok()
                .header("Content-Type", download.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
                .header("X-Timeline-Digest", "sha256=" + file.digest())
                .header("Cache-Control", "no-store")
                .body(file.body());
    }

    /** A download's bytes, and the content digest the API gives with every export. */
    private record File(byte[] body, String digest) {
    }

    /** Any other address under the timelines, or a download opened as a link: a page saying so. */
    @GetMapping({"/timeline/", "/timeline/**"})
    ModelAndView noSuchPage() {
        return PageModel.page("problem", HttpStatus.NOT_FOUND, "There is no page at this address. Timelines are at /timeline.");
    }

    @ExceptionHandler(QueryGone.class)
    ModelAndView gone() {
        return PageModel.page("problem", HttpStatus.BAD_REQUEST, "This timeline is no longer held for download: the session "
                + "ended or it was one of many. Run the query again from the timelines page.");
    }

    // --- the form ---

    private String form(Model model, List<GrantChoice> grants, FormValues values, List<FieldProblem> problems) {
        model.addAttribute("grants", grants);
        model.addAttribute("form", values);
        model.addAttribute("agencies", jdbc.query("select agency_id, name from timeline_agency order by name",
                (rs, i) -> new AgencyChoice(rs.getString("agency_id"), rs.getString("name"))));
        List<PageError> errors = problems.stream().map(PageError::of).toList();
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.text()));
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", byField);
        return "timeline";
    }

    private List<GrantChoice> liveGrants(Actor actor) {
        return jdbc.query(GRANTS, (rs, i) -> new GrantChoice(rs.getString("grant_id"), rs.getString("review"),
                rs.getString("subject_kind"), rs.getString("case_reference"),
                rs.getTimestamp("valid_until").toInstant()), actor.username(),
                java.sql.Timestamp.from(clock.instant()));
    }

    private String subjectInWords(Asked asked) {
        if (asked.nhsNumber() != null) {
            return "A child identified by NHS number";
        }
        if (asked.caseReference() != null) {
            return "The case with reference " + asked.caseReference();
        }
        List<String> names = jdbc.queryForList("select name from timeline_agency where agency_id = ?", String.class,
                asked.agencyId());
        return "A child identified by a local reference of " + (names.isEmpty() ? asked.agencyId() : names.get(0));
    }

    // --- the session's recent queries, for their downloads ---

    private static String keep(HttpSession session, Asked asked) {
        String key = UUID.randomUUID().toString();
        synchronized (WebUtils.getSessionMutex(session)) {
            RecentQueries recent = session.getAttribute(QUERIES) instanceof RecentQueries kept ? kept
                    : new RecentQueries();
            recent.put(key, asked);
            session.setAttribute(QUERIES, recent);
        }
        return key;
    }

    private static Optional<Asked> kept(HttpSession session, String key) {
        if (key == null) {
            return Optional.empty();
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            return session.getAttribute(QUERIES) instanceof RecentQueries recent
                    ? Optional.ofNullable(recent.get(key)) : Optional.empty();
        }
    }

    /** The last {@link #QUERIES_KEPT} queries of a session, by their random key. */
    private static final class RecentQueries extends LinkedHashMap<String, Asked> {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Asked> eldest) {
            return size() > QUERIES_KEPT;
        }
    }

    private static Actor reviewerOnly() {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.CASE_REVIEWER)) {
            throw new NotPermitted("timelines are for case reviewers with a grant from the Children's Trust "
                    + "(CASE_REVIEWER)");
        }
        return actor;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String strip(String text) {
        return present(text) ? text.strip() : null;
    }

    // --- what the page holds ---

    /**
     * What the reviewer asked, checked as the API's body is. Never printed: it may carry an NHS number or a local
     * reference.
     */
    record Asked(UUID grantId, String nhsNumber, String caseReference, String agencyId, String localReference,
                 Instant asOf, String reason) implements Serializable {

        /** Every problem at once, in the form's order, so that the error summary lists them all. */
        static Asked from(String grantId, String nhsNumber, String caseReference, String agencyId,
                          String localReference, String reason, String asOf, SubjectPseudonyms pseudonyms) {
            List<FieldProblem> problems = new ArrayList<>();
            UUID grant = null;
            if (!present(grantId)) {
                problems.add(new FieldProblem("grantId", "is required"));
            } else {
                try {
                    grant = UUID.fromString(grantId.strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("grantId", "is not one of your grants"));
                }
            }
            int before = problems.size();
            tooLong(problems, "nhsNumber", nhsNumber, 20);
            tooLong(problems, "caseReference", caseReference, 100);
            tooLong(problems, "agencyId", agencyId, 64);
            tooLong(problems, "localReference", localReference, 100);
            if (problems.size() == before) {
                try {
                    // The same reading of the subject as the query's own, only to report its problem with the others.
                    TimelineSubjects.from(nhsNumber, caseReference, agencyId, localReference, pseudonyms);
                } catch (InvalidInput e) {
                    problems.addAll(e.problems());
                }
            }
            if (!present(reason)) {
                problems.add(new FieldProblem("reason", "is required"));
            } else {
                tooLong(problems, "reason", reason, 4000);
            }
            Instant moment = null;
            if (present(asOf)) {
                try {
                    moment = LocalDateTime.parse(asOf.strip()).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    problems.add(new FieldProblem("asOf", "must be a date and a time"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInput(problems);
            }
            return new Asked(grant, strip(nhsNumber), strip(caseReference), strip(agencyId), strip(localReference),
                    moment, reason.strip());
        }

        private static void tooLong(List<FieldProblem> problems, String field, String value, int max) {
            if (value != null && value.strip().length() > max) {
                problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
            }
        }

        @Override
        public String toString() {
            return "Asked[" + grantId + "]";
        }
    }

    /** What the form shows again after an error. The NHS number and the local reference are never among them. */
    record FormValues(String grantId, String caseReference, String agencyId, String reason, String asOf) {

        static FormValues empty(List<GrantChoice> grants) {
            return new FormValues(grants.size() == 1 ? grants.get(0).grantId() : null, null, null, null, null);
        }
    }

    /** One of the reviewer's live grants, as the form offers it. */
    record GrantChoice(String grantId, String review, String subjectKind, String caseReference, Instant validUntil) {
    }

    record AgencyChoice(String agencyId, String name) {
    }

    record Download(String format, String label, String contentType, String fileName) {
    }

    /**
     * One problem with the form, in the page's words, and the field it is about (the error summary links to it).
     */
    record PageError(String field, String text) {

        static PageError of(FieldProblem problem) {
            String message = problem.message();
            return switch (problem.field()) {
                case "grantId" -> new PageError("grantId", "is required".equals(message)
                        ? "Choose the grant you are looking under" : "Choose one of your grants");
                case "subject" -> new PageError("nhsNumber", "Identify the child or the case in exactly one way: an "
                        + "NHS number, a case reference, or an agency with its local reference");
                case "nhsNumber" -> new PageError("nhsNumber", message.startsWith("must be at most")
                        ? "The NHS number " + message
                        : "Enter a valid NHS number: 10 digits with a correct check digit");
                case "caseReference" -> new PageError("caseReference", "The case reference " + message);
                case "agencyId" -> new PageError("agencyId", message.startsWith("is required")
                        ? "Choose the agency whose local reference this is" : "The agency " + message);
                case "localReference" -> new PageError("localReference", message.startsWith("is required")
                        ? "Enter the agency's local reference for the child" : "The local reference " + message);
                case "reason" -> new PageError("reason", "is required".equals(message)
                        ? "Enter your reason for looking" : "The reason " + message);
                case "asOf" -> new PageError("asOf", message.contains("future")
                        ? "\u201CAs known at\u201D must not be in the future"
                        : "Enter \u201Cas known at\u201D as a date and a time, or leave it empty");
                default -> new PageError(problem.field(), problem.field() + " " + message);
            };
        }
    }

    /** A download asked for a query the session no longer holds. */
    private static final class QueryGone extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        QueryGone() {
            super("the query is no longer held", null, false, false);
        }
    }
}
