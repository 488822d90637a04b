package org.sharingledger.agency.api;

/** The kind of service an agency provides. */
public enum Sector {
    CHILDRENS_SOCIAL_CARE,
    EDUCATION,
    EARLY_YEARS,
    HEALTH,
    MENTAL_HEALTH,
    POLICE,
    PROBATION_YOUTH_JUSTICE,
    HOUSING,
    COMMUNITY_SAFETY,
    VOLUNTARY_COMMUNITY,
    OTHER
}
