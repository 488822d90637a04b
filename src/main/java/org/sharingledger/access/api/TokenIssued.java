package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A personal access token was issued to a user (the token itself is never recorded). */
@Revision("1")
public record TokenIssued(String username, String tokenId, String name, Instant expiresAt, Instant recordedAt) {}
