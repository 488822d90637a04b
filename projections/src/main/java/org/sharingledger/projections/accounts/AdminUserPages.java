package org.sharingledger.projections.accounts;

import static org.sharingledger.projections.pages.PageForm.strip;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.access.api.PersonalTokens;
import org.sharingledger.access.api.UserAdministration;
import org.sharingledger.access.api.UserAdministration.NewPassword;
import org.sharingledger.access.api.UserAdministration.NewRoles;
import org.sharingledger.access.api.UserAdministration.NewUser;
import org.sharingledger.access.api.UserAdministration.Reason;
import org.sharingledger.access.api.UserStatus;
import org.sharingledger.access.api.UserSummary;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.FormSubmissions;
import org.sharingledger.projections.agencies.AgencyViews;
import org.sharingledger.projections.agencies.AgencyViews.AgencyView;
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
 * The administrators' pages for the users: the list, a page at a time, and a form to create one; one user, with
 * forms to change their roles and agency, disable or enable them, reset their password and revoke their tokens.
 * Every step goes through {@link UserAdministration} and {@link PersonalTokens}, as the JSON API's do. A password is
 * never shown again, not even in a form with a problem.
 */
@Controller
@Hidden
@LedgerPage
class AdminUserPages {

    static final int PAGE_SIZE = 50;

    private static final Map<String, Field> CREATE = PageForm.fields(
            Field.enter("username", "username", "a username"),
            Field.enter("displayName", "displayName", "the person's name"),
            Field.choose("agencyId", "agencyId", "an agency"),
            Field.choose("roles", "roles", "at least one role"),
            Field.enter("password", "password", "an initial password"));

    private static final Map<String, Field> ROLES = PageForm.fields(
            Field.choose("agencyId", "roles-agencyId", "an agency"),
            Field.choose("roles", "roles-roles", "at least one role"));

    private static final Map<String, Field> REASON =
            PageForm.fields(Field.enter("reason", "status-reason", "the reason"));

    private static final Map<String, Field> RESET =
            PageForm.fields(Field.enter("newPassword", "newPassword", "a new password"));

    private final UserAdministration users;
    private final PersonalTokens tokens;
    private final AgencyViews agencies;
    private final Validator validator;
    private final Vocabulary words;
    private final FormSubmissions submissions;

    AdminUserPages(
            UserAdministration users,
            PersonalTokens tokens,
            AgencyViews agencies,
            Validator validator,
            Vocabulary words,
            FormSubmissions submissions) {
        this.submissions = submissions;
        this.users = users;
        this.tokens = tokens;
        this.agencies = agencies;
        this.validator = validator;
        this.words = words;
    }

    @ModelAttribute
    void common(Model model) {
        Pages.common(model, words);
        model.addAttribute("allRoles", Role.values());
    }

    @GetMapping("/admin/users")
    ModelAndView list(@RequestParam(required = false) String page, Model model) {
        Pages.adminOnly();
        PageForm.noProblemsOn(model);
        model.addAttribute("form", new UserValues(null, null, null, List.of()));
        return list(pageNumber(page), model, HttpStatus.OK);
    }

