package org.sharingledger.access;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with the council's identity provider (OpenID Connect). Off unless {@code issuerUri} is set; see
 * docs/sign-in.md.
 *
 * @param issuerUri the provider's issuer; its discovery document is read at start
 * @param clientId the ledger's client id at the provider
 * @param clientSecret the ledger's client secret at the provider
 * @param name the provider's name as the sign-in page shows it ("Sign in with …")
 * @param usernameClaim the claim that holds the ledger username of the person who signed in
 * @param scopes the scopes asked for
 */
@ConfigurationProperties("ledger.oidc")
record OidcProperties(
        String issuerUri,
        String clientId,
        String clientSecret,
        @DefaultValue("your organisation") String name,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue({"openid", "profile"}) List<String> scopes) {}
