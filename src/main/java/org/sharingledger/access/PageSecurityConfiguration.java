package org.sharingledger.access;

import java.util.stream.Stream;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.DeniedAttempts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The web pages' own filter chain, ahead of the API's: form login at {@code /login}, a session, CSRF protection on
 * every form, sign-out by POST. It matches only the pages' paths; everything else (the API, Actuator, the OpenAPI
 * description) stays with {@link SecurityConfiguration}'s stateless chain, unchanged. Both use the same
 * {@code UserDetailsService} and {@code PasswordEncoder}. Which page a user may see is decided by the page itself,
 * as in the API, so that a refusal is recorded and answered with a page.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    /** The paths the pages own. */
    static final String[] PAGES = {
        "/",
        "/login",
        "/logout",
        "/denied",
        "/dashboard/**",
        "/trust",
        "/trust.csv",
        "/requests",
        "/requests/**",
        "/timeline",
        "/timeline/**",
        "/ledger",
        "/ledger/**",
        "/admin/**",
        "/account",
        "/account/**",
        "/css/**",
        "/favicon.svg"
    };

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
                .formLogin(form ->
                        form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                .exceptionHandling(handling -> handling.accessDeniedHandler(denied))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/css/**", "/favicon.svg", "/denied")
                        .permitAll()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /** The session cookie does not travel with requests that other sites start (besides plain links). */
    @Bean
    CookieSameSiteSupplier sessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }
}
