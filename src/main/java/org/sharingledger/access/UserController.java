package org.sharingledger.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.access.api.PersonalTokens;
import org.sharingledger.access.api.UserAdministration;
import org.sharingledger.access.api.UserAdministration.NewPassword;
import org.sharingledger.access.api.UserAdministration.NewRoles;
import org.sharingledger.access.api.UserAdministration.NewUser;
import org.sharingledger.access.api.UserAdministration.Reason;
import org.sharingledger.access.api.UserSummary;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users", description = "User accounts and their roles (ADMIN)")
class UserController {

    static final int DEFAULT_PAGE_SIZE = 50;

    private final UserAdministration accounts;
    private final PersonalTokens tokens;

    UserController(UserAdministration accounts, PersonalTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/api/users")
    @Operation(
            summary = "List the users (ADMIN)",
            description = "By username, a page at a time: page from 0, size 1 to 200 (default 50). The header "
                    + "X-Total-Count gives the number of users, and Link rel=\"next\" the next page's address. Never "
                    + "shows a password.")
    public ResponseEntity<List<UserSummary>> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(200) int size) {
        return Paging.answer(accounts.page(page, size), page, size, accounts.count());
    }

    @PostMapping("/api/users/{username}/disable")
    @Operation(
            summary = "Disable a user (ADMIN)",
            description = "At once the user is refused everywhere (401): password, tokens and page sessions. 409 when "
                    + "already disabled, or when an administrator names themselves.")
    public Map<String, Object> disable(@PathVariable String username, @Valid @RequestBody Reason body) {
        accounts.disable(username, body.reason(), CurrentActor.get());
        return status(username);
    }

    @PostMapping("/api/users/{username}/enable")
    @Operation(
            summary = "Enable a disabled user again (ADMIN)",
            description = "409 when the user is active, or acts for an agency that has withdrawn.")
    public Map<String, Object> enable(@PathVariable String username, @Valid @RequestBody Reason body) {
        accounts.enable(username, body.reason(), CurrentActor.get());
        return status(username);
    }

    @PutMapping("/api/users/{username}/roles")
    @Operation(
            summary = "Replace a user's roles and agency (ADMIN)",
            description = "As at registration: PRACTITIONER and NOMINATED_REPRESENTATIVE need the agencyId of a "
                    + "signed agency; without agencyId the user is bound to no agency. An administrator cannot take "
                    + "ADMIN from themselves (409). Holds at once, on every way in.")
    public UserSummary changeRoles(@PathVariable String username, @Valid @RequestBody NewRoles body) {
        accounts.changeRoles(username, body.roles(), body.agencyId(), CurrentActor.get());
        return accounts.user(username);
    }

    @PostMapping("/api/users/{username}/password")
    @Operation(
            summary = "Change a password",
            description = "The user themself gives currentPassword and newPassword; a wrong currentPassword is 400 "
                    + "and records nothing. An ADMIN may set another user's newPassword alone: a reset, after which "
                    + "the user must change it (mustChangePassword). Passwords have 12 to 64 characters.")
    public Map<String, Object> changePassword(@PathVariable String username, @Valid @RequestBody NewPassword body) {
        accounts.changePassword(username, body.currentPassword(), body.newPassword(), CurrentActor.get());
        UserSummary user = accounts.user(username);
        return Map.of("username", username, "mustChangePassword", user.mustChangePassword());
    }

    @GetMapping("/api/users/{username}/tokens")
    @Operation(
            summary = "List a user's tokens (ADMIN)",
            description = "Newest first, a page at a time: page from 0, size 1 to 200 (default 50); X-Total-Count "
                    + "gives how many, and Link rel=\"next\" the next page's address. Never shows a token itself.")
    public ResponseEntity<List<PersonalTokens.TokenSummary>> tokens(
            @PathVariable String username,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "" + DEFAULT_PAGE_SIZE) @Min(1) @Max(200) int size) {
        accounts.user(username);
        return Paging.answer(tokens.ownedBy(username, page, size), page, size, tokens.countOwnedBy(username));
    }

    private Map<String, Object> status(String username) {
        return Map.of("username", username, "status", accounts.user(username).status());
    }

    @PostMapping("/api/users")
    @Operation(
            summary = "Register a user",
            description =
                    "Roles PRACTITIONER and NOMINATED_REPRESENTATIVE need the "
                            + "agencyId of a signed agency. Passwords have at least 12 characters and are stored only as a slow hash.")
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody NewUser body) {
        accounts.register(body, CurrentActor.get());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("username", body.username());
        created.put("displayName", body.displayName());
        created.put("agencyId", body.agencyId());
        created.put("roles", body.roles().stream().distinct().sorted().toList());
        return ResponseEntity.created(URI.create("/api/users/" + body.username()))
                .body(created);
    }
}
