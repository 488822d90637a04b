package org.sharingledger.consultation.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A comment in the consultation's online discussion, kept in the order given.
 *
 * @param agencyId the circulated agency whose nominated representative wrote it, or null when the Trust did
 */
@Revision("1")
public record ConsultationCommented(String consultationId, String agencyId, String text, Instant recordedAt) {}
