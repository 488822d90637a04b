package org.sharingledger.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.access.api.AccessDenied;
import org.sharingledger.access.api.ChangePassword;
import org.sharingledger.access.api.ChangeUserRoles;
import org.sharingledger.access.api.DisableUser;
import org.sharingledger.access.api.EnableUser;
import org.sharingledger.access.api.IssueToken;
import org.sharingledger.access.api.PasswordChanged;
import org.sharingledger.access.api.RecordAccessDenied;
import org.sharingledger.access.api.RegisterUser;
import org.sharingledger.access.api.RevokeToken;
import org.sharingledger.access.api.TokenIssued;
import org.sharingledger.access.api.TokenRevoked;
import org.sharingledger.access.api.UserDisabled;
import org.sharingledger.access.api.UserEnabled;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.access.api.UserRolesChanged;
import org.sharingledger.access.api.UserStatus;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.StepNotAllowed;

/**
 * One person's account: its registration, its roles and status over time, password changes (never the password),
 * the tokens issued and revoked, and the attempts they were refused.
 */
@Aggregate
class UserAccount {

    @AggregateIdentifier
    private String username;

    private List<Role> roles = List.of();
    private UserStatus status = UserStatus.ACTIVE;
    private final Set<String> liveTokens = new HashSet<>();
    private final Set<String> revokedTokens = new HashSet<>();

    protected UserAccount() {}

    @CommandHandler
    UserAccount(RegisterUser command) {
        checkRoles(command.roles(), command.agencyId());
        apply(new UserRegistered(
                command.username(),
                command.displayName(),
                command.agencyId(),
                command.roles().stream().distinct().sorted().toList(),
                command.recordedAt()));
    }

    /** The rules every set of roles follows, at registration and at each change. */
    private static void checkRoles(List<Role> roles, String agencyId) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInput("roles", "must name at least one role");
        }
        boolean needsAgency = roles.stream().anyMatch(role -> role.agencyBound());
        if (needsAgency && agencyId == null) {
            throw new InvalidInput("agencyId", "is required for the roles PRACTITIONER and NOMINATED_REPRESENTATIVE");
        }
    }

    @CommandHandler
    void handle(DisableUser command) {
        requireReason(command.reason());
        if (username.equals(command.disabledBy())) {
            throw new StepNotAllowed("an administrator cannot disable their own account");
        }
        if (status == UserStatus.DISABLED) {
            throw new StepNotAllowed("the account is already disabled");
        }
        apply(new UserDisabled(username, command.reason(), command.disabledBy(), command.recordedAt()));
    }

    @CommandHandler
    void handle(EnableUser command) {
        requireReason(command.reason());
        if (status == UserStatus.ACTIVE) {
            throw new StepNotAllowed("the account is already active");
        }
        apply(new UserEnabled(username, command.reason(), command.enabledBy(), command.recordedAt()));
    }

    @CommandHandler
    void handle(ChangeUserRoles command) {
        checkRoles(command.roles(), command.agencyId());
        if (username.equals(command.changedBy())
                && roles.contains(Role.ADMIN)
                && !command.roles().contains(Role.ADMIN)) {
            throw new StepNotAllowed("an administrator cannot take the role ADMIN from themselves");
        }
        apply(new UserRolesChanged(
                username,
                command.agencyId(),
                command.roles().stream().distinct().sorted().toList(),
                command.changedBy(),
                command.recordedAt()));
    }

    @CommandHandler
    void handle(ChangePassword command) {
        apply(new PasswordChanged(username, command.changedBy(), command.reset(), command.recordedAt()));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "must not be blank");
        }
    }

    @CommandHandler
    void handle(IssueToken command) {
        apply(new TokenIssued(
                username,
                command.tokenId(),
                command.name(),
                command.expiresAt(),
                command.recordedAt(),
                command.tokenHash()));
    }

    @CommandHandler
    void handle(RevokeToken command) {
        if (revokedTokens.contains(command.tokenId())) {
            throw new StepNotAllowed("the token was already revoked");
        }
        if (!liveTokens.contains(command.tokenId())) {
            throw new NotFound("no such token");
        }
        apply(new TokenRevoked(username, command.tokenId(), command.revokedBy(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RecordAccessDenied command) {
        apply(new AccessDenied(
                username,
                command.agencyId(),
                command.roles(),
                command.method(),
                command.path(),
                command.reason(),
                command.recordedAt(),
                command.count(),
                command.since(),
                command.pathTruncated() ? Boolean.TRUE : null));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        username = event.username();
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(UserRolesChanged event) {
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(UserDisabled event) {
        status = UserStatus.DISABLED;
    }

    @EventSourcingHandler
    void on(UserEnabled event) {
        status = UserStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(TokenIssued event) {
        liveTokens.add(event.tokenId());
    }

    @EventSourcingHandler
    void on(TokenRevoked event) {
        liveTokens.remove(event.tokenId());
        revokedTokens.add(event.tokenId());
    }
}
