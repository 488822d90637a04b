package org.sharingledger.projections.accounts;

import static org.sharingledger.projections.pages.PageForm.strip;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agency.api.Registry;
import org.sharingledger.agency.api.Registry.Commissioning;
import org.sharingledger.agency.api.Registry.NewAgency;
import org.sharingledger.agency.api.Registry.NotificationAddress;
import org.sharingledger.agency.api.Registry.Representative;
import org.sharingledger.agency.api.Registry.Signature;
import org.sharingledger.agency.api.Registry.Withdrawal;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.agencies.AgencyViews;
import org.sharingledger.projections.agencies.AgencyViews.AgencyView;
import org.sharingledger.projections.agencies.CodeVersions;
import org.sharingledger.projections.pages.LedgerPage;
import org.sharingledger.projections.pages.PageForm;
import org.sharingledger.projections.pages.PageForm.Field;
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

/**
 * The administrators' pages for the register of signatories: the list and a form to sign a new one; one signatory,
 * with forms to name a new nominated representative, set its notification address and record its withdrawal. Every
 * step goes through {@link Registry}, as the JSON API's do.
 */
@Controller
@Hidden
@LedgerPage
class AdminAgencyPages {

    private static final Map<String, Field> SIGN = PageForm.fields(
            Field.enter("agencyId", "agencyId", "the agency's identifier"),
            Field.enter("name", "name", "the agency's name"),
            Field.choose("sector", "sector", "a sector"),
            Field.enter("localDeliveryArea", "localDeliveryArea", "the local delivery area"),
            Field.enter("nominatedRepresentative.name", "representativeName", "the nominated representative's name"),
            Field.enter(
                    "nominatedRepresentative.email",
                    "representativeEmail",
                    "the nominated representative's e-mail address"),
            Field.enter("signedOn", "signedOn", "the date it signed"),
            Field.enter("codeOfPracticeVersion", "codeOfPracticeVersion", "the version of the Code of Practice"));

    private static final Map<String, Field> REPRESENTATIVE = PageForm.fields(
            Field.enter("name", "representative-name", "the new representative's name"),
            Field.enter("email", "representative-email", "the new representative's e-mail address"));

    private static final Map<String, Field> NOTIFICATIONS =
            PageForm.fields(Field.enter("email", "notification-email", "the notification address"));

    private static final Map<String, Field> WITHDRAWAL = PageForm.fields(
            Field.enter("withdrawnOn", "withdrawnOn", "the date it withdrew"),
            Field.enter("reason", "withdrawal-reason", "the reason for the withdrawal"));

    private static final Map<String, Field> SIGNATURE = PageForm.fields(
            Field.enter("signedOn", "signedAgainOn", "the date it signed again"),
            Field.enter("codeOfPracticeVersion", "signature-version", "the version of the Code of Practice"),
            Field.enter("nominatedRepresentative.name", "signature-representative-name", "the representative's name"),
            Field.enter(
                    "nominatedRepresentative.email",
                    "signature-representative-email",
                    "the representative's e-mail address"));
    private static final Map<String, Field> COMMISSIONING = PageForm.fields(
            Field.choose("commissionedBy", "commissionedBy", "the commissioning agency"),
            Field.enter("contractReference", "commissioning-contract", "the contract reference"));

    private final Registry registry;
    private final AgencyViews agencies;
    private final Validator validator;
    private final Vocabulary words;
    private final Clock clock;
    private final CodeVersions codeVersions;
    private final FormSubmissions submissions;

    AdminAgencyPages(
            Registry registry,
            AgencyViews agencies,
            Validator validator,
            Vocabulary words,
            Clock clock,
            CodeVersions codeVersions,
            FormSubmissions submissions) {
        this.submissions = submissions;
        this.registry = registry;
        this.agencies = agencies;
        this.validator = validator;
        this.words = words;
        this.clock = clock;
        this.codeVersions = codeVersions;
    }

