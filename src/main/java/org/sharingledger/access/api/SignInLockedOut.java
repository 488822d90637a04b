package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Too many failed sign-ins: an account, or a client address, is refused every sign-in until {@code lockedUntil}. One
 * event per lockout (a stream of its own), never one per attempt.
 *
 * @param scope            what is locked
 * @param username         the locked account (scope {@code ACCOUNT}; only an existing account's lockout is
 *                         recorded), or null
 * @param clientAddress    the address locked (scope {@code CLIENT_ADDRESS}, an IPv6 one by its /64), or the
 *                         address of the attempt that locked the account
 * @param failedAttempts   the failures that led to it, within the configured window
 * @param lockoutNumber    1 for a first lockout, 2 for the next without a success in between, and so on: each
 *                         lasts twice as long, up to the configured longest
 * @param unrecordedBefore lockouts enforced but not recorded since the last recorded one, because more than the
 *                         configured number per hour began
 */
@Revision("1")
public record SignInLockedOut(
        String lockoutId,
        LockoutScope scope,
        String username,
        String clientAddress,
        int failedAttempts,
        int lockoutNumber,
        Instant lockedUntil,
        long unrecordedBefore,
        Instant recordedAt) {}
