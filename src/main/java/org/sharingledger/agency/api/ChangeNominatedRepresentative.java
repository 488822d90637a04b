package org.sharingledger.agency.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeNominatedRepresentative(
        @TargetAggregateIdentifier String agencyId,
        NominatedRepresentative nominatedRepresentative,
        Instant recordedAt) {}
