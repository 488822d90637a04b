package org.sharingledger.projections.timeline;

import org.sharingledger.projections.pages.Labelled;

/**
 * The steps a timeline entry can be ({@link Timeline.Entry#step()}, which keeps the name as text in the API's JSON and
 * the CSV export), here so that each has a label in {@code messages.properties}.
 */
@Labelled
public enum Step {
    REQUESTED,
    SHARED,
    PARTIALLY_SHARED,
    REFUSED,
    ESCALATED,
    ESCALATION_RESOLVED,
    WITHDRAWN,
    OVERDUE
}
