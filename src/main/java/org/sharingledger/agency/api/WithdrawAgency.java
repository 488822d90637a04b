package org.sharingledger.agency.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawAgency(
        @TargetAggregateIdentifier String agencyId, LocalDate withdrawnOn, String reason, Instant recordedAt) {}
