package org.sharingledger.platform.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Times every recording request by command and outcome ({@code ledger.commands}: accepted, rejected by a rule,
 * invalid, denied, unauthenticated, not found, error). Runs before authentication, so refusals at the door count too.
 */
class CommandMetricsFilter extends OncePerRequestFilter {

    private static final List<Route> ROUTES = List.of(
            new Route("/api/agencies", "SignAgency"),
            new Route("/api/agencies/{agencyId}/withdrawal", "WithdrawAgency"),
            new Route("/api/agencies/{agencyId}/nominated-representative", "ChangeNominatedRepresentative"),
            new Route("/api/users", "RegisterUser"),
            new Route("/api/tokens", "IssueToken"),
            new Route("/api/tokens/{tokenId}/revocation", "RevokeToken"),
            new Route("/api/requests", "MakeRequest"),
            new Route("/api/requests/{requestId}/share", "ShareInformation"),
            new Route("/api/requests/{requestId}/refusal", "RefuseRequest"),
            new Route("/api/requests/{requestId}/escalations", "EscalateRefusal"),
            new Route("/api/requests/{requestId}/escalations/resolution", "ResolveEscalation"),
            new Route("/api/requests/{requestId}/withdrawal", "WithdrawRequest"),
            new Route("/api/timeline-grants", "GrantTimelineAccess"),
            new Route("/api/timeline-grants/{grantId}/revocation", "RevokeTimelineAccess"),
            new Route("/api/timelines/queries", "RecordTimelineQuery"),
            new Route("/api/subjects/erasure", "EraseSubjectDetails"));

    private final MeterRegistry registry;
    /** The timers already registered, by command and outcome: a handful, looked up without building an id. */
    private final ConcurrentMap<String, ConcurrentMap<String, Timer>> timers = new ConcurrentHashMap<>();

    CommandMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            chain.doFilter(request, response);
            outcome = outcome(response.getStatus());
        } finally {
            sample.stop(timer(command(request.getRequestURI()), outcome));
        }
    }

    private Timer timer(String command, String outcome) {
        return timers.computeIfAbsent(command, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        outcome,
                        o -> Timer.builder("ledger.commands")
                                .description("Recording requests by command and outcome")
                                .tag("command", command)
                                .tag("outcome", outcome)
                                .register(registry));
    }

    static String command(String uri) {
        PathContainer path = PathContainer.parsePath(uri);
        for (Route route : ROUTES) {
            if (route.pattern.matches(path)) {
                return route.command;
            }
        }
        return "unknown";
    }

    static String outcome(int status) {
        if (status < 400) {
            return "accepted";
        }
        return switch (status) {
            case 400, 422 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "denied";
            case 404 -> "not_found";
            case 409 -> "rejected";
            default -> status < 500 ? "invalid" : "error";
        };
    }

    private record Route(PathPattern pattern, String command) {
        Route(String pattern, String command) {
            this(PathPatternParser.defaultInstance.parse(pattern), command);
        }
    }
}
