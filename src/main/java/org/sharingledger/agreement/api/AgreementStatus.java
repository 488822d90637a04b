package org.sharingledger.agreement.api;

/** Where an Information Sharing Protocol stands. */
public enum AgreementStatus {
    /** Proposed; not every party has signed it yet. */
    AWAITING_SIGNATURES,
    /** Every party has signed it, and its review date has not passed. */
    ACTIVE,
    /** Its review date passed without a review. */
    REVIEW_DUE,
    /** Ended, by a party or the Trust, or because a party withdrew from the Code. */
    TERMINATED
}
