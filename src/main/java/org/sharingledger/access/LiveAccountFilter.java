package org.sharingledger.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.stream.Stream;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session holds the person as they signed in; this reads their account again on every request, so a change
 * holds at once: a disabled (or vanished) account's session ends there and then, and changed roles or agency apply
 * to the very next page. One indexed lookup per request.
 *
 * <p>An account whose password someone else set (an administrator's reset, the operator's) must choose its own before
 * anything else: every page but the account page (and its password form), sign-out and the style sheet sends it to
 * {@code /account} (303), which says why.
 */
class LiveAccountFilter extends OncePerRequestFilter {

    static final String ACCOUNT = "/account";

    /** What a user who must change their password may still reach. */
    private static final RequestMatcher MAY_WAIT = new OrRequestMatcher(Stream.of(
                    ACCOUNT, ACCOUNT + "/password", "/logout", "/login", "/css/**", "/favicon.svg", "/denied", "/error")
            .map(path ->
                    (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(path))
            .toList());

    private final AccountTable accounts;

    LiveAccountFilter(AccountTable accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof LedgerPrincipal principal) {
            var account = accounts.account(principal.getUsername()).filter(AccountTable.Account::active);
            if (account.isEmpty()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else {
                // Signed in at the identity provider: the ledger's password is not theirs to use, so a reset of it
                // does not hold them up.
                if (account.get().mustChangePassword()
                        && !principal.viaIdentityProvider()
                        && !MAY_WAIT.matches(request)) {
                    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                    response.setHeader("Location", request.getContextPath() + ACCOUNT);
                    return;
                }
                refresh(principal, account.get());
            }
        }
        chain.doFilter(request, response);
    }

    /** Changed roles or agency apply to this very request. */
    private static void refresh(LedgerPrincipal principal, AccountTable.Account account) {
        if (!account.actor().equals(principal.actor())) {
            LedgerPrincipal now = principal.refreshedWith(account);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
            SecurityContextHolder.setContext(context);
        }
    }
}
