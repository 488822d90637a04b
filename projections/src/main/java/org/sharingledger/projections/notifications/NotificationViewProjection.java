package org.sharingledger.projections.notifications;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.notification.api.NotificationSent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each agency's notifications, written in the transaction that records them. */
@Component
@ProcessingGroup(NotificationViewProjection.PROCESSING_GROUP)
class NotificationViewProjection {

    static final String PROCESSING_GROUP = "notification-views";

    private final JdbcTemplate jdbc;

    NotificationViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(NotificationSent event) {
        jdbc.update(
                """
                insert into notification_view (notification_id, agency_id, address, step, request_id, about_event_id,
                    sent_at, consultation_id, self_assessment_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.notificationId(),
                event.agencyId(),
                event.address(),
                event.step().name(),
                event.requestId(),
                event.aboutEventId(),
                Timestamp.from(event.sentAt()),
                event.consultationId(),
                event.selfAssessmentId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from notification_view");
    }
}
