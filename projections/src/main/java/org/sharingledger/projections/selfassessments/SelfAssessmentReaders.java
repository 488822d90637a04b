package org.sharingledger.projections.selfassessments;

import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;

/** Who may read self-assessment rounds, and how much of them: the API and the pages ask here. */
final class SelfAssessmentReaders {

    private SelfAssessmentReaders() {}

    /** Whether this actor reads every agency's returns (the Trust and administrators). */
    static boolean readsAll(Actor actor) {
        return actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN);
    }

    /**
     * The agency whose entries alone this actor may read, or null when it reads every agency's.
     *
     * @throws NotPermitted when the actor may not read rounds at all
     */
    static String agencyOf(Actor actor) {
        if (readsAll(actor)) {
            return null;
        }
        if (actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null) {
            return actor.agencyId();
        }
        throw new NotPermitted(
                "only the Trust, an ADMIN or an agency's NOMINATED_REPRESENTATIVE may read self-assessment rounds");
    }
}
