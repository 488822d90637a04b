package org.sharingledger.projections.training;

import static org.sharingledger.projections.pages.PageForm.strip;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.DateBounds;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidLines;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.agencies.AgencyViews;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageForm;
import org.sharingledger.projections.pages.PageForm.Field;
import org.sharingledger.projections.pages.PageForm.PageError;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.training.api.Course;
import org.sharingledger.training.api.TrainingRecords;
import org.sharingledger.training.api.TrainingRecords.NewRecord;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The training pages, for the Trust, an administrator and a nominated representative: the summary of a period (people
 * trained, by course, by agency), the records of an agency, a form to record one attendance and a page to upload a
 * file of them. Every step goes through {@link TrainingRecords}, as the JSON API's do, so the rules are the same.
 */
@Controller
@Hidden
@LedgerPage
class TrainingPages {

    static final int PAGE_SIZE = 50;

    private static final Map<String, Field> RECORD = PageForm.fields(
            Field.choose("agencyId", "agencyId", "the agency"),
            Field.enter("practitioner", "practitioner", "the person's name"),
            Field.enter("username", "username", "the ledger username"),
            Field.choose("course", "course", "the course"),
            Field.enter("completedOn", "completedOn", "the day the course was completed"),
            Field.choose("assessmentPassed", "assessmentPassed", "whether the assessment was passed"),
            Field.enter("validUntil", "validUntil", "the day it counts until"));

    private static final String REPEAT =
            "This form had already been sent, and this is what it recorded. Nothing new was recorded.";

    private final TrainingRecords training;
    private final TrainingViews views;
    private final AgencyViews agencies;
    private final Validator validator;
    private final Vocabulary words;
    private final Clock clock;
    private final FormSubmissions submissions;

    TrainingPages(
            TrainingRecords training,
            TrainingViews views,
            AgencyViews agencies,
            Validator validator,
            Vocabulary words,
            Clock clock,
            FormSubmissions submissions) {
        this.training = training;
        this.views = views;
        this.agencies = agencies;
        this.validator = validator;
        this.words = words;
        this.clock = clock;
        this.submissions = submissions;
    }

    @ModelAttribute
    void common(Model model) {
        PageModel.addCommon(model::addAttribute);
        model.addAttribute("words", words);
        model.addAttribute("tf", TrainingFormats.INSTANCE);
        model.addAttribute("courses", Course.values());
    }

    @GetMapping("/training")
    ModelAndView training(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String agencyId,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Actor actor = reader();
        PageForm.noProblemsOn(model);
        Map<String, String> values = new HashMap<>();
        values.put("agencyId", trust(actor) ? strip(agencyId) : actor.agencyId());
        model.addAttribute("values", values);
        return page(model, actor, from, to, agencyId, Math.max(page, 0), HttpStatus.OK);
    }