    @ModelAttribute
    void common(Model model) {
        Pages.common(model, words);
        model.addAttribute("sectors", Sector.values());
    }

    @GetMapping("/admin/agencies")
    ModelAndView list(Model model) {
        Pages.adminOnly();
        PageForm.noProblemsOn(model);
        model.addAttribute("form", SignValues.empty(LocalDate.now(clock.withZone(ZoneOffset.UTC))));
        return list(model, HttpStatus.OK);
    }

    @PostMapping("/admin/agencies")
    ModelAndView sign(
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) String localDeliveryArea,
            @RequestParam(required = false) String representativeName,
            @RequestParam(required = false) String representativeEmail,
            @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String codeOfPracticeVersion,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        SignValues values = new SignValues(
                strip(agencyId),
                strip(name),
                strip(sector),
                strip(localDeliveryArea),
                strip(representativeName),
                strip(representativeEmail),
                strip(signedOn),
                strip(codeOfPracticeVersion));
        PageForm form = new PageForm(SIGN);
        Sector chosen = form.choice("sector", values.sector(), Sector::valueOf);
        LocalDate date = form.date("signedOn", values.signedOn());
        NewAgency body = new NewAgency(
                values.agencyId(),
                values.name(),
                chosen,
                values.localDeliveryArea(),
                new Representative(values.representativeName(), values.representativeEmail()),
                date,
                values.codeOfPracticeVersion());
        form.check(validator, body);
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                FormSubmissions.Outcome outcome = submissions.onceForPage("/admin/agencies", idempotencyKey, () -> {
                    registry.sign(body, actor);
                    return Pages.agencyPath(body.agencyId());
                });
                redirect.addFlashAttribute(
                        "confirmation",
                        outcome.repeat() ? Pages.REPEAT : body.name() + " has signed the Code of Practice.");
                return PageForm.seeOther(outcome.location());
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "The agency could not be signed: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        model.addAttribute("form", values);
        return list(model, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/admin/agencies/{agencyId}")
    ModelAndView agency(@PathVariable String agencyId, Model model) {
        Pages.adminOnly();
        PageForm.noProblemsOn(model);
        return agency(agencyId, model, null, null, null, HttpStatus.OK);
    }

    @PostMapping("/admin/agencies/{agencyId}/representative")
    ModelAndView changeRepresentative(
            @PathVariable String agencyId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        Representative body = new Representative(strip(name), strip(email));
        PageForm form = new PageForm(REPRESENTATIVE);
        form.check(validator, body);
        return step(
                agencyId,
                form,
                model,
                redirect,
                once(
                        "representative",
                        agencyId,
                        idempotencyKey,
                        () -> registry.changeRepresentative(agencyId, body, actor),
                        body.name() + " is now the nominated representative."),
                body,
                null,
                null);
    }

    @PostMapping("/admin/agencies/{agencyId}/notification-address")
    ModelAndView setNotificationAddress(
            @PathVariable String agencyId,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        NotificationAddress body = new NotificationAddress(strip(email));
        PageForm form = new PageForm(NOTIFICATIONS);
        form.check(validator, body);
        return step(
                agencyId,
                form,
                model,
                redirect,
                once(
                        "notification-address",
                        agencyId,
                        idempotencyKey,
                        () -> registry.setNotificationAddress(agencyId, body.email(), actor),
                        "Notifications will be mailed to " + body.email() + "."),
                null,
                body.email(),
                null);
    }

    @PostMapping("/admin/agencies/{agencyId}/withdrawal")
    ModelAndView withdraw(
            @PathVariable String agencyId,
            @RequestParam(required = false) String withdrawnOn,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        PageForm form = new PageForm(WITHDRAWAL);
        Withdrawal body = new Withdrawal(form.date("withdrawnOn", withdrawnOn), strip(reason));
        form.check(validator, body);
        return step(
                agencyId,
                form,
                model,
                redirect,
                once(
                        "withdrawal",
                        agencyId,
                        idempotencyKey,
                        () -> registry.withdraw(agencyId, body, actor),
                        "The withdrawal is recorded, and the agency's users are disabled."),
                null,
                null,
                new WithdrawalValues(strip(withdrawnOn), strip(reason)));
    }

    /**
     * A withdrawn agency signs again. Leaving the representative's name and address both empty keeps the one it had.
     * Its users stay disabled: the confirmation says so.
     */
    @PostMapping("/admin/agencies/{agencyId}/signature")
    ModelAndView signAgain(
            @PathVariable String agencyId,
            @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String codeOfPracticeVersion,
            @RequestParam(required = false) String representativeName,
            @RequestParam(required = false) String representativeEmail,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        SignatureValues values = new SignatureValues(
                strip(signedOn), strip(codeOfPracticeVersion), strip(representativeName), strip(representativeEmail));
        PageForm form = new PageForm(SIGNATURE);
        Representative representative = values.representativeName() == null && values.representativeEmail() == null
                ? null
                : new Representative(values.representativeName(), values.representativeEmail());
        Signature body =
                new Signature(form.date("signedOn", values.signedOn()), values.codeOfPracticeVersion(), representative);
        form.check(validator, body);
        model.addAttribute("signature", values);
        return step(
                agencyId,
                form,
                model,
                redirect,
                once(
                        "signature",
                        agencyId,
                        idempotencyKey,
                        () -> registry.signAgain(agencyId, body, actor),
                        "The agency has signed the Code of Practice again. Its users stay disabled: enable each one who acts"
                                + " for it again."),
                null,
                null,
                null);
    }

    /**
     * For one agency's page: the agencies that may be named as its commissioner, and its commissioner's name. (A
     * method of its own, so that the commissioning forms add to the page without changing how it is built.)
     */
    @ModelAttribute
    void commissioningChoices(@PathVariable(name = "agencyId", required = false) String agencyId, Model model) {
        if (agencyId == null) {
            return;
        }
        model.addAttribute(
                "commissioners",
                agencies.all().stream()
                        .filter(a -> !a.agencyId().equals(agencyId) && a.status() == AgencyStatus.SIGNED)
                        .toList());
        model.addAttribute(
                "commissionerName",
                agencies.one(agencyId)
                        .map(AgencyView::commissionedBy)
                        .flatMap(agencies::one)
                        .map(AgencyView::name)
                        .orElse(null));
    }

    @PostMapping("/admin/agencies/{agencyId}/commissioning")
    ModelAndView recordCommissioning(
            @PathVariable String agencyId,
            @RequestParam(required = false) String commissionedBy,
            @RequestParam(required = false) String contractReference,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        CommissioningValues values = new CommissioningValues(strip(commissionedBy), strip(contractReference));
        Commissioning body = new Commissioning(values.commissionedBy(), values.contractReference());
        PageForm form = new PageForm(COMMISSIONING);
        form.check(validator, body);
        AgencyView agency = known(agencyId);
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                registry.recordCommissioning(agencyId, body, actor);
                redirect.addFlashAttribute(
                        "confirmation",
                        agency.name() + " is recorded as commissioned by "
                                + agencies.one(body.commissionedBy())
                                        .map(AgencyView::name)
                                        .orElse(body.commissionedBy())
                                + ".");
                return PageForm.seeOther(Pages.agencyPath(agencyId));
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        model.addAttribute("commissioning", values);
        return agency(
                agencyId, model, null, null, null, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/admin/agencies/{agencyId}/commissioning/end")
    ModelAndView endCommissioning(
            @PathVariable String agencyId,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        AgencyView agency = known(agencyId);
        String confirmation;
        try {
            confirmation = once(
                            "commissioning/end",
                            agencyId,
                            idempotencyKey,
                            () -> registry.endCommissioning(agencyId, actor),
                            agency.name() + " is no longer recorded as commissioned by any agency.")
                    .get();
        } catch (StepNotAllowed | InvalidInput e) {
            new PageForm(COMMISSIONING).showOn(model, "Nothing was recorded: " + e.getMessage() + ".");
            return agency(agencyId, model, null, null, null, HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("confirmation", confirmation);
        return PageForm.seeOther(Pages.agencyPath(agencyId));
    }

    /**
     * A step on one agency's page taken once for the form's hidden key: sent again (a double click), it records
     * nothing and lands on the agency's page, saying so. It answers the confirmation to show.
     */
    private Supplier<String> once(String form, String agencyId, String key, Runnable step, String confirmation) {
        return () -> {
            String location = Pages.agencyPath(agencyId);
            boolean repeat = submissions
                    .onceForPage(location + "/" + form, key, () -> {
                        step.run();
                        return location;
                    })
                    .repeat();
            return repeat ? Pages.REPEAT : confirmation;
        };
    }

    /** A step on one agency: the form's problems (400), the step's refusal (409), or 303 with a confirmation. */
    private ModelAndView step(
            String agencyId,
            PageForm form,
            Model model,
            RedirectAttributes redirect,
            Supplier<String> step,
            Representative representative,
            String notificationAddress,
            WithdrawalValues withdrawal) {
        AgencyView agency = known(agencyId);
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                redirect.addFlashAttribute("confirmation", step.get());
                return PageForm.seeOther(Pages.agencyPath(agency.agencyId()));
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        return agency(
                agencyId,
                model,
                representative,
                notificationAddress,
                withdrawal,
                conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    private ModelAndView list(Model model, HttpStatus status) {
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return Pages.page("admin-agencies", status);
    }

    private ModelAndView agency(
            String agencyId,
            Model model,
            Representative representative,
            String notificationAddress,
            WithdrawalValues withdrawal,
            HttpStatus status) {
        AgencyView agency = known(agencyId);
        model.addAttribute("agency", agency);
        model.addAttribute("signed", agency.status() == AgencyStatus.SIGNED);
        model.addAttribute(
                "representative",
                representative != null
                        ? representative
                        : new Representative(
                                agency.nominatedRepresentative().name(),
                                agency.nominatedRepresentative().email()));
        model.addAttribute(
                "notificationAddress",
                notificationAddress != null ? notificationAddress : agency.notificationAddress());
        model.addAttribute("withdrawal", withdrawal != null ? withdrawal : new WithdrawalValues(null, null));
        model.addAttribute("currentCode", codeVersions.current().orElse(null));
        model.addAttribute("formKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("signature")) {
            model.addAttribute("signature", SignatureValues.of(agency, today(), codeVersions.current()));
        }
        return Pages.page("admin-agency", status);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private AgencyView known(String agencyId) {
        return agencies.one(agencyId).orElseThrow(() -> new NotFound("There is no signatory " + agencyId + "."));
    }

    /** What the sign form shows again after a problem. */
    record SignValues(
            String agencyId,
            String name,
            String sector,
            String localDeliveryArea,
            String representativeName,
            String representativeEmail,
            String signedOn,
            String codeOfPracticeVersion) {

        static SignValues empty(LocalDate today) {
            return new SignValues(null, null, null, null, null, null, today.toString(), null);
        }
    }

    record WithdrawalValues(String withdrawnOn, String reason) {}

    /** What the sign-again form shows: at first today, the current Code and the representative it had. */
    record SignatureValues(
            String signedOn, String codeOfPracticeVersion, String representativeName, String representativeEmail) {

        static SignatureValues of(AgencyView agency, LocalDate today, Optional<String> currentCode) {
            return new SignatureValues(
                    today.toString(),
                    currentCode.orElse(agency.codeOfPracticeVersion()),
                    agency.nominatedRepresentative().name(),
                    agency.nominatedRepresentative().email());
        }
    }

    /** What the commissioning form shows again after a problem. */
    record CommissioningValues(String commissionedBy, String contractReference) {}
}
