package org.sharingledger.projections.requests;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.modelling.command.ConcurrencyException;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.DateBounds;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.agreements.AgreementViews;
import org.sharingledger.projections.notifications.RecentNotifications;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.requests.RequestForms.PageError;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.Method;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.Purpose;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.RequestSteps;
import org.sharingledger.request.api.Requests;
import org.sharingledger.request.api.Scope;
import org.sharingledger.request.api.Stage;
import org.sharingledger.request.api.Urgency;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The practitioners' pages (form login, session, CSRF; see {@code access.PageSecurityConfiguration}): the work list,
 * the request form, and one request with the steps its viewer may take. Every step goes through {@link Requests},
 * the same checks and commands as the JSON API; a refused step is the 403 page and is recorded as in the API
 * ({@code PageProblems}). A form with problems comes back (400) with an error summary, the entries kept and nothing
 * recorded; a step taken answers {@code 303} back to the request with a confirmation.
 */
@Controller
@Hidden
@LedgerPage
class RequestPages {

    /** How many of the agency's latest notifications the work list shows. */
    static final int RECENT_NOTIFICATIONS = 10;

    private final Requests requests;
    private final RequestLists lists;
    private final RequestViews views;
    private final FormSubmissions submissions;
    private final Vocabulary words;
    private final RecentNotifications notifications;
    private final AgreementViews agreements;
    private final Clock clock;

    RequestPages(
            Requests requests,
            RequestLists lists,
            RequestViews views,
            FormSubmissions submissions,
            Vocabulary words,
            RecentNotifications notifications,
            AgreementViews agreements,
            Clock clock) {
        this.requests = requests;
        this.lists = lists;
        this.views = views;
        this.submissions = submissions;
        this.words = words;
        this.notifications = notifications;
        this.agreements = agreements;
        this.clock = clock;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("words", words);
        model.addAttribute("rf", RequestFormats.INSTANCE);
        PageModel.addCommon(model::addAttribute);
    }

    // --- the work list ---

    @GetMapping("/requests")
    String workList(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String view,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int awaitingPage,
            @RequestParam(defaultValue = "0") int escalationsPage,
            @RequestParam(defaultValue = "0") int madePage,
            Model model) {
        Actor actor = CurrentActor.get();
        boolean practitioner = RequestSteps.practitionerOf(actor, actor.agencyId());
        boolean trust = actor.has(Role.TRUST_REVIEWER);
        if (!practitioner && !trust) {
            throw new NotPermitted("the work list is for the practitioners and nominated representatives of an "
                    + "agency, and for the Children's Trust");
        }
        RequestStatus filter = status(status);
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("status", filter);
        model.addAttribute("practitioner", practitioner);
        model.addAttribute("agencyName", practitioner ? agencyName(actor.agencyId()) : null);
        if (practitioner) {
            model.addAttribute("notifications", notifications.latest(actor.agencyId(), RECENT_NOTIFICATIONS));
        }
        RequestLists.Figure figure = figure(view);
        if (figure != null) {
            return behindFigure(figure, actor, day(from, "from"), day(to, "to"), awaitingPage, escalationsPage, model);
        }
        if (practitioner) {
            model.addAttribute("awaiting", lists.awaitingOurDecision(actor.agencyId(), page(awaitingPage)));
            model.addAttribute(
                    "made", lists.madeBy(actor.agencyId(), filter == null ? null : filter.name(), page(madePage)));
        }
        if (actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null) {
            model.addAttribute("escalations", lists.escalationsForAgency(actor.agencyId(), page(escalationsPage)));
        } else if (trust) {
            model.addAttribute("escalations", lists.escalationsForTrust(page(escalationsPage)));
        }
        model.addAttribute("pages", new Pages(status, null, null, null, awaitingPage, escalationsPage, madePage));
        return "requests";
    }

