package org.sharingledger.agreement.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A party's nominated representative signed the agreement for their agency. */
@Revision("1")
public record AgreementSigned(String agreementId, String agencyId, Instant recordedAt) {}
