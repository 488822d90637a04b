package org.sharingledger.projections.consultations;

import org.sharingledger.projections.pages.Labelled;

/** Where a circulated agency stands in a consultation, as the pages name it. */
@Labelled
enum ConsultationStanding {
    AGREE,
    OBJECT,
    WITHDRAW,
    DEEMED_AGREED,
    AWAITING
}
