package org.sharingledger.notification.api;

/** The step of a request, a consultation on the Code or a self-assessment round, an agency is told of. */
public enum NotificationStep {
    /** The holding agency is asked for information. */
    NEW_REQUEST,
    /** Both agencies: the due time passed with no decision. */
    OVERDUE,
    /** The holding agency's nominated representative: a refusal was escalated. */
    ESCALATED,
    /** The requesting agency: the information was shared, in full or in part. */
    SHARED,
    /** The requesting agency: the request was refused. */
    REFUSED,
    /** The requesting agency: an escalation was resolved. */
    ESCALATION_RESOLVED,
    /** Every circulated agency: a new version of the Code was circulated for answers. */
    CONSULTATION_OPENED,
    /** Each circulated agency that never answered: the consultation closed and it is deemed to agree. */
    CONSULTATION_CLOSED,
    /** Every circulated agency: a self-assessment round asks for its return and position statement. */
    SELF_ASSESSMENT_OPENED,
    /** Each circulated agency that had not returned a self-assessment round by its due time. */
    SELF_ASSESSMENT_OVERDUE
}
