package org.sharingledger.kernel;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Who does something: a user, the agency they act for (if any) and their roles at that moment.
 *
 * @param username the account's name, or {@code system} for the ledger itself (deadlines, start-up)
 * @param agencyId the agency the user is bound to, or null
 * @param roles    the roles held, in a stable order
 */
public record Actor(String username, String agencyId, List<Role> roles) {

    /** The ledger acting on its own: a deadline passing, the first administrator being created. */
    public static final Actor SYSTEM = new Actor("system", null, List.of());

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = roles == null
                ? List.of()
                : roles.stream().distinct().sorted(Comparator.naturalOrder()).toList();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    /** Whether the actor acts for that agency. */
    public boolean actsFor(String agency) {
        return agencyId != null && agencyId.equals(agency);
    }
}
