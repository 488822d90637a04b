package org.sharingledger.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.notification.api.NotificationSent;
import org.sharingledger.notification.api.RecordNotification;

/**
 * One notification, in a stream of its own whose identifier is derived from the event it tells of and the agency
 * told: recording the same notification twice would clash on the stream's first event, so the event store itself
 * refuses a duplicate.
 */
@Aggregate
class Notification {

    @AggregateIdentifier
    @SuppressWarnings("UnusedVariable") // Axon reads it as the aggregate's identifier
    private String notificationId;

    protected Notification() {}

    @CommandHandler
    Notification(RecordNotification command) {
        apply(new NotificationSent(
                command.notificationId(),
                command.agencyId(),
                command.address(),
                command.step(),
                command.requestId(),
                command.aboutEventId(),
                command.sentAt(),
                command.consultationId(),
                command.selfAssessmentId()));
    }

    @EventSourcingHandler
    void on(NotificationSent event) {
        notificationId = event.notificationId();
    }
}
