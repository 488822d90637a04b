package org.sharingledger.agency.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An agency signed the Code of Practice and joined the register of signatories. */
@Revision("1")
public record AgencySigned(
        String agencyId,
        String name,
        Sector sector,
        String localDeliveryArea,
        NominatedRepresentative nominatedRepresentative,
        LocalDate signedOn,
        String codeOfPracticeVersion,
        Instant recordedAt) {}
