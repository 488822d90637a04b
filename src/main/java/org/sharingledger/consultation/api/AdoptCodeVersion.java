package org.sharingledger.consultation.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AdoptCodeVersion(
        @TargetAggregateIdentifier String consultationId, LocalDate adoptedOn, String note, Instant recordedAt) {}
