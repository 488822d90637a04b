package org.sharingledger.notification.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The ledger mailed an agency about a step of a request (or of a consultation on the Code): to which agency and
 * address, about which step, request (or consultation) and event, and when the mail server accepted it. Recorded after the mail was accepted, so "the holder was told at
 * 09:14" can be shown to a review.
 *
 * @param notificationId the notification's own stream, derived from the event it is about and the agency told
 * @param requestId      the request it tells of, or null when it tells of a consultation
 * @param aboutEventId   the identifier of the event it tells of
 * @param consultationId the consultation on the Code it tells of, or null (and absent from notifications recorded
 *                       before consultations existed) when it tells of a request
 * @param selfAssessmentId the self-assessment round it tells of, or null (and absent from notifications recorded
 *                       before rounds existed) otherwise; then {@code requestId} and {@code consultationId} are null
 */
@Revision("1")
public record NotificationSent(
        String notificationId,
        String agencyId,
        String address,
        NotificationStep step,
        String requestId,
        String aboutEventId,
        Instant sentAt,
        String consultationId,
        String selfAssessmentId) {}
