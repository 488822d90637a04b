package org.sharingledger.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Every party has signed: the agreement is in force until its review date. */
@Revision("1")
public record AgreementActivated(String agreementId, LocalDate reviewOn, Instant recordedAt) {}
