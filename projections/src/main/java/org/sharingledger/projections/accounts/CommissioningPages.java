package org.sharingledger.projections.accounts;

import static org.sharingledger.projections.pages.PageForm.strip;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agency.api.Registry;
import org.sharingledger.agency.api.Registry.Commissioning;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.agencies.AgencyViews;
import org.sharingledger.projections.agencies.AgencyViews.AgencyView;
import org.sharingledger.projections.agencies.CodeVersions;
import org.sharingledger.projections.agencies.CommissionedProviders;
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
import org.springframework.web.util.UriUtils;

/**
 * The providers an agency commissions, for its nominated representative (and an administrator, who may change them
 * too; the Trust reads them): whether each is signed and on the current Code, its contract, and forms to record a
 * provider or end one's commissioning. Every step goes through {@link Registry}, as the JSON API's do.
 */
@Controller
@Hidden
@LedgerPage
class CommissioningPages {

    private static final Map<String, Field> RECORD = PageForm.fields(
            Field.choose("commissionedBy", "provider", "the provider"),
            Field.enter("contractReference", "contractReference", "the contract reference"));

    private final Registry registry;
    private final AgencyViews agencies;
    private final CommissionedProviders providers;
    private final CodeVersions versions;
    private final Validator validator;
    private final Vocabulary words;
    private final FormSubmissions submissions;

    CommissioningPages(
            Registry registry,
            AgencyViews agencies,
            CommissionedProviders providers,
            CodeVersions versions,
            Validator validator,
            Vocabulary words,
            FormSubmissions submissions) {
        this.submissions = submissions;
        this.registry = registry;
        this.agencies = agencies;
        this.providers = providers;
        this.versions = versions;
        this.validator = validator;
        this.words = words;
    }

    @ModelAttribute
    void common(Model model) {
        Pages.common(model, words);
    }

    static String path(String agencyId) {
        return "/commissioned/" + UriUtils.encodePathSegment(agencyId, StandardCharsets.UTF_8);
    }

    @GetMapping("/commissioned/{agencyId}")
    ModelAndView page(@PathVariable String agencyId, Model model) {
        providers.requireVisibleTo(CurrentActor.get(), agencyId);
        PageForm.noProblemsOn(model);
        return page(agencyId, model, new Values(null, null), HttpStatus.OK);
    }

    @PostMapping("/commissioned/{agencyId}")
    ModelAndView record(
            @PathVariable String agencyId,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String contractReference,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = mayChange(agencyId);
        Values values = new Values(strip(provider), strip(contractReference));
        PageForm form = new PageForm(RECORD);
        Commissioning body = new Commissioning(agencyId, values.contractReference());
        AgencyView chosen = null;
        if (values.provider() == null) {
            form.add("commissionedBy", "Choose the provider");
        } else {
            chosen = agencies.one(values.provider()).orElse(null);
            if (chosen == null) {
                form.add("commissionedBy", "Choose the provider from the list");
            }
        }
        form.check(validator, body);
        String conflict = null;
        if (!form.hasErrors() && chosen != null) {
            try {
                registry.recordCommissioning(chosen.agencyId(), body, actor);
                redirect.addFlashAttribute(
                        "confirmation",
                        chosen.name() + " is recorded as commissioned by this agency"
                                + (body.contractReference() == null
                                        ? "."
                                        : ", under contract " + body.contractReference() + "."));
                return PageForm.seeOther(path(agencyId));
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        return page(agencyId, model, values, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    /**
     * Ends one provider's commissioning. The row's form carries a hidden key: sent again (a double click), it records
     * nothing and lands on the list, saying so, rather than saying the provider is no longer commissioned.
     */
    @PostMapping("/commissioned/{agencyId}/end")
    ModelAndView end(
            @PathVariable String agencyId,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = mayChange(agencyId);
        String[] confirmation = {Pages.REPEAT};
        try {
            submissions.onceForPage(path(agencyId) + "/end/" + provider, idempotencyKey, () -> {
                CommissionedProviders.Provider ending = providers.all(agencyId).stream()
                        .filter(p -> p.agencyId().equals(provider))
                        .findFirst()
                        .orElseThrow(
                                () -> new StepNotAllowed("that agency is not commissioned by this one (any more)"));
                registry.endCommissioning(ending.agencyId(), actor);
                confirmation[0] = ending.name() + " is no longer recorded as commissioned by this agency.";
                return path(agencyId);
            });
        } catch (StepNotAllowed | InvalidInput e) {
            new PageForm(RECORD).showOn(model, "Nothing was recorded: " + e.getMessage() + ".");
            return page(agencyId, model, new Values(null, null), HttpStatus.CONFLICT);
        }
        redirect.addFlashAttribute("confirmation", confirmation[0]);
        return PageForm.seeOther(path(agencyId));
    }

    /** Its own nominated representative, or an administrator; anyone else's attempt is recorded (403). */
    private static Actor mayChange(String agencyId) {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.ADMIN) && !(actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.actsFor(agencyId))) {
            throw new NotPermitted("only an ADMIN or a NOMINATED_REPRESENTATIVE of " + agencyId
                    + " may record the providers it commissions");
        }
        return actor;
    }

    private ModelAndView page(String agencyId, Model model, Values values, HttpStatus status) {
        AgencyView agency =
                agencies.one(agencyId).orElseThrow(() -> new NotFound("There is no agency " + agencyId + "."));
        Actor actor = CurrentActor.get();
        List<CommissionedProviders.Provider> list = providers.all(agencyId);
        Set<String> commissioned =
                list.stream().map(CommissionedProviders.Provider::agencyId).collect(Collectors.toSet());
        model.addAttribute("agency", agency);
        model.addAttribute("providers", list);
        model.addAttribute("currentCodeVersion", versions.current().orElse(null));
        model.addAttribute(
                "mayChange",
                agency.status() == AgencyStatus.SIGNED
                        && (actor.has(Role.ADMIN)
                                || (actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.actsFor(agencyId))));
        model.addAttribute(
                "candidates",
                agencies.all().stream()
                        .filter(a -> !a.agencyId().equals(agencyId) && !commissioned.contains(a.agencyId()))
                        .toList());
        model.addAttribute("form", values);
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return Pages.page("commissioned", status);
    }

    /** What the form shows again after a problem. */
    record Values(String provider, String contractReference) {}
}