    /**
     * The requests behind one of the nominated representative's dashboard figures (awaiting a decision, overdue now,
     * escalations awaiting resolution), made in the dashboard's period: only that section, and exactly its rows.
     */
    private String behindFigure(
            RequestLists.Figure figure,
            Actor actor,
            LocalDate from,
            LocalDate to,
            int awaitingPage,
            int escalationsPage,
            Model model) {
        if (!actor.has(Role.NOMINATED_REPRESENTATIVE) || actor.agencyId() == null) {
            throw new NotPermitted(
                    "the requests behind the dashboard's figures are for the agency's nominated " + "representative");
        }
        DateBounds.check("from", from, "to", to, clock);
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end =
                to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String view = figure.name().toLowerCase(Locale.ROOT);
        if (figure == RequestLists.Figure.ESCALATIONS) {
            model.addAttribute(
                    "escalations", lists.behindFigure(figure, actor.agencyId(), start, end, page(escalationsPage)));
        } else {
            model.addAttribute(
                    "awaiting", lists.behindFigure(figure, actor.agencyId(), start, end, page(awaitingPage)));
        }
        model.addAttribute("view", view);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute(
                "pages",
                new Pages(
                        null,
                        view,
                        from == null ? null : from.toString(),
                        to == null ? null : to.toString(),
                        awaitingPage,
                        escalationsPage,
                        0));
        return "requests";
    }

    /** The work list's page numbers, to link to the next and previous page of one section. */
    record Pages(String status, String view, String from, String to, int awaiting, int escalations, int made) {

        public String link(String section, int page) {
            int a = "awaiting".equals(section) ? page : awaiting;
            int e = "escalations".equals(section) ? page : escalations;
            int m = "made".equals(section) ? page : made;
            return "/requests?awaitingPage=" + a + "&escalationsPage=" + e + "&madePage=" + m
                    + (status == null || status.isBlank() ? "" : "&status=" + status)
                    + (view == null ? "" : "&view=" + view)
                    + (from == null ? "" : "&from=" + from)
                    + (to == null ? "" : "&to=" + to)
                    + "#" + section;
        }
    }

    // --- the request form ---

    @GetMapping("/requests/new")
    String newRequest(Model model) {
        Actor actor = requester();
        Map<String, String> values = RequestForms.values(Map.of(), RequestForms.REQUEST_FIELDS);
        return requestForm(model, actor, values, UUID.randomUUID().toString(), List.of());
    }

    @PostMapping("/requests")
    Object make(
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        Actor actor = requester();
        String key = form.get("idempotencyKey");
        try {
            Requests.NewRequest request = RequestForms.newRequest(actor.agencyId(), form);
            FormSubmissions.Outcome outcome = FormSubmissions.wellFormed(key)
                    ? submissions.once("/requests", key, () -> make(actor, request))
                    : new FormSubmissions.Outcome(make(actor, request), false);
            if (outcome.location() == null) {
                throw new InvalidInput("idempotencyKey", "was used for another form");
            }
            redirect.addFlashAttribute(
                    "confirmation",
                    outcome.repeat()
                            ? "This form had already been sent, and made this request. Nothing new was recorded."
                            : "Your request has been sent to " + agencyName(request.holdingAgencyId())
                                    + ". It has been recorded in the ledger.");
            return seeOther(outcome.location());
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return requestForm(
                    model, actor, RequestForms.values(form, RequestForms.REQUEST_FIELDS), key, errors(null, e));
        } catch (StepNotAllowed e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            boolean agreement = e.getMessage() != null && e.getMessage().contains("Information Sharing Protocol");
            return requestForm(
                    model,
                    actor,
                    RequestForms.values(form, RequestForms.REQUEST_FIELDS),
                    key,
                    List.of(
                            agreement
                                    ? new PageError(
                                            "agreementId",
                                            "That Information Sharing Protocol is not in force between your agency "
                                                    + "and the agency you are asking: choose another, or none")
                                    : new PageError(
                                            "holdingAgencyId",
                                            "That agency has withdrawn from the Code of Practice and can no longer "
                                                    + "receive requests: choose another")));
        }
    }

    private String make(Actor actor, Requests.NewRequest request) {
        return "/requests/" + requests.make(actor, request).requestId();
    }

