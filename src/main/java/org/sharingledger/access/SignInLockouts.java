package org.sharingledger.access;

import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.sharingledger.access.SignInThrottle.Lockout;
import org.sharingledger.access.api.LockoutScope;
import org.sharingledger.access.api.RecordSignInLockout;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.web.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records each sign-in lockout as a {@code SignInLockedOut} event, by the ledger itself ({@code system}), on a thread
 * of its own: the attempt that begins a lockout takes no longer than any other, so its timing tells nothing. Only
 * lockouts of existing accounts and of addresses are recorded (an unknown username may be a password typed in the
 * wrong box), and at most {@code recorded-lockouts-per-hour}: beyond that they are enforced, logged and counted
 * ({@code ledger.sign-in.lockouts}), and the next recorded one says how many went unrecorded, so that nobody can grow
 * the append-only store without limit by failing to sign in.
 */
@Component
class SignInLockouts {

    private static final Logger log = LoggerFactory.getLogger(SignInLockouts.class);

    private final Commands commands;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Bucket recordable;
    private final AtomicLong unrecorded = new AtomicLong();
    private final ThreadPoolExecutor recorder;
    private final MeterRegistry meters;

    SignInLockouts(
            Commands commands,
            PlatformTransactionManager transactionManager,
            Clock clock,
            MeterRegistry meters,
            @Value("${ledger.security.sign-in.recorded-lockouts-per-hour}") int perHour) {
        this.commands = commands;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.meters = meters;
        this.recordable = Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(Math.max(1, perHour)).refillGreedy(Math.max(1, perHour), Duration.ofHours(1)))
                .build();
        this.recorder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(100), task -> {
            Thread thread = new Thread(task, "sign-in-lockouts");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The lockouts one failed attempt began. */
    void record(List<Lockout> lockouts, String username, String address, boolean accountExists) {
        for (Lockout lockout : lockouts) {
            boolean account = lockout.scope() == LockoutScope.ACCOUNT;
            Counter.builder("ledger.sign-in.lockouts")
                    .description("Sign-in lockouts begun, by what they lock")
                    .tag("scope", lockout.scope().name())
                    .register(meters)
                    .increment();
            log.warn(
                    "Sign-in locked for {} after {} failed attempts (lockout {} in a row, {}): {}",
                    account ? "an account" : "a client address",
                    lockout.failures(),
                    lockout.number(),
                    lockout.lasting(),
                    account ? (accountExists ? lockout.key() : "an unknown username") : lockout.key());
            if (account && !accountExists) {
                continue;
            }
            if (!recordable.tryConsume(1)) {
                unrecorded.incrementAndGet();
                continue;
            }
            Instant now = clock.instant();
            RecordSignInLockout command = new RecordSignInLockout(
                    UUID.randomUUID().toString(),
                    lockout.scope(),
                    account ? username : null,
                    address,
                    lockout.failures(),
                    lockout.number(),
                    now.plus(lockout.lasting()),
                    0,
                    now);
            try {
                recorder.execute(() -> send(command));
            } catch (RejectedExecutionException e) {
                unrecorded.incrementAndGet();
            }
        }
    }

    private void send(RecordSignInLockout command) {
        long missed = unrecorded.getAndSet(0);
        RecordSignInLockout counted = new RecordSignInLockout(
                command.lockoutId(),
                command.scope(),
                command.username(),
                command.clientAddress(),
                command.failedAttempts(),
                command.lockoutNumber(),
                command.lockedUntil(),
                missed,
                command.recordedAt());
        try {
            ownTransaction.executeWithoutResult(tx -> commands.send(counted, Actor.SYSTEM));
        } catch (RuntimeException e) {
            unrecorded.addAndGet(missed + 1);
            log.error("Could not record a sign-in lockout", e);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        recorder.shutdown();
        recorder.awaitTermination(5, TimeUnit.SECONDS);
    }
}
