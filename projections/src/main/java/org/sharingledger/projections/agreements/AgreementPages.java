package org.sharingledger.projections.agreements;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.agreement.api.Agreements;
import org.sharingledger.agreement.api.Agreements.NewAgreement;
import org.sharingledger.agreement.api.Agreements.Review;
import org.sharingledger.agreement.api.Agreements.Signature;
import org.sharingledger.agreement.api.Agreements.Termination;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.agencies.AgencyViews;
import org.sharingledger.projections.agreements.AgreementViews.AgreementView;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageForm;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The pages of the Information Sharing Protocols: a nominated representative sees its agency's agreements, proposes
 * one, signs it for its agency, reviews and terminates it; the Trust sees and proposes them all; practitioners and
 * administrators may read. Every step goes through {@link Agreements}, as the JSON API's do: the same checks, the same
 * rules, and a 403 recorded.
 */
@Controller
@Hidden
@LedgerPage
class AgreementPages {

    /** What a form sent a second time with its key says: it lands where the first one did. */
    private static final String REPEAT =
            "This form had already been sent, and this is what it recorded. Nothing new was recorded.";

    /** How many agreements a page lists. */
    static final int PAGE_SIZE = 50;

    /** Each field of the forms: its element id (the error summary links to it) and what to enter when it is empty. */
    private static final Map<String, String[]> FIELDS = Map.of(
            "title", new String[] {"title", "Enter the agreement's title"},
            "parties", new String[] {"parties", "Choose at least two parties"},
            "purpose", new String[] {"purpose", "Enter what the agreement is for"},
            "dataItems", new String[] {"dataItems", "Enter the data items, one a line"},
            "lawfulBasis", new String[] {"lawfulBasis", "Enter the lawful basis and its statutory gateways"},
            "reviewOn", new String[] {"reviewOn", "Enter the date it is to be reviewed by"},
            "nextReviewOn", new String[] {"nextReviewOn", "Enter the date of the next review"},
            "note", new String[] {"review-note", "Enter a note of the review"},
            "reason", new String[] {"termination-reason", "Enter the reason for ending it"},
            "agencyId", new String[] {"sign", "Choose the agency you sign for"});

    private final Agreements agreements;
    private final AgreementViews views;
    private final AgencyViews agencies;
    private final Validator validator;
    private final Vocabulary words;
    private final Clock clock;
    private final FormSubmissions submissions;

    AgreementPages(
            Agreements agreements,
            AgreementViews views,
            AgencyViews agencies,
            Validator validator,
            Vocabulary words,
            Clock clock,
            FormSubmissions submissions) {
        this.submissions = submissions;
        this.agreements = agreements;
        this.views = views;
        this.agencies = agencies;
        this.validator = validator;
        this.words = words;
        this.clock = clock;
    }

    @ModelAttribute
    void common(Model model) {
        PageModel.addCommon(model::addAttribute);
        model.addAttribute("words", words);
        model.addAttribute("agf", AgreementFormats.INSTANCE);
        model.addAttribute("errors", List.of());
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("conflict", null);
    }

    @GetMapping("/agreements")
    ModelAndView list(
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = reader();
        String agencyId = AgreementViewController.agencyFor(actor, null);
        AgreementStatus chosen = status == null || status.isBlank() ? null : parseStatus(status);
        int at = Math.max(0, page);
        List<AgreementView> rows = views.page(agencyId, chosen, at, PAGE_SIZE);
        long total = views.count(agencyId, chosen);
        model.addAttribute("rows", rows);
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("statuses", AgreementStatus.values());
        model.addAttribute("page", at);
        model.addAttribute("more", (long) (at + 1) * PAGE_SIZE < total);
        model.addAttribute("total", total);
        model.addAttribute("agencyName", agencyId == null ? null : name(agencyId));
        model.addAttribute("mayPropose", mayPropose(actor));
        return page("agreements", HttpStatus.OK);
    }

    @GetMapping("/agreements/new")
    ModelAndView proposal(Model model) {
        Actor actor = proposer();
        LocalDate nextYear = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusYears(1);
        List<String> chosen = actor.agencyId() == null ? List.of() : List.of(actor.agencyId());
        model.addAttribute("form", new ProposalValues("", chosen, "", "", "", nextYear.toString()));
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return proposalPage(model, HttpStatus.OK);
    }

