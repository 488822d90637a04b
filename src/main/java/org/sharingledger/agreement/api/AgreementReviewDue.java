package org.sharingledger.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** The agreement's review date came without a review: recorded by the ledger itself, from a stored deadline. */
@Revision("1")
public record AgreementReviewDue(String agreementId, LocalDate reviewOn, Instant recordedAt) {}
