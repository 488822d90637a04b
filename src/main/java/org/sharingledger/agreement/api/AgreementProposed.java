package org.sharingledger.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An Information Sharing Protocol was proposed between signatories; it awaits each party's signature.
 *
 * @param parties     the agencies party to it, at least two, without repeats, in the order given
 * @param dataItems   what may be shared under it, each in a few words
 * @param lawfulBasis the statutory gateways and the lawful basis it relies on, in words
 * @param reviewOn    the day it must be reviewed by
 */
@Revision("1")
public record AgreementProposed(
        String agreementId,
        String title,
        List<String> parties,
        String purpose,
        List<String> dataItems,
        String lawfulBasis,
        LocalDate reviewOn,
        Instant recordedAt) {

    public AgreementProposed {
        parties = List.copyOf(parties);
        dataItems = List.copyOf(dataItems);
    }
}
