package org.sharingledger.consultation.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds to a consultation's discussion.
 *
 * @param agencyId the commenting agency, or null for the Trust
 */
public record CommentOnConsultation(
        @TargetAggregateIdentifier String consultationId, String agencyId, String text, Instant recordedAt) {}
