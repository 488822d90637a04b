package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The holding agency shared what was asked (scope FULL) or part of it (PARTIAL, with the reason for what it
 * withheld). {@code late} when it was decided after the due time.
 *
 * <p>{@code actorAccredited}: whether the one who decided held a passed, unexpired online information sharing course
 * record on the day of the decision ({@code training.api.Accreditations}); null in events recorded before training
 * was tracked (unknown, not false).
 */
@Revision("1")
public record InformationShared(
        String requestId,
        String requestingAgencyId,
        String holdingAgencyId,
        Scope scope,
        String informationShared,
        Method method,
        String rationale,
        Reason withheldReason,
        String adviceSought,
        Instant recordedAt,
        Instant occurredAt,
        boolean late,
        Boolean actorAccredited) {}
