package org.sharingledger.consultation.api;

/** Where a consultation stands. */
public enum ConsultationStatus {
    /** Circulated, answers taken until its closing time. */
    OPEN,
    /** Its closing time passed: the agencies that never answered are deemed to agree. */
    CLOSED,
    /** The Trust adopted the version consulted on. */
    ADOPTED
}
