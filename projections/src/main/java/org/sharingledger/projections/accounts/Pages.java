package org.sharingledger.projections.accounts;

import java.nio.charset.StandardCharsets;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
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
