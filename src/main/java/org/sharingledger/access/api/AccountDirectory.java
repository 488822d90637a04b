package org.sharingledger.access.api;

import java.util.Optional;
import org.sharingledger.kernel.Actor;

/** Looks up a user account: who they are, their agency and roles. */
public interface AccountDirectory {

    Optional<Actor> find(String username);
}
