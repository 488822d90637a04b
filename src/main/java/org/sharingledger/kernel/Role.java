package org.sharingledger.kernel;

/** What a user may do. A user may hold several roles. */
public enum Role {
    /** Keeps the registry of agencies and the users. */
    ADMIN(false),
    /** Makes requests and decisions for one agency. */
    PRACTITIONER(true),
    /** The agency's named contact: sees its dashboard and resolves escalations at agency stages. */
    NOMINATED_REPRESENTATIVE(true),
    /** The Children's Trust: sees every dashboard and resolves escalations at the partnership stage. */
    TRUST_REVIEWER(false),
    /** Reads timelines, only under a grant. */
    CASE_REVIEWER(false),
    /** Reads the ledger's metrics for Prometheus ({@code /actuator/prometheus}) and nothing else. */
    METRICS(false);

    private final boolean agencyBound;

    Role(boolean agencyBound) {
        this.agencyBound = agencyBound;
    }

    /** Whether holding this role needs an agency. */
    public boolean agencyBound() {
        return agencyBound;
    }
}
