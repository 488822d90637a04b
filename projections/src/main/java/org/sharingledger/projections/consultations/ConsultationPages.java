package org.sharingledger.projections.consultations;

import static org.sharingledger.projections.pages.PageForm.strip;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.sharingledger.consultation.api.ConsultationResponse;
import org.sharingledger.consultation.api.ConsultationStatus;
import org.sharingledger.consultation.api.Consultations;
import org.sharingledger.consultation.api.Consultations.Adoption;
import org.sharingledger.consultation.api.Consultations.Answer;
import org.sharingledger.consultation.api.Consultations.Comment;
import org.sharingledger.consultation.api.Consultations.NewConsultation;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.consultations.ConsultationViews.Detail;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageForm;
import org.sharingledger.projections.pages.PageForm.Field;
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
 * The consultations' pages. The Trust opens a consultation, watches its tally and who has not answered, reads the
 * discussion and adopts the version; a nominated representative sees the consultations circulated to its agency,
 * answers and comments. Anyone signed in may read them. Every step goes through {@link Consultations}, as the JSON
 * API's do, so the rules and the 403s are the same.
 */
@Controller
@Hidden
@LedgerPage
class ConsultationPages {

    private static final Map<String, Field> OPEN = PageForm.fields(
            Field.enter("codeVersion", "codeVersion", "the version of the Code"),
            Field.enter("title", "title", "the title"),
            Field.enter("summaryOfChanges", "summaryOfChanges", "the summary of changes"),
            Field.enter("respondBy", "respondBy", "the closing time"));
    private static final Map<String, Field> ANSWER = PageForm.fields(
            Field.choose("response", "response", "your agency's answer"),
            Field.enter("comments", "comments", "comments"));
    private static final Map<String, Field> COMMENT =
            PageForm.fields(Field.enter("text", "comment-text", "your comment"));
    private static final Map<String, Field> ADOPT = PageForm.fields(
            Field.enter("adoptedOn", "adoptedOn", "the date it was adopted"),
            Field.enter("note", "adoption-note", "a note"));

    /** What a form sent a second time with its key says: it lands where the first one did. */
    private static final String REPEAT =
            "This form had already been sent, and this is what it recorded. Nothing new was recorded.";

    private final Consultations consultations;
    private final ConsultationViews views;
    private final Validator validator;
    private final Vocabulary words;
    private final Clock clock;
    private final FormSubmissions submissions;

    ConsultationPages(
            Consultations consultations,
            ConsultationViews views,
            Validator validator,
            Vocabulary words,
            Clock clock,
            FormSubmissions submissions) {
        this.submissions = submissions;
        this.consultations = consultations;
        this.views = views;
        this.validator = validator;
        this.words = words;
        this.clock = clock;
    }

    @ModelAttribute
    void common(Model model) {
        PageModel.addCommon(model::addAttribute);
        model.addAttribute("words", words);
        model.addAttribute("cf", ConsultationFormats.INSTANCE);
        model.addAttribute("responses", ConsultationResponse.values());
        model.addAttribute("standings", ConsultationViews.TALLY);
    }

    @GetMapping("/consultations")
    ModelAndView list(Model model) {
        PageForm.noProblemsOn(model);
        model.addAttribute("form", new OpenValues(null, null, null, defaultClosing()));
        return list(model, HttpStatus.OK);
    }

