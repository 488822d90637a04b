package org.sharingledger.notification.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordNotification(
        @TargetAggregateIdentifier String notificationId,
        String agencyId,
        String address,
        NotificationStep step,
        String requestId,
        String aboutEventId,
        Instant sentAt,
        String consultationId,
        String selfAssessmentId) {}
