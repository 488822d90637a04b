package org.sharingledger.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.access.api.AccessDenied;
import org.sharingledger.access.api.IssueToken;
import org.sharingledger.access.api.RecordAccessDenied;
import org.sharingledger.access.api.RegisterUser;
import org.sharingledger.access.api.RevokeToken;
import org.sharingledger.access.api.TokenIssued;
import org.sharingledger.access.api.TokenRevoked;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.StepNotAllowed;

/** One person's account: its registration, the tokens issued and revoked, and the attempts they were refused. */
@Aggregate
class UserAccount {

    @AggregateIdentifier
    private String username;

    private final Set<String> liveTokens = new HashSet<>();
    private final Set<String> revokedTokens = new HashSet<>();

    protected UserAccount() {}

    @CommandHandler
    UserAccount(RegisterUser command) {
        if (command.roles() == null || command.roles().isEmpty()) {
            throw new InvalidInput("roles", "must name at least one role");
        }
        boolean needsAgency = command.roles().stream().anyMatch(role -> role.agencyBound());
        if (needsAgency && command.agencyId() == null) {
            throw new InvalidInput("agencyId", "is required for the roles PRACTITIONER and NOMINATED_REPRESENTATIVE");
        }
        apply(new UserRegistered(
                command.username(),
                command.displayName(),
                command.agencyId(),
                command.roles().stream().distinct().sorted().toList(),
                command.recordedAt()));
    }

    @CommandHandler
    void handle(IssueToken command) {
        apply(new TokenIssued(username, command.tokenId(), command.name(), command.expiresAt(), command.recordedAt()));
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
                command.recordedAt()));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        username = event.username();
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
