package org.sharingledger.consultation.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A circulated agency answered (or changed its answer) before the consultation closed. Every answer is kept; the
 * last one counts.
 *
 * @param comments why, required for {@code OBJECT}; null when none was given
 */
@Revision("1")
public record ConsultationAnswered(
        String consultationId, String agencyId, ConsultationResponse response, String comments, Instant recordedAt) {}
