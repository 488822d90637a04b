package org.sharingledger.agency.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A withdrawn agency signs the Code of Practice again.
 *
 * @param nominatedRepresentative its representative from now on; null keeps the one it had when it withdrew
 */
public record SignAgencyAgain(
        @TargetAggregateIdentifier String agencyId,
        LocalDate signedOn,
        String codeOfPracticeVersion,
        NominatedRepresentative nominatedRepresentative,
        Instant recordedAt) {}
