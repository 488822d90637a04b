package org.sharingledger.selfassessment.api;

/** How far an agency says it meets what a question asks. */
public enum SelfAssessmentAnswer {
    YES,
    /** In part: the evidence says what is missing and what is being done. */
    PARTLY,
    /** Not yet: the evidence says why and what is being done. */
    NO;

    /** Whether an answer of this kind must carry evidence. */
    public boolean needsEvidence() {
        return this != YES;
    }
}
