package org.sharingledger.request.api;

/** Where a request stands. */
public enum RequestStatus {
    AWAITING_DECISION,
    SHARED,
    PARTIALLY_SHARED,
    REFUSED,
    ESCALATED,
    REFUSAL_UPHELD,
    SHARED_AFTER_ESCALATION,
    WITHDRAWN
}
