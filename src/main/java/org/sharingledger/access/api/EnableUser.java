package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a disabled account sign in and act again. */
public record EnableUser(
        @TargetAggregateIdentifier String username, String reason, String enabledBy, Instant recordedAt) {}
