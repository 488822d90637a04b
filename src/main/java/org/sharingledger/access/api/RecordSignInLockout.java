package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a sign-in lockout that has just begun: see {@link SignInLockedOut}. */
public record RecordSignInLockout(
        @TargetAggregateIdentifier String lockoutId,
        LockoutScope scope,
        String username,
        String clientAddress,
        int failedAttempts,
        int lockoutNumber,
        Instant lockedUntil,
        long unrecordedBefore,
        Instant recordedAt) {}
