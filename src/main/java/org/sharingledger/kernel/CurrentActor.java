package org.sharingledger.kernel;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor behind the current HTTP request, as authenticated by password or token. */
public final class CurrentActor {

    private CurrentActor() {}

    /** The authenticated actor; only called behind authentication, so its absence is a programming error. */
    public static Actor get() {
        return find().orElseThrow(() -> new IllegalStateException("no authenticated actor"));
    }

    public static Optional<Actor> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    /** An authenticated principal that knows its actor. */
    public interface ActorPrincipal {
        Actor actor();
    }
}