    /** Page numbers count from 0; anything else shows the first page. */
    private static int pageNumber(String page) {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Any other address under the administrators' pages: a page saying so. */
    @GetMapping({"/admin", "/admin/", "/admin/**"})
    ModelAndView noSuchPage() {
        Pages.adminOnly();
        return PageModel.page(
                "problem",
                HttpStatus.NOT_FOUND,
                "There is no page at this address. The signatories are at /admin/agencies, the users at /admin/users.");
    }

    @PostMapping("/admin/users")
    ModelAndView create(
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        UserValues values = new UserValues(strip(username), strip(displayName), strip(agencyId), given(roles));
        PageForm form = new PageForm(CREATE);
        // The password is taken as typed: spaces count, as they do in the API.
        NewUser body = new NewUser(
                values.username(),
                password == null || password.isEmpty() ? null : password,
                values.displayName(),
                values.agencyId(),
                roles(form, values.roles()));
        form.check(validator, body);
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                FormSubmissions.Outcome outcome = submissions.onceForPage("/admin/users", idempotencyKey, () -> {
                    users.register(body, actor);
                    return Pages.userPath(body.username());
                });
                redirect.addFlashAttribute(
                        "confirmation",
                        outcome.repeat()
                                ? Pages.REPEAT
                                : "The account " + body.username() + " is created. Give " + body.displayName()
                                        + " the initial password by a safe route.");
                return PageForm.seeOther(outcome.location());
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "The account could not be created: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        model.addAttribute("form", values);
        return list(0, model, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/admin/users/{username}")
    ModelAndView user(@PathVariable String username, Model model) {
        Actor actor = Pages.adminOnly();
        PageForm.noProblemsOn(model);
        return user(username, actor, model, null, null, HttpStatus.OK);
    }

    @PostMapping("/admin/users/{username}/roles")
    ModelAndView changeRoles(
            @PathVariable String username,
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        PageForm form = new PageForm(ROLES);
        UserValues values = new UserValues(username, null, strip(agencyId), given(roles));
        NewRoles body = new NewRoles(values.agencyId(), roles(form, values.roles()));
        form.check(validator, body);
        return step(
                username,
                actor,
                form,
                model,
                redirect,
                "roles",
                idempotencyKey,
                () -> users.changeRoles(username, body.roles(), body.agencyId(), actor),
                "The roles and agency of " + username + " are changed. They hold from the very next page or call.",
                values,
                null);
    }

    @PostMapping("/admin/users/{username}/disable")
    ModelAndView disable(
            @PathVariable String username,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        Reason body = new Reason(strip(reason));
        PageForm form = new PageForm(REASON);
        form.check(validator, body);
        return step(
                username,
                actor,
                form,
                model,
                redirect,
                "disable",
                idempotencyKey,
                () -> users.disable(username, body.reason(), actor),
                username + " is disabled: they are signed out of the pages, and their password and tokens no "
                        + "longer work.",
                null,
                body.reason());
    }

    @PostMapping("/admin/users/{username}/enable")
    ModelAndView enable(
            @PathVariable String username,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        Reason body = new Reason(strip(reason));
        PageForm form = new PageForm(REASON);
        form.check(validator, body);
        return step(
                username,
                actor,
                form,
                model,
                redirect,
                "enable",
                idempotencyKey,
                () -> users.enable(username, body.reason(), actor),
                username + " is enabled again.",
                null,
                body.reason());
    }

    @PostMapping("/admin/users/{username}/password")
    ModelAndView resetPassword(
            @PathVariable String username,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String idempotencyKey,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        NewPassword body = new NewPassword(null, newPassword == null || newPassword.isEmpty() ? null : newPassword);
        PageForm form = new PageForm(RESET);
        form.check(validator, body);
        if (actor.username().equals(username)) {
            form.add("newPassword", "Change your own password on your account page, where you give the current one");
        }
        return step(
                username,
                actor,
                form,
                model,
                redirect,
                "password",
                idempotencyKey,
                () -> users.changePassword(username, null, body.newPassword(), actor),
                "The password of " + username + " is reset. They must choose their own when they next sign in.",
                null,
                null);
    }

    @PostMapping("/admin/users/{username}/tokens/{tokenId}/revocation")
    ModelAndView revokeToken(@PathVariable String username, @PathVariable String tokenId, RedirectAttributes redirect) {
        Actor actor = Pages.adminOnly();
        users.user(username);
        String token = tokens.ownedBy(username).stream()
                .map(PersonalTokens.TokenSummary::tokenId)
                .filter(id -> id.equals(tokenId) && isUuid(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("There is no such token of " + username + "."));
        try {
            tokens.revoke(token, actor);
            redirect.addFlashAttribute("confirmation", "The token is revoked: it no longer works.");
        } catch (StepNotAllowed e) {
            redirect.addFlashAttribute("confirmation", "Nothing was recorded: " + e.getMessage() + ".");
        }
        return PageForm.seeOther(Pages.userPath(username));
    }

    /**
     * A step on one user: the form's problems (400), the step's refusal (409), or 303 with a confirmation. Taken once
     * for the form's hidden key: sent again (a double click), it records nothing and lands on the user's page, saying
     * so.
     */
    private ModelAndView step(
            String username,
            Actor actor,
            PageForm form,
            Model model,
            RedirectAttributes redirect,
            String formName,
            String key,
            Runnable step,
            String confirmation,
            UserValues roles,
            String reason) {
        users.user(username);
        String conflict = null;
        if (!form.hasErrors()) {
            try {
                String location = Pages.userPath(username);
                FormSubmissions.Outcome outcome = submissions.onceForPage(location + "/" + formName, key, () -> {
                    step.run();
                    return location;
                });
                redirect.addFlashAttribute("confirmation", outcome.repeat() ? Pages.REPEAT : confirmation);
                return PageForm.seeOther(outcome.location());
            } catch (InvalidInput e) {
                form.add(e);
            } catch (StepNotAllowed e) {
                conflict = "Nothing was recorded: " + e.getMessage() + ".";
            }
        }
        form.showOn(model, conflict);
        return user(
                username, actor, model, roles, reason, conflict != null ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
    }

    private ModelAndView list(int page, Model model, HttpStatus status) {
        long count = users.count();
        long pages = Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("users", users.page(page, PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("count", count);
        model.addAttribute("agencies", signedAgencies());
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return Pages.page("admin-users", status);
    }

    private ModelAndView user(
            String username, Actor actor, Model model, UserValues roles, String reason, HttpStatus status) {
        UserSummary user = users.user(username);
        model.addAttribute("user", user);
        model.addAttribute("self", actor.username().equals(username));
        model.addAttribute("active", user.status() == UserStatus.ACTIVE);
        model.addAttribute(
                "rolesForm",
                roles != null
                        ? roles
                        : new UserValues(
                                username,
                                null,
                                user.agencyId(),
                                user.roles().stream().map(Role::name).toList()));
        model.addAttribute("reason", reason);
        model.addAttribute("tokens", tokens.ownedBy(username));
        model.addAttribute("agencies", signedAgencies());
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("formKey", UUID.randomUUID().toString());
        return Pages.page("admin-user", status);
    }

    private List<AgencyView> signedAgencies() {
        return agencies.all().stream()
                .filter(agency -> agency.status() == AgencyStatus.SIGNED)
                .toList();
    }

    private Map<String, String> agencyNames() {
        Map<String, String> names = new HashMap<>();
        agencies.all().forEach(agency -> names.put(agency.agencyId(), agency.name()));
        return names;
    }

    private static List<String> given(List<String> roles) {
        return roles == null
                ? List.of()
                : roles.stream().filter(role -> !role.isBlank()).toList();
    }

    /** The roles ticked; an unknown one is a problem of the form (a page offers only real ones). */
    private static List<Role> roles(PageForm form, List<String> ticked) {
        List<Role> roles = new ArrayList<>();
        for (String role : ticked) {
            Role value = form.choice("roles", role, Role::valueOf);
            if (value != null && !roles.contains(value)) {
                roles.add(value);
            }
        }
        return roles;
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What a user form shows again after a problem (never a password). */
    record UserValues(String username, String displayName, String agencyId, List<String> roles) {}
}
