package org.sharingledger.projections.accounts;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.pages.PageModel;
import org.sharingledger.projections.pages.Vocabulary;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

/** What the account and administration pages share: the header's model, the administrators' check, 303s. */
final class Pages {

    private Pages() {}

    static void common(Model model, Vocabulary words) {
        PageModel.addCommon(model::addAttribute);
        model.addAttribute("words", words);
        model.addAttribute("af", AccountFormats.INSTANCE);
    }

    /** The pages for the register and the users are an administrator's; anyone else's attempt is recorded (403). */
    static Actor adminOnly() {
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.ADMIN)) {
            throw new NotPermitted("only an ADMIN may manage the signatories and the users");
        }
        return actor;
    }

    /** What a form sent a second time with its key says: it lands where the first one did. */
    static final String REPEAT =
            "This form had already been sent, and this is what it recorded. Nothing new was recorded.";

    /**
     * Takes a form's step once for its hidden key ({@link FormSubmissions}) and answers where it leads: sent again (a
     * double click, a form sent again), it records nothing and answers the first one's address as a repeat. A form
     * without a well-formed key takes its step each time.
     */
    static FormSubmissions.Outcome once(FormSubmissions submissions, String form, String key, Supplier<String> step) {
        if (!FormSubmissions.wellFormed(key)) {
            return new FormSubmissions.Outcome(step.get(), false);
        }
        FormSubmissions.Outcome outcome = submissions.once(form, key, step);
        if (outcome.location() == null) {
            throw new InvalidInput("idempotencyKey", "was used for another form");
        }
        return outcome;
    }

    static ModelAndView page(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    static String agencyPath(String agencyId) {
        return "/admin/agencies/" + UriUtils.encodePathSegment(agencyId, StandardCharsets.UTF_8);
    }

    static String userPath(String username) {
        return "/admin/users/" + UriUtils.encodePathSegment(username, StandardCharsets.UTF_8);
    }
}
