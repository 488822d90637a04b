package org.sharingledger.access;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor.ActorPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person: their account's roles become authorities, their agency travels with them. The password hash
 * is dropped as soon as authentication succeeds, so a page session never holds it.
 */
final class LedgerPrincipal implements UserDetails, ActorPrincipal, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Actor actor;
    private final String displayName;
    private final boolean enabled;
    private final boolean viaToken;
    private final boolean viaProvider;
    private String passwordHash;

    private LedgerPrincipal(Actor actor, String displayName, String passwordHash, boolean enabled, boolean viaToken) {
        this(actor, displayName, passwordHash, enabled, viaToken, false);
    }

    private LedgerPrincipal(
            Actor actor,
            String displayName,
            String passwordHash,
            boolean enabled,
            boolean viaToken,
            boolean viaProvider) {
        this.actor = actor;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.viaToken = viaToken;
        this.viaProvider = viaProvider;
    }

    /** Signing in with a password (HTTP Basic, the sign-in form): a disabled account is refused. */
    static LedgerPrincipal byPassword(AccountTable.Account account) {
        return new LedgerPrincipal(
                account.actor(), account.displayName(), account.passwordHash(), account.active(), false);
    }

    /** Authenticated by a personal access token (only ever made for an active account). */
    static LedgerPrincipal byToken(AccountTable.Account account) {
        return new LedgerPrincipal(account.actor(), account.displayName(), null, account.active(), true);
    }

    /** Signed in at the council's identity provider (OpenID Connect), mapped to this account. */
    static LedgerPrincipal byIdentityProvider(AccountTable.Account account) {
        return new LedgerPrincipal(account.actor(), account.displayName(), null, account.active(), false, true);
    }

    /** The same person, signed in the same way, with the account as it is now. */
    LedgerPrincipal refreshedWith(AccountTable.Account account) {
        return new LedgerPrincipal(account.actor(), account.displayName(), null, account.active(), false, viaProvider);
    }

    /**
     * Whether this session was opened at the identity provider: the ledger's own password (and an administrator's
     * reset of it) plays no part in it.
     */
    boolean viaIdentityProvider() {
        return viaProvider;
    }

    /** Whether this request was authenticated by a personal access token rather than a password. */
    boolean viaToken() {
        return viaToken;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = actor.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                .toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LedgerPrincipal[" + actor.username() + "]";
    }
}
