package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record IssueToken(
        @TargetAggregateIdentifier String username,
        String tokenId,
        String name,
        Instant expiresAt,
        Instant recordedAt,
        String tokenHash) {

    public IssueToken(String username, String tokenId, String name, Instant expiresAt, Instant recordedAt) {
        this(username, tokenId, name, expiresAt, recordedAt, null);
    }
}
