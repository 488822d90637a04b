package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The requesting agency escalated a refusal (or partial share) to a stage. */
@Revision("1")
public record RefusalEscalated(
        String requestId,
        String requestingAgencyId,
        String holdingAgencyId,
        Stage stage,
        String reason,
        Instant recordedAt) {}
