package org.sharingledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.mock.env.MockEnvironment;

/** With no provider configured the ledger signs in as before: no OpenID Connect, no provider needed at start. */
class OidcSignInConditionTest {

    @Test
    void signInAtAProviderIsOffUnlessAnIssuerIsGiven() {
        assertThat(configured(new MockEnvironment())).isFalse();
        assertThat(configured(new MockEnvironment().withProperty("ledger.oidc.issuer-uri", "")))
                .as("an empty variable, as a compose file passes it")
                .isFalse();
        assertThat(configured(new MockEnvironment().withProperty("ledger.oidc.issuer-uri", "  ")))
                .isFalse();
        assertThat(configured(
                        new MockEnvironment().withProperty("ledger.oidc.issuer-uri", "https://login.example/council")))
                .isTrue();
    }

    private static boolean configured(MockEnvironment environment) {
        ConditionContext context = mock(ConditionContext.class);
        when(context.getEnvironment()).thenReturn(environment);
        return new OidcSignIn.Wiring.Configured().matches(context, null);
    }
}
