package org.sharingledger.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A page session holds the person as they signed in; this reads their account again on every request, so a change
 * holds at once: a disabled (or vanished) account's session ends there and then, and changed roles or agency apply
 * to the very next page. One indexed lookup per request.
 */
class LiveAccountFilter extends OncePerRequestFilter {

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
            } else if (!account.get().actor().equals(principal.actor())) {
                LedgerPrincipal now = LedgerPrincipal.refreshed(account.get());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
