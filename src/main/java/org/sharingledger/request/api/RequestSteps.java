package org.sharingledger.request.api;

import java.util.Arrays;
import java.util.List;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;

/**
 * Who may take which step of a request, and when: the rules the {@code SharingRequest} aggregate enforces, written
 * once here so that the web pages offer exactly the steps the aggregate would accept.
 */
public final class RequestSteps {

    private RequestSteps() {}

    /** A practitioner or nominated representative of the agency: who makes, decides, escalates and withdraws. */
    public static boolean practitionerOf(Actor actor, String agencyId) {
        return agencyId != null
                && actor.actsFor(agencyId)
                && actor.hasAny(Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE);
    }

    /**
     * Whether the actor is a party to a request: a practitioner or nominated representative of either agency. Only a
     * party sees the identifier the child was named by; other users of those agencies (a case reviewer bound to one,
     * say) are not parties.
     */
    public static boolean partyTo(Actor actor, String requestingAgencyId, String holdingAgencyId) {
        return practitionerOf(actor, requestingAgencyId) || practitionerOf(actor, holdingAgencyId);
    }

    /** Who may read a request, for the API, the pages and every list: its parties, and the Children's Trust. */
    public static boolean mayRead(Actor actor, String requestingAgencyId, String holdingAgencyId) {
        return partyTo(actor, requestingAgencyId, holdingAgencyId) || actor.has(Role.TRUST_REVIEWER);
    }

    /** Who may list an agency's requests and notifications: its practitioners and nominated representatives, and the Trust. */
    public static boolean mayList(Actor actor, String agencyId) {
        return practitionerOf(actor, agencyId) || actor.has(Role.TRUST_REVIEWER);
    }

    /** Sharing, refusing and withdrawing are open only while the request awaits its (first) decision. */
    public static boolean awaitsDecision(RequestStatus status) {
        return status == RequestStatus.AWAITING_DECISION;
    }

    /**
     * The stages a request may be escalated to now: any after a refusal or a partial share, only later ones after an
     * upheld refusal, none otherwise.
     */
    public static List<Stage> escalationStages(RequestStatus status, Stage lastStage) {
        return switch (status) {
            case REFUSED, PARTIALLY_SHARED -> List.of(Stage.values());
            case REFUSAL_UPHELD ->
                Arrays.stream(Stage.values())
                        .filter(stage -> stage.isLaterThan(lastStage))
                        .toList();
            default -> List.of();
        };
    }

    /** Who resolves an escalation at a stage: the holding agency's nominated representative, or at the last the Trust. */
    public static boolean resolvesAt(Actor actor, String holdingAgencyId, Stage stage) {
        return stage.isAgencyStage()
                ? actor.actsFor(holdingAgencyId) && actor.has(Role.NOMINATED_REPRESENTATIVE)
                : actor.has(Role.TRUST_REVIEWER);
    }

    /** The steps open to an actor on a request in a state; {@code lastStage} is the latest escalation's, if any. */
    public static Open open(
            Actor actor, String requestingAgencyId, String holdingAgencyId, RequestStatus status, Stage lastStage) {
        boolean decides = practitionerOf(actor, holdingAgencyId) && awaitsDecision(status);
        boolean requester = practitionerOf(actor, requestingAgencyId);
        return new Open(
                decides,
                decides,
                requester ? escalationStages(status, lastStage) : List.of(),
                status == RequestStatus.ESCALATED && lastStage != null && resolvesAt(actor, holdingAgencyId, lastStage),
                requester && awaitsDecision(status));
    }

    /** The steps open: share, refuse, escalate (to these stages), resolve the open escalation, withdraw. */
    public record Open(boolean share, boolean refuse, List<Stage> escalateTo, boolean resolve, boolean withdraw) {

        public boolean any() {
            return share || refuse || !escalateTo.isEmpty() || resolve || withdraw;
        }
    }
}
