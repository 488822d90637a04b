package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The due time passed with no decision. Recorded by the ledger itself, from a deadline that survives restarts. */
@Revision("1")
public record RequestBecameOverdue(
        String requestId, String requestingAgencyId, String holdingAgencyId, Instant dueBy, Instant recordedAt) {}
