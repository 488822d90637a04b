package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The holding agency refused to share, with a reason code and its rationale. A refusal is a fact, not an error.
 *
 * <p>{@code actorAccredited}: whether the one who decided held a passed, unexpired online information sharing course
 * record on the day of the decision ({@code training.api.Accreditations}); null in events recorded before training
 * was tracked (unknown, not false).
 */
@Revision("1")
public record InformationRefused(
        String requestId,
        String requestingAgencyId,
        String holdingAgencyId,
        Reason reason,
        String rationale,
        String adviceSought,
        Instant recordedAt,
        Instant occurredAt,
        boolean late,
        Boolean actorAccredited) {}
