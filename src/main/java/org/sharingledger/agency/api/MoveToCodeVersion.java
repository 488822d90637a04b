package org.sharingledger.agency.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A signed agency moves to a version of the Code the Trust adopted after a consultation. */
public record MoveToCodeVersion(
        @TargetAggregateIdentifier String agencyId,
        String codeVersion,
        String consultationId,
        LocalDate effectiveOn,
        Instant recordedAt) {}