    private String requestForm(
            Model model, Actor actor, Map<String, String> values, String key, List<PageError> errors) {
        model.addAttribute("form", values);
        model.addAttribute(
                "idempotencyKey",
                FormSubmissions.wellFormed(key) ? key : UUID.randomUUID().toString());
        model.addAttribute("agencyName", agencyName(actor.agencyId()));
        model.addAttribute("agencies", lists.signedAgenciesBut(actor.agencyId()));
        model.addAttribute("agreements", agreements.page(actor.agencyId(), AgreementStatus.ACTIVE, 0, 200));
        model.addAttribute("purposes", Purpose.values());
        model.addAttribute("lawfulBases", LawfulBasis.values());
        model.addAttribute("consentStatuses", ConsentStatus.values());
        Map<Urgency, Duration> allowances = new LinkedHashMap<>();
        Arrays.stream(Urgency.values()).forEach(urgency -> allowances.put(urgency, requests.allowance(urgency)));
        model.addAttribute("allowances", allowances);
        addErrors(model, errors);
        return "request-new";
    }

    // --- one request and its steps ---

    @GetMapping("/requests/{requestId}")
    String request(@PathVariable String requestId, Model model) {
        return requestPage(model, id(requestId), null, Map.of(), List.of());
    }

    @PostMapping("/requests/{requestId}/share")
    Object share(
            @PathVariable String requestId,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        UUID id = id(requestId);
        return step(id, "share", form, response, redirect, model, () -> {
            Requests.Share share = RequestForms.share(form);
            requests.share(CurrentActor.get(), id, share);
            return share.scope() == Scope.PARTIAL
                    ? "You shared part of the information. The decision has been recorded."
                    : "You shared the information. The decision has been recorded.";
        });
    }

    @PostMapping("/requests/{requestId}/refusal")
    Object refuse(
            @PathVariable String requestId,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        UUID id = id(requestId);
        return step(id, "refuse", form, response, redirect, model, () -> {
            requests.refuse(CurrentActor.get(), id, RequestForms.refusal(form));
            return "You refused the request. The refusal and its reasons have been recorded.";
        });
    }

    @PostMapping("/requests/{requestId}/escalations")
    Object escalate(
            @PathVariable String requestId,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        UUID id = id(requestId);
        return step(id, "escalate", form, response, redirect, model, () -> {
            Requests.Escalation escalation = RequestForms.escalation(form);
            requests.escalate(CurrentActor.get(), id, escalation);
            return "You escalated the decision to " + words.inSentence("Stage", escalation.stage()) + ". "
                    + "The escalation has been recorded.";
        });
    }

    @PostMapping("/requests/{requestId}/escalations/resolution")
    Object resolve(
            @PathVariable String requestId,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        UUID id = id(requestId);
        return step(id, "resolve", form, response, redirect, model, () -> {
            Requests.Resolution resolution = RequestForms.resolution(form);
            requests.resolve(CurrentActor.get(), id, resolution);
            return resolution.outcome() == Outcome.SHARED
                    ? "You resolved the escalation: the information is to be shared. This has been recorded."
                    : "You resolved the escalation: the refusal is upheld. This has been recorded.";
        });
    }

    @PostMapping("/requests/{requestId}/withdrawal")
    Object withdraw(
            @PathVariable String requestId,
            @RequestParam Map<String, String> form,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model) {
        UUID id = id(requestId);
        return step(id, "withdraw", form, response, redirect, model, () -> {
            requests.withdraw(CurrentActor.get(), id, RequestForms.withdrawal(form));
            return "You withdrew the request. The withdrawal has been recorded.";
        });
    }

