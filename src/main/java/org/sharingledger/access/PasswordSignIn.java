package org.sharingledger.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.sharingledger.access.AccountTable.Account;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signing in with a username and password, by HTTP Basic and the sign-in form alike (Spring Security's global
 * authentication uses this, the one {@code AuthenticationProvider} bean, in place of its own).
 *
 * <ul>
 *   <li>A locked account or client address ({@link SignInThrottle}) is refused before anything else: no bcrypt, and
 *       the right password is refused too ({@link SignInThrottled}: 429).
 *   <li>Every other attempt runs bcrypt exactly once: against the account's hash, or against a hash of the same
 *       strength when there is no such account, so the time taken does not tell whether it exists.
 *   <li>A password longer than bcrypt reads (72 bytes in UTF-8) cannot be anyone's: a failure, without bcrypt.
 *   <li>A wrong password or an unknown user counts as a failure; a disabled account with the right password does
 *       not (it is refused as disabled, after the same bcrypt).
 * </ul>
 */
@Component
class PasswordSignIn implements AuthenticationProvider {

    private static final int BCRYPT_BYTES = 72;

    private final AccountTable accounts;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final SignInLockouts lockouts;
    private final String absentHash;

    PasswordSignIn(AccountTable accounts, PasswordEncoder passwords, SignInThrottle throttle, SignInLockouts lockouts) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.throttle = throttle;
        this.lockouts = lockouts;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.absentHash = passwords.encode(Base64.getEncoder().encodeToString(random));
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName() == null ? "" : authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;

        Optional<Duration> wait = throttle.refusal(username, address);
        if (wait.isPresent()) {
            throw new SignInThrottled(wait.get());
        }
        Optional<Account> account = accounts.account(username).filter(found -> found.passwordHash() != null);
        if (!matches(password, account)) {
            lockouts.record(throttle.failed(username, address), username, address, account.isPresent());
            throw new BadCredentialsException("Bad credentials");
        }
        Account found = account.orElseThrow();
        if (!found.active()) {
            throw new DisabledException("the account is disabled");
        }
        throttle.succeeded(username);
        LedgerPrincipal principal = LedgerPrincipal.byPassword(found);
        principal.eraseCredentials();
        UsernamePasswordAuthenticationToken result =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        result.setDetails(authentication.getDetails());
        return result;
    }

    /** One bcrypt, whether or not the account exists; none for a password too long to be anyone's. */
    private boolean matches(String password, Optional<Account> account) {
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_BYTES) {
            return false;
        }
        if (account.isEmpty()) {
            passwords.matches(password, absentHash);
            return false;
        }
        return passwords.matches(password, account.get().passwordHash());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
