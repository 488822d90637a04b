package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The requesting agency withdrew its request before any decision. */
@Revision("1")
public record RequestWithdrawn(
        String requestId, String requestingAgencyId, String holdingAgencyId, String reason, Instant recordedAt) {}
