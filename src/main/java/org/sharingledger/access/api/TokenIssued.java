package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A personal access token was issued to a user. The token itself is never recorded: only its SHA-256 hash, from which
 * the table authentication reads ({@code api_token}) is kept, so that a token row written or changed outside the
 * events shows in verification. The token is 256 random bits, so its hash reveals nothing that could be guessed.
 *
 * @param tokenHash the token's SHA-256 (lower-case hex); null in tokens issued before it was recorded
 */
@Revision("1")
public record TokenIssued(
        String username, String tokenId, String name, Instant expiresAt, Instant recordedAt, String tokenHash) {

    public TokenIssued(String username, String tokenId, String name, Instant expiresAt, Instant recordedAt) {
        this(username, tokenId, name, expiresAt, recordedAt, null);
    }
}
