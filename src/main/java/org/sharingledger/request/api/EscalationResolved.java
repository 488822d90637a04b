package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An escalation ended: the information was shared after all, or the refusal was upheld at that stage. */
@Revision("1")
public record EscalationResolved(
        String requestId,
        String requestingAgencyId,
        String holdingAgencyId,
        Stage stage,
        Outcome outcome,
        String rationale,
        String informationShared,
        Method method,
        Instant recordedAt) {}
