package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sharingledger.access.AccountTable.Account;
import org.sharingledger.access.SignInThrottle.Limits;
import org.sharingledger.access.api.UserStatus;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What a password sign-in costs: one bcrypt whether or not the user exists, none when locked or too long. */
class PasswordSignInTest {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);
    private static final String PASSWORD = "the-right-password-1";

    private final AtomicInteger bcrypts = new AtomicInteger();
    private final PasswordEncoder counting = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return BCRYPT.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcrypts.incrementAndGet();
            return BCRYPT.matches(raw, encoded);
        }
    };
    private final AccountTable accounts = mock(AccountTable.class);
    private final SignInLockouts lockouts = mock(SignInLockouts.class);
    private final SignInThrottle throttle = new SignInThrottle(
            new Limits(3, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(1)),
            new Limits(100, Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(1)),
            1000,
            TimeMeter.SYSTEM_MILLISECONDS);
    private final PasswordSignIn signIn;

    PasswordSignInTest() {
        when(accounts.account(anyString())).thenReturn(Optional.empty());
        account("sue", UserStatus.ACTIVE);
        account("off", UserStatus.DISABLED);
        signIn = new PasswordSignIn(accounts, counting, throttle, lockouts);
    }

    @Test
    void anUnknownUserCostsOneBcryptLikeAKnownOne() {
        assertThatThrownBy(() -> signIn.authenticate(attempt("nobody", PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypts).hasValue(1);
        assertThatThrownBy(() -> signIn.authenticate(attempt("sue", "a-wrong-password-1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypts).hasValue(2);
        assertThat(signIn.authenticate(attempt("sue", PASSWORD)).getName()).isEqualTo("sue");
        assertThat(bcrypts).hasValue(3);
    }

    @Test
    void aLockedAccountIsRefusedWithoutBcryptEvenWithTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("sue", "a-wrong-password-1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int before = bcrypts.get();

        assertThatThrownBy(() -> signIn.authenticate(attempt("sue", PASSWORD)))
                .isInstanceOf(SignInThrottled.class)
                .satisfies(e ->
                        assertThat(((SignInThrottled) e).retryAfterSeconds()).isBetween(1L, 300L));
        assertThat(bcrypts).hasValue(before);
    }

    @Test
    void aPasswordLongerThanBcryptReadsFailsWithoutBcrypt() {
        assertThatThrownBy(() -> signIn.authenticate(attempt("sue", "é".repeat(40))))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(bcrypts).hasValue(0);
    }

    @Test
    void aDisabledAccountCostsTheSameBcryptAndIsNotCountedAsAFailure() {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn.authenticate(attempt("off", PASSWORD)))
                    .isInstanceOf(DisabledException.class);
        }
        assertThat(bcrypts).hasValue(5);
        assertThat(throttle.refusal("off", null)).isEmpty();
    }

    private void account(String username, UserStatus status) {
        when(accounts.account(username))
                .thenReturn(Optional.of(new Account(
                        new Actor(username, null, List.of(Role.TRUST_REVIEWER)),
                        username,
                        BCRYPT.encode(PASSWORD),
                        status,
                        false)));
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
