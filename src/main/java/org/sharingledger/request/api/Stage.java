package org.sharingledger.request.api;

/**
 * The escalation stages, in their order of declaration (which is their natural order). A refusal can be escalated to any stage, and after a refusal is upheld only to a
 * strictly later one. The first three are resolved inside the holding agency by its nominated representative; the
 * last by the Children's Trust (a TRUST_REVIEWER).
 */
public enum Stage {
    LINE_MANAGER,
    NOMINATED_REPRESENTATIVE,
    DATA_PROTECTION_OFFICER,
    SAFEGUARDING_PARTNERSHIP;

    public boolean isAgencyStage() {
        return this != SAFEGUARDING_PARTNERSHIP;
    }

    public boolean isLaterThan(Stage other) {
        return other == null || compareTo(other) > 0;
    }
}
