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
    private String passwordHash;

    LedgerPrincipal(Actor actor, String displayName, String passwordHash) {
        this.actor = actor;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
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
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LedgerPrincipal[" + actor.username() + "]";
    }
}
