package org.sharingledger.access.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.FreeText;

/**
 * Registering and changing user accounts, with every rule that goes with it: the one way in for the JSON API and the
 * web pages alike. A broken rule is an exception of {@code platform.rules} ({@code InvalidInput}, {@code NotFound},
 * {@code NotPermitted}, {@code StepNotAllowed}), and nothing is recorded. Which roles may call what is the caller's
 * check (the API's filter chain, the page itself); the records below carry the shape every caller checks first.
 */
public interface UserAdministration {

    /** The rule for every password: 12 to 64 characters. */
    int MIN_PASSWORD_LENGTH = 12;

    int MAX_PASSWORD_LENGTH = 64;

    void register(NewUser user, Actor registeredBy);

    /** One page of accounts, by username. */
    List<UserSummary> page(int page, int size);

    long count();

    /** The account, or {@code NotFound}. */
    UserSummary user(String username);

    void disable(String username, String reason, Actor actor);

    void enable(String username, String reason, Actor actor);

    /** Replaces both the roles and the agency (null: bound to none). */
    void changeRoles(String username, List<Role> roles, String agencyId, Actor actor);

    /**
     * A user changes their own password (they must give the current one), or an administrator sets another's (a
     * reset: the user must change it at their next sign-in). A wrong current password records nothing.
     */
    void changePassword(String username, String currentPassword, String newPassword, Actor actor);

    /** A new account, as the API's body and the administrators' form give it. */
    record NewUser(
            @FreeText @NotBlank @Size(max = 64) String username,
            @NotNull @Size(max = 200) String password,
            @FreeText @NotBlank @Size(max = 200) String displayName,
            @FreeText @Size(max = 64) String agencyId,
            @NotEmpty List<@NotNull Role> roles) {

        @Override
        public String toString() {
            return "NewUser[" + username + "]";
        }
    }

    /** Why an account is disabled or enabled. */
    record Reason(@FreeText @NotBlank @Size(max = 500) String reason) {}

    /** An account's new roles and agency. */
    record NewRoles(
            @FreeText @Size(max = 64) String agencyId,
            @NotEmpty List<@NotNull Role> roles) {}

    /** A new password; the current one too when the user changes their own. */
    record NewPassword(
            @Size(max = 200) String currentPassword,
            @NotNull @Size(max = 200) String newPassword) {

        @Override
        public String toString() {
            return "NewPassword[]";
        }
    }
}
