package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.access.SignInThrottle.Limits;
import org.sharingledger.access.SignInThrottle.Lockout;
import org.sharingledger.access.api.LockoutScope;

/** The throttle's arithmetic, on a clock of the test's own. */
class SignInThrottleTest {

    private final ManualTime time = new ManualTime();
    private final SignInThrottle throttle = new SignInThrottle(
            new Limits(3, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(60)),
            new Limits(10, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(60)),
            1000,
            time);

    @Test
    void theNthFailureLocksAndEachLockoutInARowLastsTwiceAsLongUpToTheLongest() {
        List<Duration> lockouts = new ArrayList<>();
        for (int round = 0; round < 6; round++) {
            assertThat(throttle.failed("sue", "192.0.2.1")).isEmpty();
            assertThat(throttle.failed("sue", "192.0.2.1")).isEmpty();
            List<Lockout> locked = throttle.failed("sue", "192.0.2.1");
            assertThat(locked).singleElement().satisfies(lockout -> {
                assertThat(lockout.scope()).isEqualTo(LockoutScope.ACCOUNT);
                assertThat(lockout.failures()).isEqualTo(3);
            });
            lockouts.add(locked.get(0).lasting());
            assertThat(throttle.refusal("SUE", "198.51.100.7"))
                    .contains(locked.get(0).lasting());
            time.advance(locked.get(0).lasting());
            assertThat(throttle.refusal("sue", "192.0.2.1")).isEmpty();
        }
        assertThat(lockouts)
                .containsExactly(
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(20),
                        Duration.ofMinutes(40),
                        Duration.ofMinutes(60),
                        Duration.ofMinutes(60));
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.failed("sue", "192.0.2.1" + i)).isEmpty();
            time.advance(Duration.ofMinutes(8));
        }
        assertThat(throttle.refusal("sue", "192.0.2.1")).isEmpty();
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        throttle.failed("sue", "192.0.2.1");
        throttle.failed("sue", "192.0.2.1");
        throttle.succeeded("sue");
        assertThat(throttle.failed("sue", "192.0.2.1")).isEmpty();
        assertThat(throttle.failed("sue", "192.0.2.1")).isEmpty();
        for (int i = 0; i < 5; i++) {
            throttle.failed("guess" + i, "192.0.2.1");
        }
        assertThat(throttle.failed("another", "192.0.2.1"))
                .singleElement()
                .satisfies(lockout -> assertThat(lockout.scope()).isEqualTo(LockoutScope.CLIENT_ADDRESS));
        throttle.succeeded("another");
        assertThat(throttle.refusal("someone-else", "192.0.2.1")).isPresent();
        assertThat(throttle.refusal("someone-else", "192.0.2.2")).isEmpty();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(SignInThrottle.addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(SignInThrottle.addressKey("2001:db8:1:3::1")).isNotEqualTo("2001:db8:1:2::/64");
        assertThat(SignInThrottle.addressKey("192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(SignInThrottle.addressKey(null)).isEqualTo("unknown");
    }

    @Test
    void onlyTheMostRecentlySeenAreTracked() {
        SignInThrottle small = new SignInThrottle(
                new Limits(2, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(60)),
                new Limits(1000, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(60)),
                2,
                time);
        small.failed("first", "192.0.2.1");
        small.failed("second", "192.0.2.1");
        small.failed("third", "192.0.2.1");
        assertThat(small.failed("first", "192.0.2.1"))
                .as("forgotten: a first failure again")
                .isEmpty();
        assertThat(small.failed("third", "192.0.2.1")).hasSize(1);
    }

    /** A clock that moves only when told. */
    private static final class ManualTime implements TimeMeter {
        private long nanos = 1_000_000_000L;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }
}
