package org.sharingledger.projections.accounts;

import static org.sharingledger.projections.pages.PageForm.strip;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.Map;
import org.sharingledger.access.api.PersonalTokens;
import org.sharingledger.access.api.PersonalTokens.IssuedToken;
import org.sharingledger.access.api.PersonalTokens.NewToken;
import org.sharingledger.access.api.UserAdministration;
import org.sharingledger.access.api.UserAdministration.NewPassword;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.StepNotAllowed;
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

/**
 * Everyone's own account: change one's password (giving the current one), and issue and revoke one's personal
 * access tokens. A user whose password was reset is sent here before anything else (see
 * {@code access.LiveAccountFilter}). Through {@link UserAdministration} and {@link PersonalTokens}, as the API.
 */
@Controller
@Hidden
@LedgerPage
class AccountPages {

    private static final Map<String, Field> PASSWORD = PageForm.fields(
            Field.enter("currentPassword", "currentPassword", "your current password"),
            Field.enter("newPassword", "newPassword", "a new password"));

    private static final Map<String, Field> TOKEN = PageForm.fields(
            Field.enter("name", "tokenName", "a name for the token"),
            Field.enter("validDays", "validDays", "the number of days it works"));

    private final UserAdministration users;
    private final PersonalTokens tokens;
    private final Validator validator;
    private final Vocabulary words;

    AccountPages(UserAdministration users, PersonalTokens tokens, Validator validator, Vocabulary words) {
        this.users = users;
        this.tokens = tokens;
        this.validator = validator;
        this.words = words;
    }

    @ModelAttribute
    void common(Model model) {
        Pages.common(model, words);
    }

    @GetMapping("/account")
    ModelAndView account(Model model) {
        PageForm.noProblemsOn(model);
        return account(model, null, HttpStatus.OK);
    }

    /** Any other address under the account page: a page saying so. */
    @GetMapping("/account/**")
    ModelAndView noSuchPage() {
        return PageModel.page("problem", HttpStatus.NOT_FOUND, "There is no page at this address. Yours is /account.");
    }

    @PostMapping("/account/password")
    ModelAndView changePassword(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        PageForm form = new PageForm(PASSWORD);
        NewPassword body = new NewPassword(empty(currentPassword), empty(newPassword));
        form.check(validator, body);
        if (!form.hasErrors() && body.currentPassword() == null) {
            form.add("currentPassword", "Enter your current password");
        }
        if (!form.hasErrors()) {
            try {
                users.changePassword(actor.username(), body.currentPassword(), body.newPassword(), actor);
                redirect.addFlashAttribute("confirmation", "Your password is changed.");
                return PageForm.seeOther("/account");
            } catch (InvalidInput e) {
                e.problems().forEach(problem -> form.add(problem.field(), passwordWords(problem)));
            }
        }
        form.showOn(model, null);
        return account(model, null, HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/account/tokens")
    ModelAndView issueToken(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String validDays,
            HttpServletResponse response,
            Model model) {
        Actor actor = CurrentActor.get();
        PageForm form = new PageForm(TOKEN);
        Integer days = null;
        if (strip(validDays) != null) {
            try {
                days = Integer.valueOf(validDays.strip());
            } catch (NumberFormatException e) {
                form.add("validDays", "The number of days must be a whole number from 1 to 365");
            }
        }
        NewToken body = new NewToken(strip(name), days);
        form.check(validator, body);
        TokenValues values = new TokenValues(strip(name), strip(validDays));
        if (!form.hasErrors()) {
            IssuedToken issued = tokens.issue(actor, body.name(), body.validDaysOrDefault());
            // Shown once, on this very page: a 303 would have to keep the token in the session to show it after.
            response.setHeader("Cache-Control", "no-store");
            PageForm.noProblemsOn(model);
            model.addAttribute("issued", issued);
            model.addAttribute("issuedName", body.name());
            return account(model, null, HttpStatus.OK);
        }
        form.showOn(model, null);
        return account(model, values, HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/account/tokens/{tokenId}/revocation")
    ModelAndView revokeToken(@PathVariable String tokenId, RedirectAttributes redirect) {
        Actor actor = CurrentActor.get();
        String token = tokens.ownedBy(actor.username()).stream()
                .map(PersonalTokens.TokenSummary::tokenId)
                .filter(id -> id.equals(tokenId))
                .findFirst()
                .orElseThrow(() -> new NotFound("You have no such token."));
        try {
            tokens.revoke(token, actor);
            redirect.addFlashAttribute("confirmation", "The token is revoked: it no longer works.");
        } catch (StepNotAllowed e) {
            redirect.addFlashAttribute("confirmation", "Nothing was recorded: " + e.getMessage() + ".");
        }
        return PageForm.seeOther("/account");
    }

    private ModelAndView account(Model model, TokenValues token, HttpStatus status) {
        Actor actor = CurrentActor.get();
        model.addAttribute("account", users.user(actor.username()));
        model.addAttribute("tokens", tokens.ownedBy(actor.username()));
        model.addAttribute("tokenForm", token != null ? token : new TokenValues(null, null));
        model.addAttribute("defaultValidDays", PersonalTokens.DEFAULT_VALID_DAYS);
        return Pages.page("account", status);
    }

    private static String passwordWords(InvalidInput.FieldProblem problem) {
        return switch (problem.field()) {
            case "currentPassword" ->
                problem.message().startsWith("is required")
                        ? "Enter your current password"
                        : "The current password is wrong";
            case "newPassword" -> "The new password " + problem.message();
            default -> PageForm.capital(problem.field()) + " " + problem.message();
        };
    }

    /** A password is taken exactly as typed; only an empty field is missing. */
    private static String empty(String password) {
        return password == null || password.isEmpty() ? null : password;
    }

    /** What the token form shows again after a problem. */
    record TokenValues(String name, String validDays) {}
}
