package org.sharingledger.notification.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The ledger mailed an agency about a step of a request: to which agency and address, about which step, request and
 * event, and when the mail server accepted it. Recorded after the mail was accepted, so "the holder was told at
 * 09:14" can be shown to a review.
 *
 * @param notificationId the notification's own stream, derived from the event it is about and the agency told
 * @param aboutEventId   the identifier of the event it tells of
 */
@Revision("1")
public record NotificationSent(
        String notificationId,
        String agencyId,
        String address,
        NotificationStep step,
        String requestId,
        String aboutEventId,
        Instant sentAt) {}