    @PostMapping("/agreements")
    ModelAndView propose(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) List<String> parties,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String dataItems,
            @RequestParam(required = false) String lawfulBasis,
            @RequestParam(required = false) String reviewOn,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = proposer();
        ProposalValues values = new ProposalValues(
                strip(title),
                parties == null
                        ? List.of()
                        : parties.stream()
                                .map(String::strip)
                                .filter(p -> !p.isEmpty())
                                .toList(),
                strip(purpose),
                dataItems == null ? "" : dataItems,
                strip(lawfulBasis),
                strip(reviewOn));
        Problems problems = new Problems();
        LocalDate date = problems.date("reviewOn", values.reviewOn());
        List<String> items = values.dataItems()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        NewAgreement body =
                new NewAgreement(values.title(), values.parties(), values.purpose(), items, values.lawfulBasis(), date);
        problems.check(validator, body);
        String conflict = null;
        if (problems.none()) {
            try {
                FormSubmissions.Outcome outcome = submissions.onceForPage(
                        "/agreements",
                        idempotencyKey,
                        () -> path(agreements.propose(actor, body).agreementId()));
                redirect.addFlashAttribute(
                        "confirmation",
                        outcome.repeat()
                                ? REPEAT
                                : "The agreement is proposed. Each party's nominated representative signs it.");
                return PageForm.seeOther(outcome.location());
            } catch (InvalidInput e) {
                problems.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        problems.into(model, conflict);
        model.addAttribute("form", values);
        model.addAttribute(
                "formKey",
                FormSubmissions.wellFormed(idempotencyKey)
                        ? idempotencyKey
                        : UUID.randomUUID().toString());
        return proposalPage(model, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/agreements/{agreementId}")
    ModelAndView agreement(@PathVariable String agreementId, Model model) {
        AgreementView agreement = readable(agreementId);
        return agreementPage(agreement, model, HttpStatus.OK);
    }

    @PostMapping("/agreements/{agreementId}/signature")
    ModelAndView sign(
            @PathVariable String agreementId,
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        AgreementView agreement = known(agreementId);
        Actor actor = CurrentActor.get();
        Signature body = new Signature(strip(agencyId));
        return step(agreement, body, model, redirect, "signature", idempotencyKey, () -> {
            AgreementStatus status = agreements.sign(actor, UUID.fromString(agreement.agreementId()), body);
            return status == AgreementStatus.ACTIVE
                    ? "You signed the agreement. Every party has signed: it is in force."
                    : "You signed the agreement. It awaits the other parties' signatures.";
        });
    }

    @PostMapping("/agreements/{agreementId}/review")
    ModelAndView review(
            @PathVariable String agreementId,
            @RequestParam(required = false) String nextReviewOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        AgreementView agreement = known(agreementId);
        Actor actor = CurrentActor.get();
        Problems problems = new Problems();
        Review body = new Review(problems.date("nextReviewOn", strip(nextReviewOn)), strip(note));
        model.addAttribute("reviewValues", new ReviewValues(strip(nextReviewOn), strip(note)));
        return step(agreement, body, problems, model, redirect, "review", idempotencyKey, () -> {
            agreements.review(actor, UUID.fromString(agreement.agreementId()), body);
            return "The review is recorded. The agreement is in force until " + body.nextReviewOn() + ".";
        });
    }

    @PostMapping("/agreements/{agreementId}/termination")
    ModelAndView terminate(
            @PathVariable String agreementId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        AgreementView agreement = known(agreementId);
        Actor actor = CurrentActor.get();
        Termination body = new Termination(strip(reason));
        model.addAttribute("terminationReason", strip(reason));
        return step(agreement, body, model, redirect, "termination", idempotencyKey, () -> {
            agreements.terminate(actor, UUID.fromString(agreement.agreementId()), body);
            return "The agreement is ended. Nothing more can be shared under it.";
        });
    }

    /** A step taken on one agreement. */
    private interface Step {
        String take();
    }

    private ModelAndView step(
            AgreementView agreement,
            Object body,
            Model model,
            RedirectAttributes redirect,
            String form,
            String key,
            Step step) {
        return step(agreement, body, new Problems(), model, redirect, form, key, step);
    }

    /**
     * The form's problems (400), the step's refusal (409), or 303 back to the agreement with a confirmation. The form
     * sent again with its key (a double click) records nothing and lands there too, saying so.
     */
    private ModelAndView step(
            AgreementView agreement,
            Object body,
            Problems problems,
            Model model,
            RedirectAttributes redirect,
            String form,
            String key,
            Step step) {
        problems.check(validator, body);
        String conflict = null;
        if (problems.none()) {
            try {
                String location = path(agreement.agreementId());
                String[] confirmation = {REPEAT};
                submissions.onceForPage(location + "/" + form, key, () -> {
                    confirmation[0] = step.take();
                    return location;
                });
                redirect.addFlashAttribute("confirmation", confirmation[0]);
                return PageForm.seeOther(location);
            } catch (InvalidInput e) {
                problems.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        problems.into(model, conflict);
        return agreementPage(agreement, model, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    private ModelAndView agreementPage(AgreementView agreement, Model model, HttpStatus status) {
        Actor actor = CurrentActor.get();
        UUID id = UUID.fromString(agreement.agreementId());
        List<AgreementViews.Party> parties = views.parties(id);
        boolean open = agreement.status() != AgreementStatus.TERMINATED;
        boolean partyRepresentative = actor.has(Role.NOMINATED_REPRESENTATIVE)
                && actor.agencyId() != null
                && agreement.parties().contains(actor.agencyId());
        boolean mayAct = partyRepresentative || actor.has(Role.TRUST_REVIEWER);
        String signsFor = partyRepresentative
                        && agreement.status() == AgreementStatus.AWAITING_SIGNATURES
                        && parties.stream().anyMatch(p -> p.agencyId().equals(actor.agencyId()) && !p.signed())
                ? actor.agencyId()
                : null;
        model.addAttribute("agreement", agreement);
        model.addAttribute("parties", parties);
        model.addAttribute("history", views.history(id));
        model.addAttribute("signsFor", signsFor);
        model.addAttribute("signsForName", signsFor == null ? null : name(signsFor));
        model.addAttribute(
                "mayReview",
                mayAct
                        && (agreement.status() == AgreementStatus.ACTIVE
                                || agreement.status() == AgreementStatus.REVIEW_DUE));
        model.addAttribute("mayTerminate", mayAct && open);
        if (!model.containsAttribute("reviewValues")) {
            model.addAttribute(
                    "reviewValues",
                    new ReviewValues(
                            LocalDate.now(clock.withZone(ZoneOffset.UTC))
                                    .plusYears(1)
                                    .toString(),
                            ""));
        }
        if (!model.containsAttribute("terminationReason")) {
            model.addAttribute("terminationReason", "");
        }
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return page("agreement", status);
    }

    private ModelAndView proposalPage(Model model, HttpStatus status) {
        model.addAttribute(
                "agencies",
                agencies.all().stream()
                        .filter(a -> a.status() == AgencyStatus.SIGNED)
                        .toList());
        return page("agreement-new", status);
    }

    /** Anyone who may read agreements: an agency's practitioners and representatives, the Trust, an administrator. */
    private static Actor reader() {
        Actor actor = CurrentActor.get();
        AgreementViewController.agencyFor(actor, null);
        return actor;
    }

    private static Actor proposer() {
        Actor actor = CurrentActor.get();
        if (!mayPropose(actor)) {
            throw new NotPermitted(
                    "only a NOMINATED_REPRESENTATIVE of an agency or a TRUST_REVIEWER may propose an Information "
                            + "Sharing Protocol");
        }
        return actor;
    }

    private static boolean mayPropose(Actor actor) {
        return actor.has(Role.TRUST_REVIEWER) || (actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null);
    }

    private AgreementView known(String agreementId) {
        UUID id;
        try {
            id = UUID.fromString(agreementId);
        } catch (IllegalArgumentException e) {
            throw new NotFound("There is no agreement " + agreementId + ".");
        }
        return views.one(id).orElseThrow(() -> new NotFound("There is no agreement " + agreementId + "."));
    }

    private AgreementView readable(String agreementId) {
        AgreementView agreement = known(agreementId);
        if (!AgreementViewController.mayRead(CurrentActor.get(), agreement)) {
            throw new NotPermitted("only the users of its parties (" + String.join(", ", agreement.parties())
                    + "), a TRUST_REVIEWER or an ADMIN may read this agreement");
        }
        return agreement;
    }

    private String name(String agencyId) {
        return agencies.one(agencyId).map(AgencyViews.AgencyView::name).orElse(agencyId);
    }

    private static AgreementStatus parseStatus(String status) {
        try {
            return AgreementStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("status", "must be one of " + Arrays.toString(AgreementStatus.values()));
        }
    }

    static String path(String agreementId) {
        return "/agreements/" + UriUtils.encodePathSegment(agreementId, StandardCharsets.UTF_8);
    }

    private static ModelAndView page(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    private static String strip(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** What the proposal form shows again after a problem. */
    record ProposalValues(
            String title, List<String> parties, String purpose, String dataItems, String lawfulBasis, String reviewOn) {

        ProposalValues {
            parties = List.copyOf(parties);
        }
    }

    /** What the review form shows again after a problem. */
    record ReviewValues(String nextReviewOn, String note) {}

    /** One problem of a form: the element it links to, and what to do, in words. */
    record Problem(String field, String text) {}

    /** A form's problems, one per field, in the order found. */
    private static final class Problems {

        private final Map<String, String> byField = new LinkedHashMap<>();

        LocalDate date(String field, String value) {
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                put(field, "Enter a real date, as YYYY-MM-DD");
                return null;
            }
        }

        void check(Validator validator, Object body) {
            for (ConstraintViolation<Object> violation : validator.validate(body)) {
                add(violation.getPropertyPath().toString(), violation.getMessage(), violation.getInvalidValue());
            }
        }

        void add(InvalidInput e) {
            e.problems().forEach(problem -> add(problem.field(), problem.message(), "given"));
        }

        private void add(String path, String message, Object value) {
            String field = path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
            String[] known = FIELDS.getOrDefault(field, new String[] {field, field});
            boolean missing = value == null
                    || (value instanceof String text && text.isBlank())
                    || (value instanceof List<?> list && list.isEmpty());
            put(known[0], missing ? known[1] : known[1] + ": it " + message);
        }

        private void put(String id, String text) {
            byField.putIfAbsent(id, text);
        }

        boolean none() {
            return byField.isEmpty();
        }

        void into(Model model, String conflict) {
            List<Problem> errors = new ArrayList<>();
            byField.forEach((field, text) -> errors.add(new Problem(field, text)));
            model.addAttribute("errors", errors);
            model.addAttribute("fieldErrors", byField);
            model.addAttribute("conflict", conflict);
        }
    }
}
