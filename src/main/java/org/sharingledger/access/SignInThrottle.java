package org.sharingledger.access;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sharingledger.access.api.LockoutScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted per account (the username as typed, known or not, so a refusal says nothing about whether
 * it exists) and per client address (an IPv6 address by its /64): {@code failures} of them within {@code window}
 * lock that account or address for {@code lockout}, doubled at each lockout that follows without a success in
 * between (or a quiet day), up to {@code max-lockout}. Only failures count; a success clears its account's count
 * (never its address's, or one valid account would reset the guessing of others). Each count is a Bucket4j bucket.
 *
 * <p>In memory: each node counts on its own and a restart forgets. At most {@code tracked} accounts and as many
 * addresses are kept; the least recently seen go first.
 */
@Component
class SignInThrottle {

    private static final Duration QUIET = Duration.ofDays(1);

    private final Tracker accounts;
    private final Tracker addresses;

    @Autowired
    SignInThrottle(
            @Value("${ledger.security.sign-in.account-failures}") int accountFailures,
            @Value("${ledger.security.sign-in.address-failures}") int addressFailures,
            @Value("${ledger.security.sign-in.window}") Duration window,
            @Value("${ledger.security.sign-in.lockout}") Duration lockout,
            @Value("${ledger.security.sign-in.max-lockout}") Duration maxLockout,
            @Value("${ledger.security.sign-in.tracked}") int tracked) {
        this(
                new Limits(accountFailures, window, lockout, maxLockout),
                new Limits(addressFailures, window, lockout, maxLockout),
                tracked,
                TimeMeter.SYSTEM_MILLISECONDS);
    }

    SignInThrottle(Limits account, Limits address, int tracked, TimeMeter time) {
        this.accounts = new Tracker(LockoutScope.ACCOUNT, account, tracked, time);
        this.addresses = new Tracker(LockoutScope.CLIENT_ADDRESS, address, tracked, time);
    }

    /** How long an attempt by this account or from this address must still wait, if either is locked. */
    Optional<Duration> refusal(String username, String address) {
        Optional<Duration> account = accounts.lockedFor(accountKey(username));
        Optional<Duration> client = addresses.lockedFor(addressKey(address));
        if (account.isPresent() && client.isPresent()) {
            return Optional.of(account.get().compareTo(client.get()) >= 0 ? account.get() : client.get());
        }
        return account.isPresent() ? account : client;
    }

    /** Counts a failed attempt; the lockouts it starts (none, one or both). */
    List<Lockout> failed(String username, String address) {
        List<Lockout> lockouts = new ArrayList<>(2);
        accounts.failed(accountKey(username)).ifPresent(lockouts::add);
        addresses.failed(addressKey(address)).ifPresent(lockouts::add);
        return lockouts;
    }

    /** A successful sign-in clears its account's failures and lockouts. */
    void succeeded(String username) {
        accounts.forget(accountKey(username));
    }

    static String accountKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    /** An IPv4 address as it is; an IPv6 address by its /64 network, which one client usually holds whole. */
    static String addressKey(String address) {
        if (address == null || address.isEmpty()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder network = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return network.append(":/64").toString();
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
    }

    /** How many failures in which window lock for how long, at first and at most. */
    record Limits(int failures, Duration window, Duration lockout, Duration maxLockout) {

        Limits {
            if (failures < 1 || window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()) {
                throw new IllegalArgumentException("sign-in limits need at least one failure, a window and a lockout");
            }
            if (maxLockout.compareTo(lockout) < 0) {
                maxLockout = lockout;
            }
        }

        /** The n-th lockout in a row lasts lockout × 2^(n-1), at most maxLockout. */
        Duration lockout(int number) {
            Duration lasting = lockout;
            for (int i = 1; i < number && lasting.compareTo(maxLockout) < 0; i++) {
                lasting = lasting.multipliedBy(2);
            }
            return lasting.compareTo(maxLockout) > 0 ? maxLockout : lasting;
        }
    }

    /** A lockout just begun: by which scope and key, after how many failures, the how-manieth in a row, how long. */
    record Lockout(LockoutScope scope, String key, int failures, int number, Duration lasting) {}

    /** The counts of one scope, least recently seen first. */
    private static final class Tracker {

        private final LockoutScope scope;
        private final Limits limits;
        private final int tracked;
        private final TimeMeter time;
        private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

        Tracker(LockoutScope scope, Limits limits, int tracked, TimeMeter time) {
            this.scope = scope;
            this.limits = limits;
            this.tracked = Math.max(1, tracked);
            this.time = time;
        }

        synchronized Optional<Duration> lockedFor(String key) {
            Entry entry = entries.get(key);
            if (entry == null || !entry.locked) {
                return Optional.empty();
            }
            long left = entry.lockedUntil - time.currentTimeNanos();
            if (left <= 0) {
                entry.locked = false;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos(left));
        }

        synchronized Optional<Lockout> failed(String key) {
            long now = time.currentTimeNanos();
            Entry entry = entries.get(key);
            if (entry == null) {
                entry = new Entry(Bucket.builder()
                        .addLimit(limit ->
                                limit.capacity(limits.failures()).refillIntervally(limits.failures(), limits.window()))
                        .withCustomTimePrecision(time)
                        .build());
                entries.put(key, entry);
                evictBeyond();
            } else if (now - entry.lastFailure > QUIET.toNanos()) {
                entry.lockouts = 0;
            }
            entry.lastFailure = now;
            if (entry.failures.tryConsumeAndReturnRemaining(1).getRemainingTokens() > 0) {
                return Optional.empty();
            }
            entry.lockouts++;
            Duration lasting = limits.lockout(entry.lockouts);
            entry.locked = true;
            entry.lockedUntil = now + lasting.toNanos();
            entry.failures.reset();
            return Optional.of(new Lockout(scope, key, limits.failures(), entry.lockouts, lasting));
        }

        synchronized void forget(String key) {
            entries.remove(key);
        }

        private void evictBeyond() {
            Iterator<String> eldest = entries.keySet().iterator();
            while (entries.size() > tracked && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
    }

    /** One account's or address's failures (the bucket), lockouts in a row, and lock. */
    private static final class Entry {
        final Bucket failures;
        int lockouts;
        boolean locked;
        long lockedUntil;
        long lastFailure;

        Entry(Bucket failures) {
            this.failures = failures;
        }
    }
}
