package org.sharingledger.request.api;

/** Why the information is sought. */
public enum Purpose {
    CHILD_PROTECTION_ENQUIRY,
    CHILD_IN_NEED_ASSESSMENT,
    EARLY_HELP_ASSESSMENT,
    TEAM_AROUND_THE_CHILD,
    HEALTH_CARE,
    EDUCATION_WELFARE,
    CRIME_PREVENTION,
    COMMUNITY_SAFETY_ASSESSMENT,
    CASE_REVIEW,
    OTHER
}