    @PostMapping("/training")
    ModelAndView record(
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String practitioner,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String course,
            @RequestParam(required = false) String completedOn,
            @RequestParam(required = false) String assessmentPassed,
            @RequestParam(required = false) String validUntil,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = reader();
        String agency = trust(actor) ? strip(agencyId) : actor.agencyId();
        PageForm form = new PageForm(RECORD);
        Course chosen = form.choice("course", course, Course::valueOf);
        LocalDate completed = form.date("completedOn", completedOn);
        LocalDate until = form.date("validUntil", validUntil);
        Boolean passed = null;
        if ("true".equals(strip(assessmentPassed))) {
            passed = true;
        } else if ("false".equals(strip(assessmentPassed))) {
            passed = false;
        }
        NewRecord body = new NewRecord(agency, strip(practitioner), strip(username), chosen, completed, passed, until);
        form.check(validator, body);
        if (!form.hasErrors()) {
            try {
                String[] confirmation = {REPEAT};
                Supplier<String> step = () -> {
                    TrainingRecords.Recorded recorded = training.record(actor, body);
                    confirmation[0] = recorded.created()
                            ? "The attendance of " + body.practitioner() + " is recorded."
                            : "This attendance was already recorded. Nothing new was recorded.";
                    return agencyPath(agency);
                };
                String location = submissions
                        .onceForPage("/training", idempotencyKey, step)
                        .location();
                redirect.addFlashAttribute("confirmation", confirmation[0]);
                return PageForm.seeOther(location);
            } catch (InvalidInput e) {
                form.add(e);
            }
        }
        model.addAttribute("errors", form.errors());
        model.addAttribute("fieldErrors", form.byField());
        Map<String, String> values = new HashMap<>();
        values.put("agencyId", agency);
        values.put("practitioner", strip(practitioner));
        values.put("username", strip(username));
        values.put("course", strip(course));
        values.put("completedOn", strip(completedOn));
        values.put("assessmentPassed", strip(assessmentPassed));
        values.put("validUntil", strip(validUntil));
        model.addAttribute("values", values);
        model.addAttribute("formKey", FormSubmissions.wellFormed(idempotencyKey) ? idempotencyKey : null);
        return page(model, actor, null, null, agency, 0, HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/training/upload")
    ModelAndView upload(Model model) {
        reader();
        PageForm.noProblemsOn(model);
        return upload(model, HttpStatus.OK);
    }

    @PostMapping("/training/upload")
    ModelAndView upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Actor actor = reader();
        List<PageError> errors = new ArrayList<>();
        if (file == null || file.isEmpty()) {
            errors.add(new PageError("file", "Choose a CSV file to upload"));
        } else {
            byte[] bytes = file.getBytes();
            try {
                String[] confirmation = {REPEAT};
                Supplier<String> step = () -> {
                    TrainingRecords.Imported imported = training.importCsv(actor, bytes);
                    confirmation[0] = imported.imported() + " attendances imported from " + imported.lines()
                            + " lines; " + imported.alreadyRecorded() + " were already recorded.";
                    return "/training";
                };
                String location = submissions
                        .onceForPage("/training/upload", idempotencyKey, step)
                        .location();
                redirect.addFlashAttribute("confirmation", confirmation[0]);
                return PageForm.seeOther(location);
            } catch (InvalidLines e) {
                e.lines()
                        .forEach(problem -> errors.add(new PageError(
                                "file",
                                "Line " + problem.line() + ": " + label(problem.field()) + " " + problem.message())));
            } catch (InvalidInput e) {
                e.problems().forEach(problem -> errors.add(new PageError("file", "The file " + problem.message())));
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("fieldErrors", Map.of("file", errors.get(0).text()));
        model.addAttribute("formKey", FormSubmissions.wellFormed(idempotencyKey) ? idempotencyKey : null);
        return upload(model, HttpStatus.BAD_REQUEST);
    }

    private static String label(String field) {
        return switch (field) {
            case "line" -> "the line";
            case "header" -> "the header line";
            default -> field;
        };
    }

    private ModelAndView upload(Model model, HttpStatus status) {
        model.addAttribute("header", TrainingRecords.CSV_HEADER);
        model.addAttribute("maxLines", TrainingRecords.MAX_CSV_LINES);
        if (model.getAttribute("formKey") == null) {
            model.addAttribute("formKey", UUID.randomUUID().toString());
        }
        ModelAndView view = new ModelAndView("training-upload");
        view.setStatus(status);
        return view;
    }

    private ModelAndView page(
            Model model, Actor actor, String fromText, String toText, String agencyId, int page, HttpStatus status) {
        boolean trust = trust(actor);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate to = date("to", toText, today);
        LocalDate from = date("from", fromText, to.minusYears(1).plusDays(1));
        DateBounds.check("from", from, "to", to, clock);
        String agency = trust ? strip(agencyId) : actor.agencyId();
        model.addAttribute("trust", trust);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("agencyId", agency);
        model.addAttribute(
                "agencyName",
                agency == null
                        ? null
                        : agencies.one(agency).map(AgencyViews.AgencyView::name).orElse(agency));
        model.addAttribute("agencies", trust ? agencies.all() : List.of());
        model.addAttribute("summary", views.summary(from, to, agency));
        model.addAttribute("records", views.page(agency, page, PAGE_SIZE));
        long total = views.count(agency);
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("previous", page > 0 ? link(from, to, agency, page - 1) : null);
        model.addAttribute("next", (long) (page + 1) * PAGE_SIZE < total ? link(from, to, agency, page + 1) : null);
        if (model.getAttribute("formKey") == null) {
            model.addAttribute("formKey", UUID.randomUUID().toString());
        }
        ModelAndView view = new ModelAndView("training");
        view.setStatus(status);
        return view;
    }

    private static String link(LocalDate from, LocalDate to, String agencyId, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/training")
                .queryParam("from", from)
                .queryParam("to", to);
        if (agencyId != null) {
            link.queryParam("agencyId", agencyId);
        }
        return link.queryParam("page", page).encode(StandardCharsets.UTF_8).toUriString();
    }

    private static LocalDate date(String name, String text, LocalDate otherwise) {
        String value = strip(text);
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name, "must be a date such as 2009-03-31");
        }
    }

    private static String agencyPath(String agencyId) {
        return agencyId == null
                ? "/training"
                : UriComponentsBuilder.fromPath("/training")
                        .queryParam("agencyId", agencyId)
                        .encode(StandardCharsets.UTF_8)
                        .toUriString();
    }

    private static boolean trust(Actor actor) {
        return actor.hasAny(Role.ADMIN, Role.TRUST_REVIEWER);
    }

    /** The pages are the Trust's, an administrator's and the nominated representatives'; anyone else gets 403. */
    private static Actor reader() {
        Actor actor = CurrentActor.get();
        if (!trust(actor) && !(actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null)) {
            throw new NotPermitted(
                    "only an ADMIN, a TRUST_REVIEWER or a NOMINATED_REPRESENTATIVE may see and record training");
        }
        return actor;
    }

    /** How the training pages write dates. */
    static final class TrainingFormats {

        static final TrainingFormats INSTANCE = new TrainingFormats();

        private static final java.time.format.DateTimeFormatter DAY =
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

        private TrainingFormats() {}

        public String day(LocalDate day) {
            return day == null ? "" : DAY.format(day);
        }
    }
}
