package org.sharingledger.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider (mock-oauth2-server) inside the test JVM, started before the shared application
 * context, which is configured to sign people in with it ({@link IntegrationTest}). Who signs in next is said with
 * {@link #nextSignIn(String)}.
 */
public final class IdentityProvider {

    public static final String ISSUER = "council";
    public static final String CLIENT_ID = "sharing-ledger";
    public static final String NAME = "the County Council";
    private static final MockOAuth2Server SERVER = new MockOAuth2Server();

    static {
        SERVER.start();
    }

    private IdentityProvider() {}

    public static String issuerUri() {
        return SERVER.issuerUrl(ISSUER).toString();
    }

    /** The next person to sign in at the provider has this {@code preferred_username}. */
    public static void nextSignIn(String preferredUsername) {
        SERVER.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER,
                UUID.randomUUID().toString(),
                "JWT",
                List.of(CLIENT_ID),
                Map.of("preferred_username", preferredUsername),
                3600));
    }
}