    @PostMapping("/consultations")
    ModelAndView open(
            @RequestParam(required = false) String codeVersion,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String summaryOfChanges,
            @RequestParam(required = false) String respondBy,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)) {
            throw new NotPermitted("only a TRUST_REVIEWER or an ADMIN may open a consultation");
        }
        OpenValues values = new OpenValues(strip(codeVersion), strip(title), strip(summaryOfChanges), strip(respondBy));
        PageForm form = new PageForm(OPEN);
        Instant closing = form.instant("respondBy", values.respondBy());
        NewConsultation body =
                new NewConsultation(values.codeVersion(), values.title(), values.summaryOfChanges(), closing);
        form.check(validator, body);
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                String[] confirmation = {REPEAT};
                Supplier<String> open = () -> {
                    Consultations.Opened opened = consultations.open(actor, body);
                    confirmation[0] = "Version " + body.codeVersion() + " is circulated to " + opened.circulatedTo()
                            + " signed agencies for their answers.";
                    return path(opened.consultationId());
                };
                String location = submissions
                        .onceForPage("/consultations", idempotencyKey, open)
                        .location();
                redirect.addFlashAttribute("confirmation", confirmation[0]);
                return PageForm.seeOther(location);
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        model.addAttribute("form", values);
        model.addAttribute("formKey", FormSubmissions.wellFormed(idempotencyKey) ? idempotencyKey : null);
        return list(model, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/consultations/{consultationId}")
    ModelAndView one(@PathVariable UUID consultationId, Model model) {
        PageForm.noProblemsOn(model);
        return one(consultationId, model, Map.of(), HttpStatus.OK);
    }

    @PostMapping("/consultations/{consultationId}/responses")
    ModelAndView respond(
            @PathVariable UUID consultationId,
            @RequestParam(required = false) String response,
            @RequestParam(required = false) String comments,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.NOMINATED_REPRESENTATIVE) || actor.agencyId() == null) {
            throw new NotPermitted("only an agency's NOMINATED_REPRESENTATIVE may answer for it");
        }
        PageForm form = new PageForm(ANSWER);
        ConsultationResponse chosen = null;
        if (strip(response) != null) {
            try {
                chosen = ConsultationResponse.valueOf(strip(response));
            } catch (IllegalArgumentException e) {
                form.add("response", "Choose your agency's answer from the list");
            }
        }
        Answer body = new Answer(actor.agencyId(), chosen, strip(comments));
        if (chosen == ConsultationResponse.OBJECT && body.comments() == null) {
            form.add("comments", "Enter comments: an objection says why");
        }
        form.check(validator, body);
        Map<String, String> values = new HashMap<>();
        values.put("response", strip(response));
        values.put("comments", strip(comments));
        return step(
                consultationId,
                form,
                model,
                redirect,
                once(
                        "responses",
                        consultationId,
                        idempotencyKey,
                        () -> consultations.respond(actor, consultationId, body),
                        "Your agency's answer is recorded. You may change it until the consultation closes."),
                values);
    }

    @PostMapping("/consultations/{consultationId}/comments")
    ModelAndView comment(
            @PathVariable UUID consultationId,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.TRUST_REVIEWER)
                && !(actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null)) {
            throw new NotPermitted("only the Trust (a TRUST_REVIEWER) or the NOMINATED_REPRESENTATIVE of an agency the"
                    + " consultation was circulated to may comment on it");
        }
        PageForm form = new PageForm(COMMENT);
        Comment body = new Comment(strip(text));
        form.check(validator, body);
        Map<String, String> values = new HashMap<>();
        values.put("text", strip(text));
        return step(
                consultationId,
                form,
                model,
                redirect,
                once(
                        "comments",
                        consultationId,
                        idempotencyKey,
                        () -> consultations.comment(actor, consultationId, body),
                        "Your comment is added to the discussion."),
                values);
    }

    @PostMapping("/consultations/{consultationId}/adoption")
    ModelAndView adopt(
            @PathVariable UUID consultationId,
            @RequestParam(required = false) String adoptedOn,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only a TRUST_REVIEWER may adopt a version of the Code");
        }
        PageForm form = new PageForm(ADOPT);
        LocalDate date = null;
        if (strip(adoptedOn) != null) {
            try {
                date = LocalDate.parse(strip(adoptedOn));
            } catch (DateTimeParseException e) {
                form.add("adoptedOn", "The date it was adopted must be a real date, such as 2010-02-05");
            }
        }
        Adoption body = new Adoption(date, strip(note));
        form.check(validator, body);
        Map<String, String> values = new HashMap<>();
        values.put("adoptedOn", strip(adoptedOn));
        values.put("note", strip(note));
        return step(
                consultationId,
                form,
                model,
                redirect,
                once(
                        "adoption",
                        consultationId,
                        idempotencyKey,
                        () -> consultations.adopt(actor, consultationId, body),
                        "The version is adopted as the current Code of Practice."),
                values);
    }

    /**
     * A step that a form sent twice (a double click, a form sent again) takes once: with the form's key seen before,
     * nothing new is recorded (the form's hidden key; {@link FormSubmissions}). It answers the confirmation, or says
     * that the form had already been sent.
     */
    private Supplier<String> once(String form, UUID consultationId, String key, Runnable step, String confirmation) {
        String location = path(consultationId.toString());
        return () -> submissions
                        .onceForPage(location + "/" + form, key, () -> {
                            step.run();
                            return location;
                        })
                        .repeat()
                ? REPEAT
                : confirmation;
    }

    /** A step on one consultation: the form's problems (400), the step's refusal (409), or 303 with a confirmation. */
    private ModelAndView step(
            UUID consultationId,
            PageForm form,
            Model model,
            RedirectAttributes redirect,
            Supplier<String> step,
            Map<String, String> values) {
        known(consultationId);
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                redirect.addFlashAttribute("confirmation", step.get());
                return PageForm.seeOther(path(consultationId.toString()));
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        return one(consultationId, model, values, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    private ModelAndView list(Model model, HttpStatus status) {
        Actor actor = CurrentActor.get();
        boolean representative = actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null;
        boolean trust = actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN);
        model.addAttribute("mayOpen", trust);
        model.addAttribute("representative", representative && !trust);
        String agencyId = representative && !trust ? actor.agencyId() : null;
        model.addAttribute("consultations", views.list(null, agencyId, 200, 0));
        model.addAttribute("ownStandings", agencyId != null ? views.standingsOf(agencyId) : Map.<String, String>of());
        if (model.getAttribute("formKey") == null) {
            model.addAttribute("formKey", UUID.randomUUID().toString());
        }
        ModelAndView page = new ModelAndView("consultations");
        page.setStatus(status);
        return page;
    }

    private ModelAndView one(UUID consultationId, Model model, Map<String, String> values, HttpStatus status) {
        Actor actor = CurrentActor.get();
        Detail consultation = known(consultationId);
        Instant now = clock.instant();
        boolean open = consultation.status() == ConsultationStatus.OPEN && now.isBefore(consultation.respondBy());
        boolean circulated = actor.agencyId() != null
                && consultation.standingOf(actor.agencyId()).isPresent();
        boolean representative = actor.has(Role.NOMINATED_REPRESENTATIVE) && circulated;
        boolean trust = actor.has(Role.TRUST_REVIEWER);
        model.addAttribute("consultation", consultation);
        model.addAttribute("open", open);
        model.addAttribute("mayAnswer", representative && open);
        model.addAttribute(
                "ownStanding",
                representative ? consultation.standingOf(actor.agencyId()).orElse(null) : null);
        model.addAttribute(
                "mayComment", (trust || representative) && consultation.status() != ConsultationStatus.ADOPTED);
        model.addAttribute(
                "mayAdopt",
                trust
                        && consultation.status() != ConsultationStatus.ADOPTED
                        && !now.isBefore(consultation.respondBy()));
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.putIfAbsent("adoptedOn", LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        model.addAttribute("values", shown);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        ModelAndView page = new ModelAndView("consultation");
        page.setStatus(status);
        return page;
    }

    private Detail known(UUID consultationId) {
        return views.one(consultationId.toString())
                .orElseThrow(() -> new NotFound("There is no consultation " + consultationId + "."));
    }

    private String defaultClosing() {
        return LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(28)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.HOURS)
                .toString();
    }

    static String path(String consultationId) {
        return "/consultations/" + UriUtils.encodePathSegment(consultationId, StandardCharsets.UTF_8);
    }

    /** What the opening form shows again after a problem. */
    record OpenValues(String codeVersion, String title, String summaryOfChanges, String respondBy) {}
}
