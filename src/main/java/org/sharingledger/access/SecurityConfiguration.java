package org.sharingledger.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.DeniedAttempts;
import org.sharingledger.platform.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. People trying the API use HTTP Basic; agency systems use personal access tokens (Bearer).
 * No credentials: 401. Known but not allowed: 403, and the attempt is recorded as an event. Passwords are checked by
 * {@link PasswordSignIn}: too many failures lock an account or a client address for a while (429, Retry-After).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @ConditionalOnWebApplication // not on the command line (reset-admin-password)
    SecurityFilterChain api(HttpSecurity http, Tokens tokens, DeniedAttempts deniedAttempts) throws Exception {
        AuthenticationEntryPoint unauthenticated = SecurityConfiguration::unauthenticated;
        AccessDeniedHandler denied = (request, response, e) -> denied(request, response, deniedAttempts);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .addFilterBefore(new BearerTokenFilter(tokens, unauthenticated), BasicAuthenticationFilter.class)
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health/**", "/actuator/health", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(RoleRule.matcher(RoleRule.ADMIN))
                        .hasRole("ADMIN")
                        .requestMatchers(RoleRule.matcher(RoleRule.ADMIN_ROLES))
                        .hasRole("ADMIN")
                        .requestMatchers(RoleRule.matcher(RoleRule.ADMIN_LISTS))
                        .hasRole("ADMIN")
                        .requestMatchers(RoleRule.matcher(RoleRule.PRACTITIONERS))
                        .hasAnyRole("PRACTITIONER", "NOMINATED_REPRESENTATIVE")
                        .requestMatchers(RoleRule.matcher(RoleRule.RESOLVERS))
                        .hasAnyRole("NOMINATED_REPRESENTATIVE", "TRUST_REVIEWER")
                        // A METRICS account manages its own tokens, scrapes Prometheus, and does nothing else.
                        .requestMatchers(RoleRule.matcher(RoleRule.OWN_TOKENS))
                        .authenticated()
                        .requestMatchers("/api/**")
                        .hasAnyRole(RoleRule.PEOPLE)
                        .requestMatchers(RoleRule.matcher(RoleRule.PROMETHEUS))
                        .hasAnyRole("ADMIN", "METRICS")
                        .requestMatchers(RoleRule.matcher(RoleRule.ACTUATOR))
                        .hasRole("ADMIN")
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /**
     * No observation of each security filter, authentication and authorization: they would wrap every one of the
     * chain's filters in an observation on every call, and no one reads them. Requests stay timed as a whole
     * ({@code http.server.requests}, and {@code ledger.commands} for recording ones).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder(@Value("${ledger.security.bcrypt-strength}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    private static void unauthenticated(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (e instanceof SignInThrottled throttled) {
            response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
            Problems.write(
                    response,
                    Problems.of(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "sign-in-throttled",
                            "Too many failed sign-ins",
                            "Too many failed sign-ins for this account or from this address: try again in "
                                    + throttled.waitInWords() + "."));
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"sharing-ledger\", Bearer");
        Problems.write(
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Not signed in",
                        "Give a username and password (HTTP Basic) or a personal access token (Bearer)."));
    }

    private static void denied(HttpServletRequest request, HttpServletResponse response, DeniedAttempts deniedAttempts)
            throws IOException {
        String detail = RoleRule.whoMay(request);
        CurrentActor.find()
                .ifPresent(actor -> deniedAttempts.record(actor, request.getMethod(), request.getRequestURI(), detail));
        Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail));
    }
}
