package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An escalation ended: the information was shared after all, or the refusal was upheld at that stage.
 *
 * <p>{@code actorAccredited}: whether the one who decided held a passed, unexpired online information sharing course
 * record on the day of the decision ({@code training.api.Accreditations}); null in events recorded before training
 * was tracked (unknown, not false).
 */
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
        Instant recordedAt,
        Boolean actorAccredited) {}
