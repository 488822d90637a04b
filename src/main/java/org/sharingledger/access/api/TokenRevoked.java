package org.sharingledger.access.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A personal access token was revoked, by its owner or an administrator. */
@Revision("1")
public record TokenRevoked(String username, String tokenId, String revokedBy, Instant recordedAt) {}
