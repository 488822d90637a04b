package org.sharingledger.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sharingledger.access.api.RecordAccessDenied;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.DeniedAttempts;
import org.sharingledger.platform.web.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records denied attempts as {@code AccessDenied} events in the actor's own stream, each committing on its own even
 * though the request it belongs to records nothing else.
 * <p>
 * Every 403 is recorded, but not every 403 becomes an event: otherwise any user could grow the append-only store
 * without limit. A user's first refusal of a kind (the same method and reason) opens a window of
 * {@code ledger.security.denied-attempts.window} (a minute). The first {@value #SINGLY} refusals of that kind in it
 * are recorded at once, each with its own path (which request someone tried to read is worth keeping); further ones
 * are only counted, and the count is recorded in one event when the window closes (checked every
 * {@code ledger.security.denied-attempts.sweep-interval}), or when the ledger stops. So a user's repeats cost at most
 * {@value #SINGLY} + 1 events a minute per kind, and at most {@value #KINDS_PER_USER} kinds are counted apart: further kinds within the
 * window are counted together. A crash loses at most the counts of the windows still open (a minute). The path,
 * chosen by the caller, is kept to {@value #PATH_LIMIT} characters, and the reason to {@value #REASON_LIMIT}.
 */
@Component
class DeniedAttemptsRecorder implements DeniedAttempts, SmartLifecycle {

    static final int PATH_LIMIT = 200;
    static final int REASON_LIMIT = 500;
    static final int KINDS_PER_USER = 10;
    static final int SINGLY = 5;
    private static final String OTHER_KINDS = "*";

    private static final Logger log = LoggerFactory.getLogger(DeniedAttemptsRecorder.class);

    private final Commands commands;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Duration window;
    private final Map<Key, Window> open = new HashMap<>();
    private boolean running;

    DeniedAttemptsRecorder(
            Commands commands,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${ledger.security.denied-attempts.window:PT1M}") Duration window) {
        this.commands = commands;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.window = window;
    }

    @Override
    public void record(Actor actor, String method, String path, String reason) {
        Instant now = clock.instant();
        String cappedReason = cap(reason, REASON_LIMIT);
        boolean first;
        List<Window> closed = new ArrayList<>();
        synchronized (this) {
            if (!running) {
                first = true;
            } else {
                Key key = new Key(actor.username(), method + " " + cappedReason);
                Window counting = open.get(key);
                if (counting != null && counting.closesBy(now)) {
                    open.remove(key);
                    closed.add(counting);
                    counting = null;
                }
                if (counting == null && kinds(actor.username()) >= KINDS_PER_USER) {
                    key = new Key(actor.username(), OTHER_KINDS);
                    counting = open.get(key);
                }
                if (counting == null) {
                    open.put(key, new Window(actor, method, path, cappedReason, now.plus(window)));
                    first = true;
                } else if (counting.singles < SINGLY) {
                    counting.singles++;
                    first = true;
                } else {
                    counting.repeat(now);
                    first = false;
                }
            }
        }
        closed.forEach(this::write);
        if (first) {
            write(actor, method, path, cappedReason, now, 1, null);
        }
    }

    /** Records the counts of the windows that have closed. */
    @Scheduled(
            fixedDelayString = "${ledger.security.denied-attempts.sweep-interval:PT5S}",
            initialDelayString = "${ledger.security.denied-attempts.sweep-interval:PT5S}")
    void sweep() {
        close(clock.instant());
    }

    /** Records the counts of every window, open or not (when the ledger stops, and in tests). */
    void flush() {
        close(null);
    }

    private void close(Instant now) {
        List<Window> closed = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Window> windows = open.values().iterator(); windows.hasNext(); ) {
                Window counting = windows.next();
                if (now == null || counting.closesBy(now)) {
                    windows.remove();
                    closed.add(counting);
                }
            }
        }
        closed.forEach(this::write);
    }

    private int kinds(String username) {
        return (int) open.keySet().stream()
                .filter(key -> key.username().equals(username))
                .count();
    }

    private void write(Window counting) {
        if (counting.repeats > 0) {
            write(
                    counting.actor,
                    counting.method,
                    counting.path,
                    counting.reason,
                    clock.instant(),
                    counting.repeats,
                    counting.firstRepeat);
        }
    }

    private void write(Actor actor, String method, String path, String reason, Instant at, int count, Instant since) {
        String safePath = path == null ? "" : path;
        boolean truncated = safePath.length() > PATH_LIMIT;
        try {
            ownTransaction.executeWithoutResult(tx -> commands.send(
                    new RecordAccessDenied(
                            actor.username(),
                            actor.agencyId(),
                            actor.roles(),
                            method,
                            truncated ? safePath.substring(0, PATH_LIMIT) : safePath,
                            reason,
                            at,
                            count,
                            since,
                            truncated),
                    actor));
        } catch (RuntimeException e) {
            log.error(
                    "Could not record {} denied attempt(s) by {} on {} {}",
                    count,
                    actor.username(),
                    method,
                    cap(safePath, PATH_LIMIT),
                    e);
        }
    }

    private static String cap(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    /** Records every count before the ledger stops; refusals after that are recorded one by one. */
    @Override
    public void stop() {
        synchronized (this) {
            running = false;
        }
        flush();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** After the web server has stopped (no more requests), before Axon stops (which records the counts). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private record Key(String username, String kind) {}

    /** One user's refusals of one kind since the first. */
    private static final class Window {
        final Actor actor;
        final String method;
        final String path;
        final String reason;
        final Instant closes;
        int singles = 1;
        int repeats;
        Instant firstRepeat;

        Window(Actor actor, String method, String path, String reason, Instant closes) {
            this.actor = actor;
            this.method = method;
            this.path = path;
            this.reason = reason;
            this.closes = closes;
        }

        void repeat(Instant at) {
            if (repeats == 0) {
                firstRepeat = at;
            }
            repeats++;
        }

        boolean closesBy(Instant now) {
            return !now.isBefore(closes);
        }
    }
}
