package org.sharingledger.agency.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that another signatory commissions this agency (a provider, an agent or a subcontractor). */
public record RecordCommissioning(
        @TargetAggregateIdentifier String agencyId,
        String commissionedBy,
        String contractReference,
        Instant recordedAt) {}
