package org.sharingledger.kernel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The metadata every command carries and every event inherits from it: who acted, for which agency, with which
 * roles, and the correlation id of the HTTP request that caused it.
 */
public final class ActorMetaData {

    public static final String USERNAME = "actor.username";
    public static final String AGENCY_ID = "actor.agencyId";
    public static final String ROLES = "actor.roles";
    public static final String CORRELATION_ID = "correlationId";
    public static final List<String> KEYS = List.of(USERNAME, AGENCY_ID, ROLES, CORRELATION_ID);

    private ActorMetaData() {}

    public static Map<String, Object> of(Actor actor, String correlationId) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(USERNAME, actor.username());
        if (actor.agencyId() != null) {
            metaData.put(AGENCY_ID, actor.agencyId());
        }
        metaData.put(ROLES, actor.roles().stream().map(Role::name).collect(Collectors.joining(",")));
        if (correlationId != null) {
            metaData.put(CORRELATION_ID, correlationId);
        }
        return metaData;
    }

    /**
     * Who acted, as a message's metadata says ({@link #of}): the {@code system} actor when it names no one (a step the
     * ledger took by itself), for the handlers that take a further step in reaction to an event, as the same actor.
     */
    public static Actor actorOf(Map<String, ?> metaData) {
        Object username = metaData.get(USERNAME);
        if (username == null) {
            return Actor.SYSTEM;
        }
        Object agencyId = metaData.get(AGENCY_ID);
        Object roles = metaData.get(ROLES);
        List<Role> parsed = roles == null || roles.toString().isBlank()
                ? List.of()
                : Arrays.stream(roles.toString().split(","))
                        .map(String::strip)
                        .filter(role -> !role.isEmpty())
                        .map(Role::valueOf)
                        .toList();
        return new Actor(username.toString(), agencyId == null ? null : agencyId.toString(), parsed);
    }
}
