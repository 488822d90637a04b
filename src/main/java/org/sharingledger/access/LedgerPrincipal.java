package org.sharingledger.access;

import java.util.Collection;
import java.util.List;

import org.sharingledger.access.api.Actor;
import org.sharingledger.access.api.CurrentActor.ActorPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person: their account's roles become authorities, their agency travels with them. */
record LedgerPrincipal(Actor actor, String displayName, String passwordHash) implements UserDetails, ActorPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<SimpleGrantedAuthority> authorities = actor.roles().stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
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
    public String toString() {
        return "LedgerPrincipal[" + actor.username() + "]";
    }
}
