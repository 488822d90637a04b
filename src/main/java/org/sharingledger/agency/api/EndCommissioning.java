package org.sharingledger.agency.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the agency is no longer commissioned by the agency that commissioned it. */
public record EndCommissioning(@TargetAggregateIdentifier String agencyId, Instant recordedAt) {}
