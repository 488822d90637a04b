package org.sharingledger.agency.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SignAgency(
        @TargetAggregateIdentifier String agencyId,
        String name,
        Sector sector,
        String localDeliveryArea,
        NominatedRepresentative nominatedRepresentative,
        LocalDate signedOn,
        String codeOfPracticeVersion,
        Instant recordedAt) {}
