package org.sharingledger.projections.selfassessments;

import static org.sharingledger.projections.pages.PageForm.strip;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.sharingledger.platform.rules.FreeText;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageForm;
import org.sharingledger.projections.pages.PageForm.Field;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.selfassessments.SelfAssessmentViews.Detail;
import org.sharingledger.selfassessment.api.Question;
import org.sharingledger.selfassessment.api.QuestionAnswer;
import org.sharingledger.selfassessment.api.SelfAssessmentAnswer;
import org.sharingledger.selfassessment.api.SelfAssessments;
import org.sharingledger.selfassessment.api.SelfAssessments.Answer;
import org.sharingledger.selfassessment.api.SelfAssessments.NewQuestion;
import org.sharingledger.selfassessment.api.SelfAssessments.NewSelfAssessment;
import org.sharingledger.selfassessment.api.SelfAssessments.Return;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The self-assessment rounds' pages. The Trust opens a round (one question a line) and watches who has returned and
 * who is outstanding or overdue, reading every return; a nominated representative sees the rounds, its own agency's
 * standing and return, and returns the round for its agency. Every step goes through {@link SelfAssessments}, as the
 * JSON API's do, so the rules and the 403s are the same; who reads how much is {@link SelfAssessmentReaders}'.
 */
@Controller
@Hidden
@LedgerPage
class SelfAssessmentPages {

    private static final Map<String, Field> OPEN = PageForm.fields(
            Field.enter("title", "title", "the title"),
            Field.enter("questions", "questions", "the questions"),
            Field.enter("dueBy", "dueBy", "the due time"));

    /** What a form sent a second time with its key says: it lands where the first one did. */
    private static final String REPEAT =
            "This form had already been sent, and this is what it recorded. Nothing new was recorded.";

    private final SelfAssessments rounds;
    private final SelfAssessmentViews views;
    private final Validator validator;
    private final Vocabulary words;
    private final Clock clock;
    private final FormSubmissions submissions;

    SelfAssessmentPages(
            SelfAssessments rounds,
            SelfAssessmentViews views,
            Validator validator,
            Vocabulary words,
            Clock clock,
            FormSubmissions submissions) {
        this.rounds = rounds;
        this.views = views;
        this.validator = validator;
        this.words = words;
        this.clock = clock;
        this.submissions = submissions;
    }

    @ModelAttribute
    void common(Model model) {
        PageModel.addCommon(model::addAttribute);
        model.addAttribute("words", words);
        model.addAttribute("sf", SelfAssessmentFormats.INSTANCE);
        model.addAttribute("answerChoices", SelfAssessmentAnswer.values());
    }

    @GetMapping("/self-assessments")
    ModelAndView list(Model model) {
        SelfAssessmentReaders.agencyOf(CurrentActor.get());
        PageForm.noProblemsOn(model);
        model.addAttribute("form", new OpenValues(null, null, defaultDue()));
        return list(model, HttpStatus.OK);
    }

    @PostMapping("/self-assessments")
    ModelAndView open(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String questions,
            @RequestParam(required = false) String dueBy,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only a TRUST_REVIEWER may open a self-assessment round");
        }
        OpenValues values = new OpenValues(strip(title), questions == null ? null : questions.strip(), strip(dueBy));
        PageForm form = new PageForm(OPEN);
        Instant due = form.instant("dueBy", values.dueBy());
        List<NewQuestion> asked = questions(values.questions());
        if (asked.size() > SelfAssessments.QUESTIONS) {
            form.add("questions", "Enter at most " + SelfAssessments.QUESTIONS + " questions, one a line");
        }
        NewSelfAssessment body = new NewSelfAssessment(values.title(), asked, due);
        form.check(validator, body);
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                String[] confirmation = {REPEAT};
                Supplier<String> open = () -> {
                    SelfAssessments.Opened opened = rounds.open(actor, body);
                    confirmation[0] = "The round is circulated to " + opened.circulatedTo()
                            + " signed agencies for their returns.";
                    return path(opened.selfAssessmentId());
                };
                String location = submissions
                        .onceForPage("/self-assessments", idempotencyKey, open)
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

