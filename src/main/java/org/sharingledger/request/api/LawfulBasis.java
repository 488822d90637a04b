package org.sharingledger.request.api;

/** The lawful basis for processing under UK GDPR article 6(1). */
public enum LawfulBasis {
    CONSENT,
    CONTRACT,
    LEGAL_OBLIGATION,
    VITAL_INTERESTS,
    PUBLIC_TASK,
    LEGITIMATE_INTERESTS
}
