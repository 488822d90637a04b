package org.sharingledger.projections.selfassessments;

import org.sharingledger.projections.pages.Labelled;

/** Where a circulated agency stands in a round, as the pages name it. */
@Labelled
enum SelfAssessmentStanding {
    RETURNED,
    OUTSTANDING,
    OVERDUE
}