    /** A step's form: taken (303 back, with the confirmation), or its problems, or someone else's step first. */
    private Object step(
            UUID id,
            String name,
            Map<String, String> form,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Model model,
            Supplier<String> take) {
        try {
            redirect.addFlashAttribute("confirmation", take.get());
            return seeOther("/requests/" + id);
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return requestPage(model, id, name, form, errors(name, e));
        } catch (StepNotAllowed | ConcurrencyException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            String page = requestPage(model, id, null, Map.of(), List.of());
            RequestPage now = (RequestPage) model.getAttribute("r");
            // The form carries the status it was shown in: changed since, someone else took a step first.
            boolean changed =
                    e instanceof ConcurrencyException || !now.status().name().equals(form.get("seenStatus"));
            model.addAttribute("conflict", changed ? "changed" : "closed");
            if (!changed) {
                // Why the step is not open: the request's state, or a rule of this ledger such as training.
                model.addAttribute("conflictReason", e.getMessage());
            }
            return page;
        }
    }

    private String requestPage(
            Model model, UUID id, String failedForm, Map<String, String> values, List<PageError> errors) {
        RequestViews.Parties parties = views.parties(id).orElseThrow(() -> new NotFound("There is no such request."));
        Actor actor = CurrentActor.get();
        if (!RequestSteps.mayRead(actor, parties.requestingAgencyId(), parties.holdingAgencyId())) {
            throw new NotPermitted("only the practitioners and nominated representatives of a request's two agencies, "
                    + "and the Children's Trust, may see it");
        }
        boolean party = RequestSteps.partyTo(actor, parties.requestingAgencyId(), parties.holdingAgencyId());
        Map<String, Object> view = views.one(id, party).orElseThrow(() -> new NotFound("There is no such request."));
        Function<String, String> names = this::agencyName;
        RequestPage page = RequestPage.of(view, names, words, clock.instant());
        model.addAttribute("r", page);
        model.addAttribute(
                "open",
                RequestSteps.open(
                        actor, page.requestingAgencyId(), page.holdingAgencyId(), page.status(), page.stage()));
        model.addAttribute("failed", failedForm);
        model.addAttribute("values", values);
        model.addAttribute("scopes", Scope.values());
        model.addAttribute("methods", Method.values());
        model.addAttribute("reasons", Reason.values());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("stages", Stage.values());
        addErrors(model, errors);
        return "request";
    }

    // --- shared ---

    private static void addErrors(Model model, List<PageError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.text()));
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", byField);
    }

    /** The problems in the page's words: the first for each field, in the order of the form's fields. */
    private static List<PageError> errors(String form, InvalidInput e) {
        Map<String, PageError> byField = new LinkedHashMap<>();
        e.problems().stream()
                .map(problem -> RequestForms.pageError(form, problem))
                .forEach(error -> byField.putIfAbsent(error.field(), error));
        List<PageError> errors = new ArrayList<>(byField.values());
        if (form == null) {
            errors.sort(Comparator.comparingInt(error -> {
                int at = RequestForms.REQUEST_FIELDS.indexOf(error.field());
                return at < 0 ? Integer.MAX_VALUE : at;
            }));
        }
        return errors;
    }

    private String agencyName(String agencyId) {
        return agencyId == null ? null : lists.agencyName(agencyId).orElse(agencyId);
    }

    private static Actor requester() {
        Actor actor = CurrentActor.get();
        if (!RequestSteps.practitionerOf(actor, actor.agencyId())) {
            throw new NotPermitted("only practitioners and nominated representatives of an agency may make requests");
        }
        return actor;
    }

    private static RedirectView seeOther(String location) {
        RedirectView view = new RedirectView(location, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }

    private static UUID id(String requestId) {
        try {
            return UUID.fromString(requestId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no such request.");
        }
    }

    private static RequestStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return RequestStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "is not a status a request can have");
        }
    }

    private static RequestLists.Figure figure(String view) {
        if (view == null || view.isBlank()) {
            return null;
        }
        try {
            return RequestLists.Figure.valueOf(view.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("view", "must be one of awaiting, overdue, escalations");
        }
    }

    private static LocalDate day(String day, String name) {
        if (day == null || day.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be a date (YYYY-MM-DD)");
        }
    }

    private static int page(int page) {
        return Math.max(0, Math.min(page, 100_000));
    }
}
