package org.sharingledger.agency.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SetNotificationAddress(
        @TargetAggregateIdentifier String agencyId, String email, Instant recordedAt) {}
