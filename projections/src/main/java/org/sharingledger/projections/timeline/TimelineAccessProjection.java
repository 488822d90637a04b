package org.sharingledger.projections.timeline;

import java.sql.Timestamp;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.sharingledger.platform.storage.Reconciled;
import org.sharingledger.timeline.api.TimelineQueried;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who looked at timelines touching each agency's records, kept with the query that recorded it. */
@Component
@Reconciled({
    @Reconciled.Table(
            name = "timeline_access",
            key = {"event_id", "agency_id"})
})
@ProcessingGroup(TimelineAccessProjection.PROCESSING_GROUP)
class TimelineAccessProjection {

    static final String PROCESSING_GROUP = "timeline-access";

    private final JdbcTemplate jdbc;

    TimelineAccessProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TimelineQueried event, @MessageIdentifier String eventId) {
        String subject = event.subject().kind() == null
                ? "CASE_REFERENCE"
                : event.subject().kind().name();
        for (String agency : event.agencies()) {
            jdbc.update(
                    """
                    insert into timeline_access (event_id, agency_id, reviewer, grant_id, review, reason, subject,
                        as_of, format, queried_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                    eventId,
                    agency,
                    event.reviewer(),
                    UUID.fromString(event.grantId()),
                    event.review(),
                    event.reason(),
                    subject,
                    event.asOf() == null ? null : Timestamp.from(event.asOf()),
                    event.format(),
                    Timestamp.from(event.recordedAt()));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from timeline_access");
    }
}
