package org.sharingledger.access.api;

import org.sharingledger.kernel.Actor;

import java.util.Optional;

/** Looks up a user account: who they are, their agency and roles. */
public interface AccountDirectory {

    Optional<Actor> find(String username);
}