    @GetMapping("/self-assessments/{selfAssessmentId}")
    ModelAndView one(@PathVariable UUID selfAssessmentId, Model model) {
        PageForm.noProblemsOn(model);
        return one(selfAssessmentId, model, null, HttpStatus.OK);
    }

    @PostMapping("/self-assessments/{selfAssessmentId}/returns")
    ModelAndView submit(
            @PathVariable UUID selfAssessmentId,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.NOMINATED_REPRESENTATIVE) || actor.agencyId() == null) {
            throw new NotPermitted("only an agency's NOMINATED_REPRESENTATIVE may return a round for it");
        }
        Detail round = known(selfAssessmentId, null);
        List<Question> questions = round.questions();
        PageForm form = new PageForm(returnFields(questions));
        Map<String, String> values = new HashMap<>();
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String answerName = "answers[" + i + "].answer";
            String evidenceName = "answers[" + i + "].evidence";
            String chosenText = strip(params.getFirst("answer-" + i));
            String evidence = strip(params.getFirst("evidence-" + i));
            values.put("answer-" + i, chosenText);
            values.put("evidence-" + i, evidence);
            SelfAssessmentAnswer chosen = form.choice(answerName, chosenText, SelfAssessmentAnswer::valueOf);
            if (chosenText == null) {
                form.add(answerName, "Choose your answer to question " + (i + 1));
            }
            if (evidence != null && evidence.length() > SelfAssessments.EVIDENCE) {
                form.add(
                        evidenceName,
                        "The evidence for question " + (i + 1) + " must be at most " + SelfAssessments.EVIDENCE
                                + " characters");
            } else if (FreeText.Check.holdsNhsNumber(evidence)) {
                form.add(evidenceName, "The evidence for question " + (i + 1) + " " + FreeText.PROBLEM);
            } else if (chosen != null && chosen.needsEvidence() && evidence == null) {
                form.add(
                        evidenceName,
                        "Enter the evidence for question " + (i + 1) + ": an answer of "
                                + words.label(chosen).toLowerCase(Locale.UK)
                                + " says what is missing and what is being done");
            }
            answers.add(new Answer(questions.get(i).id(), chosen, evidence));
        }
        String statement = strip(params.getFirst("statement"));
        values.put("statement", statement);
        Return body = new Return(actor.agencyId(), answers, statement);
        // The questions' problems are named above, each at its own field; the rest of the body is checked as the API
        // checks it (the answers stood in for when they have problems of their own, so as not to be named twice).
        form.check(
                validator,
                form.hasErrors()
                        ? new Return(
                                body.agencyId(),
                                List.of(new Answer(questions.get(0).id(), SelfAssessmentAnswer.YES, null)),
                                statement)
                        : body);
        String idempotencyKey = params.getFirst("idempotencyKey");
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                Supplier<String> step = () -> {
                    SelfAssessments.Returned returned = rounds.submit(actor, selfAssessmentId, body);
                    return returned.late()
                            ? "Your agency's return is recorded, after the due time: it is marked late."
                            : "Your agency's return is recorded. You may return the round again; the last return"
                                    + " counts.";
                };
                redirect.addFlashAttribute("confirmation", once(selfAssessmentId, idempotencyKey, step));
                return PageForm.seeOther(path(selfAssessmentId.toString()));
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        return one(selfAssessmentId, model, values, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    /** A return sent twice with the form's key (a double click) is recorded once. */
    private String once(UUID selfAssessmentId, String key, Supplier<String> step) {
        String location = path(selfAssessmentId.toString());
        String[] confirmation = {REPEAT};
        boolean repeat = submissions
                .onceForPage(location + "/returns", key, () -> {
                    confirmation[0] = step.get();
                    return location;
                })
                .repeat();
        return repeat ? REPEAT : confirmation[0];
    }

    private ModelAndView list(Model model, HttpStatus status) {
        Actor actor = CurrentActor.get();
        String agencyId = SelfAssessmentReaders.agencyOf(actor);
        model.addAttribute("mayOpen", actor.has(Role.TRUST_REVIEWER));
        model.addAttribute("representative", agencyId != null);
        model.addAttribute("rounds", views.list(200, 0));
        model.addAttribute("ownStandings", agencyId != null ? views.standingsOf(agencyId) : Map.<String, String>of());
        if (model.getAttribute("formKey") == null) {
            model.addAttribute("formKey", UUID.randomUUID().toString());
        }
        ModelAndView page = new ModelAndView("self-assessments");
        page.setStatus(status);
        return page;
    }

    private ModelAndView one(UUID selfAssessmentId, Model model, Map<String, String> sent, HttpStatus status) {
        Actor actor = CurrentActor.get();
        String agencyId = SelfAssessmentReaders.agencyOf(actor);
        Detail round = known(selfAssessmentId, agencyId);
        boolean circulated = agencyId != null && round.circulatedTo(agencyId);
        boolean mayReturn = circulated && actor.has(Role.NOMINATED_REPRESENTATIVE);
        var own = agencyId == null ? null : round.returnOf(agencyId).orElse(null);
        model.addAttribute("round", round);
        model.addAttribute("readsAll", agencyId == null);
        model.addAttribute("mayReturn", mayReturn);
        model.addAttribute("ownReturn", own);
        model.addAttribute(
                "ownOutstanding",
                agencyId == null
                        ? null
                        : round.outstanding().stream()
                                .filter(o -> o.agencyId().equals(agencyId))
                                .findFirst()
                                .orElse(null));
        model.addAttribute("pastDue", !clock.instant().isBefore(round.dueBy()));
        Map<String, String> values = sent;
        if (values == null) {
            values = new HashMap<>();
            if (own != null) {
                // The form starts from the agency's last return, to be revised.
                Map<String, QuestionAnswer> byQuestion = new HashMap<>();
                own.answers().forEach(a -> byQuestion.put(a.questionId(), a));
                for (int i = 0; i < round.questions().size(); i++) {
                    QuestionAnswer previous =
                            byQuestion.get(round.questions().get(i).id());
                    if (previous != null) {
                        values.put("answer-" + i, previous.answer().name());
                        values.put("evidence-" + i, previous.evidence());
                    }
                }
                values.put("statement", own.statement());
            }
        }
        model.addAttribute("values", values);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        ModelAndView page = new ModelAndView("self-assessment");
        page.setStatus(status);
        return page;
    }

    private Detail known(UUID selfAssessmentId, String agencyId) {
        return views.one(selfAssessmentId.toString())
                .map(detail -> detail.seenBy(agencyId))
                .orElseThrow(() -> new NotFound("There is no self-assessment round " + selfAssessmentId + "."));
    }

    /** The return form's fields: for each question its answer and evidence, then the statement. */
    private static Map<String, Field> returnFields(List<Question> questions) {
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            fields.add(Field.choose("answers[" + i + "].answer", "answer-" + i, "your answer to question " + (i + 1)));
            fields.add(Field.enter(
                    "answers[" + i + "].evidence", "evidence-" + i, "the evidence for question " + (i + 1)));
        }
        fields.add(Field.choose("answers", "answer-0", "your answers"));
        fields.add(Field.enter("statement", "statement", "your agency's position statement"));
        return PageForm.fields(fields.toArray(Field[]::new));
    }

    /** One question a line, blank lines left out; the ids are q1, q2, ... in the order written. */
    static List<NewQuestion> questions(String text) {
        List<NewQuestion> questions = new ArrayList<>();
        if (text == null) {
            return questions;
        }
        text.lines()
                .map(PageForm::strip)
                .filter(line -> line != null)
                .forEach(question -> questions.add(new NewQuestion("q" + (questions.size() + 1), question)));
        return questions;
    }

    private String defaultDue() {
        return LocalDateTime.ofInstant(clock.instant().plus(Duration.ofDays(28)), ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.HOURS)
                .toString();
    }

    static String path(String selfAssessmentId) {
        return "/self-assessments/" + UriUtils.encodePathSegment(selfAssessmentId, StandardCharsets.UTF_8);
    }

    /** What the opening form shows again after a problem. */
    record OpenValues(String title, String questions, String dueBy) {}
}
