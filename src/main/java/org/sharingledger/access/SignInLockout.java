package org.sharingledger.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.access.api.LockoutScope;
import org.sharingledger.access.api.RecordSignInLockout;
import org.sharingledger.access.api.SignInLockedOut;
import org.sharingledger.platform.rules.InvalidInput;

/**
 * One sign-in lockout, a stream of one event: kept apart from the account's own stream so that a lockout of an
 * address, or many lockouts, never make an account's stream longer to load.
 */
@Aggregate
class SignInLockout {

    @AggregateIdentifier
    @SuppressWarnings("UnusedVariable") // Axon reads it, by reflection
    private String lockoutId;

    protected SignInLockout() {}

    @CommandHandler
    SignInLockout(RecordSignInLockout command) {
        if (command.scope() == LockoutScope.ACCOUNT && command.username() == null) {
            throw new InvalidInput("username", "is required for an account's lockout");
        }
        if (!command.lockedUntil().isAfter(command.recordedAt())) {
            throw new InvalidInput("lockedUntil", "must be after the lockout began");
        }
        apply(new SignInLockedOut(
                command.lockoutId(),
                command.scope(),
                command.scope() == LockoutScope.ACCOUNT ? command.username() : null,
                command.clientAddress(),
                command.failedAttempts(),
                command.lockoutNumber(),
                command.lockedUntil(),
                command.unrecordedBefore(),
                command.recordedAt()));
    }

    @EventSourcingHandler
    void on(SignInLockedOut event) {
        this.lockoutId = event.lockoutId();
    }
}
