package org.sharingledger.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The agreement was reviewed and renewed until its next review date. */
@Revision("1")
public record AgreementReviewed(
        String agreementId, LocalDate previousReviewOn, LocalDate nextReviewOn, String note, Instant recordedAt) {}
