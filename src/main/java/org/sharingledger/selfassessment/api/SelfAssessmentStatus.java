package org.sharingledger.selfassessment.api;

/** Where a self-assessment round stands. */
public enum SelfAssessmentStatus {
    /** Circulated, returns awaited until its due time. */
    OPEN,
    /** Its due time passed: the agencies that had not returned were recorded overdue. Late returns are still taken. */
    CLOSED
}
