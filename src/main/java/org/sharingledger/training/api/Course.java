package org.sharingledger.training.api;

/** The courses the ledger keeps attendances of. */
public enum Course {
    /** The Trust's multi-agency information sharing course (650 practitioners in its first three years). */
    MULTI_AGENCY_COURSE,
    /** The online course on the government's guidance; passing its assessment accredits a user. */
    ONLINE_INFORMATION_SHARING,
    /** A signatory's own course. */
    AGENCY_COURSE
}
