package org.sharingledger.consultation.api;

/** What a circulated agency answers to a consultation on a new version of the Code. */
public enum ConsultationResponse {
    /** The agency agrees to the new version. */
    AGREE,
    /** The agency objects, and says why. */
    OBJECT,
    /** The agency will not move to the new version: it is withdrawn when the version is adopted. */
    WITHDRAW
}
