package org.sharingledger.access;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.stream.Stream;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.DeniedAttempts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The web pages' own filter chain, ahead of the API's: form login at {@code /login}, a session, CSRF protection on
 * every form, sign-out by POST. It matches only the pages' paths; everything else (the API, Actuator, the OpenAPI
 * description) stays with {@link SecurityConfiguration}'s stateless chain, unchanged. Both check passwords with
 * {@link PasswordSignIn}: a locked account or address is answered 429 with a page that says how long to wait. Which page a user may see is decided by the page itself,
 * as in the API, so that a refusal is recorded and answered with a page.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    /** The paths the pages own. */
    static final String[] PAGES = {
        "/",
        "/login",
        PageSecurityConfiguration.THROTTLED,
        "/logout",
        "/denied",
        "/dashboard/**",
        "/commissioned/**",
        "/trust",
        "/trust.csv",
        "/reports/**",
        "/requests",
        "/requests/**",
        "/agreements",
        "/agreements/**",
        "/timeline",
        "/timeline/**",
        "/ledger",
        "/ledger/**",
        "/register",
        "/register/**",
        "/admin/**",
        "/consultations",
        "/consultations/**",
        "/self-assessments",
        "/self-assessments/**",
        "/training",
        "/training/**",
        "/account",
        "/account/**",
        "/css/**",
        "/favicon.svg"
    };

    /** Where a sign-in refused for too many failures is forwarded to be answered (429, a page that says why). */
    static final String THROTTLED = "/login/throttled";

    /** The request attribute that tells the throttled page how long to wait, in words. */
    static final String THROTTLED_WAIT = "ledger.signIn.wait";

    /** The request attribute that tells the refusal page why (when it is not a form without its CSRF token). */
    static final String DENIED_REASON = "ledger.denied.reason";

    /** No script at all, nothing from elsewhere: the pages are plain HTML, CSS and inline SVG. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @ConditionalOnWebApplication // not on the command line (reset-admin-password)
    @Order(1)
    SecurityFilterChain pages(
            HttpSecurity http,
            DeniedAttempts deniedAttempts,
            AccountTable accounts,
            ObjectProvider<OidcSignIn> oidcSignIn)
            throws Exception {
        AccessDeniedHandlerImpl deniedPage = new AccessDeniedHandlerImpl();
        deniedPage.setErrorPage("/denied");
        AccessDeniedHandler denied = (request, response, e) -> {
            String reason = e instanceof CsrfException ? "missing or invalid CSRF token" : "not allowed";
            if (!(e instanceof CsrfException)) {
                request.setAttribute(DENIED_REASON, RoleRule.API.whoMay());
            }
            CurrentActor.find()
                    .ifPresent(actor ->
                            deniedAttempts.record(actor, request.getMethod(), request.getRequestURI(), reason));
            deniedPage.handle(request, response, e);
        };
        // Sign-in with the council's identity provider, when configured (OidcSignIn).
        OidcSignIn oidc = oidcSignIn.getIfAvailable();
        if (oidc != null) {
            oidc.apply(http);
        }
        http.securityMatcher(
                        oidc == null
                                ? PAGES
                                : Stream.concat(Stream.of(PAGES), Stream.of(OidcSignIn.PATHS))
                                        .toArray(String[]::new))
                .addFilterAfter(new LiveAccountFilter(accounts), SecurityContextHolderFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(PageSecurityConfiguration::signInFailed)
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                .exceptionHandling(handling -> handling.accessDeniedHandler(denied))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/css/**", "/favicon.svg", "/denied", "/login", THROTTLED)
                        .permitAll()
                        // A METRICS account has its account page (to change its password, issue its token) only;
                        // the start page sends it there.
                        .requestMatchers("/", "/account", "/account/**", "/logout")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole(RoleRule.PEOPLE));
        return http.build();
    }

    private static final AuthenticationFailureHandler WRONG = new SimpleUrlAuthenticationFailureHandler("/login?error");

    /** A locked account or address: 429 with Retry-After and a page that says so; else back to the form. */
    private static void signInFailed(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (e instanceof SignInThrottled throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            request.setAttribute(THROTTLED_WAIT, throttled.waitInWords());
            request.getRequestDispatcher(THROTTLED).forward(request, response);
            return;
        }
        WRONG.onAuthenticationFailure(request, response, e);
    }

    /** The session cookie does not travel with requests that other sites start (besides plain links). */
    @Bean
    CookieSameSiteSupplier sessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }
}
