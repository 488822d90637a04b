package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeToken(
        @TargetAggregateIdentifier String username, String tokenId, String revokedBy, Instant recordedAt) {}
