package org.sharingledger.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.util.StringUtils;

/**
 * Sign-in with the council's identity provider (OpenID Connect, authorization code flow), beside the ledger's own
 * passwords, only when {@code ledger.oidc.issuer-uri} is set. The person who signs in there is mapped by a claim
 * ({@code ledger.oidc.username-claim}) to an existing ledger account; no account is ever created here. An unknown or
 * disabled account is refused with a plain page ({@code /login?refused}), and nothing is recorded of it. Once in, the
 * session holds the same {@link LedgerPrincipal} as a password sign-in (so roles, agency and {@link LiveAccountFilter}
 * apply alike), marked as signed in at the provider: the ledger's own password, and an administrator's reset of it,
 * play no part. The provider's tokens are kept in the session only, never in a store that outlives it.
 *
 * <p>{@link PageSecurityConfiguration} calls {@link #apply(HttpSecurity)} on the pages' filter chain when this bean
 * exists.
 */
class OidcSignIn {

    /** The registration's id: the provider sends people back to {@code /login/oauth2/code/oidc}. */
    static final String REGISTRATION = "oidc";

    /** The paths the sign-in adds to the pages' chain. */
    static final String[] PATHS = {"/oauth2/authorization/**", "/login/oauth2/code/**"};

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    private static final String REFUSED = "/login?refused";
    private static final String NO_ACCOUNT = "ledger_account_unknown_or_disabled";

    private final ClientRegistrationRepository registrations;
    private final AccountTable accounts;
    private final String usernameClaim;
    private final OidcUserService provider = new OidcUserService();
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler landing =
            new SavedRequestAwareAuthenticationSuccessHandler();

    OidcSignIn(ClientRegistrationRepository registrations, AccountTable accounts, String usernameClaim) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.usernameClaim = usernameClaim;
        landing.setDefaultTargetUrl("/");
    }

    void apply(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(info -> info.oidcUserService(this::loadUser))
                .successHandler(this::signedIn)
                // the refusal page is open to all (permitAll covers the failure URL exactly, query included)
                .failureUrl(REFUSED)
                .permitAll());
    }

    /** The provider's user, if an active ledger account has the name their claim gives. */
    private OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String username = user.getClaimAsString(usernameClaim);
        Optional<AccountTable.Account> account =
                Optional.ofNullable(username).flatMap(accounts::account).filter(AccountTable.Account::active);
        if (account.isEmpty()) {
            LOG.info("Sign-in at the identity provider refused: no active ledger account under its {}", usernameClaim);
            throw new OAuth2AuthenticationException(
                    new OAuth2Error(NO_ACCOUNT), "no active ledger account for the identity provider's user");
        }
        return new DefaultOidcUser(
                LedgerPrincipal.byIdentityProvider(account.get()).getAuthorities(),
                user.getIdToken(),
                user.getUserInfo(),
                usernameClaim);
    }

    /** The session holds a ledger principal, as after a password sign-in. */
    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        Optional<AccountTable.Account> account =
                accounts.account(authentication.getName()).filter(AccountTable.Account::active);
        if (account.isEmpty()) {
            response.sendRedirect(request.getContextPath() + REFUSED);
            return;
        }
        LedgerPrincipal principal = LedgerPrincipal.byIdentityProvider(account.get());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        landing.onAuthenticationSuccess(request, response, context.getAuthentication());
    }

    /** Present only when the provider is configured. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(Wiring.Configured.class)
    static class Wiring {

        /** {@code ledger.oidc.issuer-uri} is set and not blank (an empty variable in a compose file means off). */
        static final class Configured implements Condition {
            @Override
            public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
                return StringUtils.hasText(context.getEnvironment().getProperty("ledger.oidc.issuer-uri"));
            }
        }

        @Bean
        ClientRegistrationRepository oidcRegistrations(OidcProperties properties) {
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                    .registrationId(REGISTRATION)
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .clientName(properties.name())
                    .scope(properties.scopes())
                    .userNameAttributeName(properties.usernameClaim())
                    .build();
            return new InMemoryClientRegistrationRepository(registration);
        }

        @Bean
        OidcSignIn oidcSignIn(
                ClientRegistrationRepository oidcRegistrations, AccountTable accounts, OidcProperties properties) {
            return new OidcSignIn(oidcRegistrations, accounts, properties.usernameClaim());
        }
    }
}
