package org.sharingledger.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.sharingledger.kernel.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The paths that only some roles may call, and the words of the 403 that names who may: one list, so that the rule
 * and what a refused caller reads cannot drift apart.
 */
record RoleRule(HttpMethod method, List<String> paths, String whoMay) {

    static final RoleRule ADMIN = new RoleRule(
            HttpMethod.POST,
            List.of(
                    "/api/agencies",
                    "/api/agencies/**",
                    "/api/users",
                    "/api/users/*/disable",
                    "/api/users/*/enable",
                    "/api/subjects/erasure"),
            "only an ADMIN may register agencies and users, disable or enable a user, or erase a child's personal "
                    + "details");

    static final RoleRule ADMIN_ROLES = new RoleRule(
            HttpMethod.PUT, List.of("/api/users/*/roles"), "only an ADMIN may change a user's roles and agency");

    static final RoleRule ADMIN_LISTS = new RoleRule(
            HttpMethod.GET,
            List.of("/api/users", "/api/users/*/tokens"),
            "only an ADMIN may list the users and a user's tokens");

    static final RoleRule PRACTITIONERS = new RoleRule(
            HttpMethod.POST,
            List.of(
                    "/api/requests",
                    "/api/requests/*/share",
                    "/api/requests/*/refusal",
                    "/api/requests/*/escalations",
                    "/api/requests/*/withdrawal"),
            "only a PRACTITIONER or NOMINATED_REPRESENTATIVE of the agency concerned may make, share or refuse, "
                    + "escalate or withdraw a request");

    static final RoleRule RESOLVERS = new RoleRule(
            HttpMethod.POST,
            List.of("/api/requests/*/escalations/resolution"),
            "only a NOMINATED_REPRESENTATIVE of the holding agency (at LINE_MANAGER, NOMINATED_REPRESENTATIVE or "
                    + "DATA_PROTECTION_OFFICER) or a TRUST_REVIEWER (at SAFEGUARDING_PARTNERSHIP) may resolve an "
                    + "escalation");

    static final RoleRule PROMETHEUS = new RoleRule(
            HttpMethod.GET,
            List.of("/actuator/prometheus"),
            "only an ADMIN or a METRICS account may read the ledger's metrics for Prometheus");

    /** What a METRICS account may do besides scraping: issue, list and revoke its own tokens. */
    static final RoleRule OWN_TOKENS = new RoleRule(
            null, List.of("/api/tokens", "/api/tokens/**"), "anyone signed in may manage their own tokens");

    static final RoleRule ACTUATOR = new RoleRule(
            null, List.of("/actuator/**"), "only an ADMIN may read the ledger's metrics and management endpoints");

    /** The rest of the API: every role but METRICS. */
    static final RoleRule API = new RoleRule(
            null, List.of("/api/**"), "a METRICS account may only read /actuator/prometheus and manage its own tokens");

    /** The roles of people (and their systems): every role but METRICS, which may only scrape metrics. */
    static final String[] PEOPLE = Arrays.stream(Role.values())
            .filter(role -> role != Role.METRICS)
            .map(Role::name)
            .toArray(String[]::new);

    private static final List<RoleRule> ALL =
            List.of(ADMIN, ADMIN_ROLES, ADMIN_LISTS, PRACTITIONERS, RESOLVERS, PROMETHEUS, ACTUATOR, API);

    /** The chain's last rule denies every path that neither the API nor the pages serve. */
    private static final String ANYONE_ELSE =
            "no one may call this path: the API is under /api/ (listed at /v3/api-docs) and the pages start at /";

    static RequestMatcher matcher(RoleRule rule) {
        return new OrRequestMatcher(rule.paths().stream()
                .map(path -> (RequestMatcher)
                        PathPatternRequestMatcher.withDefaults().matcher(rule.method(), path))
                .toList());
    }

    /** The words of a 403 from the filter chain: who may do what the request tried. */
    static String whoMay(HttpServletRequest request) {
        return ALL.stream()
                .filter(rule -> matcher(rule).matches(request))
                .map(RoleRule::whoMay)
                .findFirst()
                .orElse(ANYONE_ELSE);
    }
}
