package org.sharingledger.projections.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.sharingledger.notification.api.NotificationStep;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * An agency's latest notifications, for its work list: one line per step told of, however many of the agency's
 * people were mailed about it, newest first. Reads {@code notification_view} through its (agency, sent_at) index.
 */
@Repository
public class RecentNotifications {

    private final JdbcTemplate jdbc;

    RecentNotifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last {@code limit} steps the agency was told of, newest first. */
    public List<Recent> latest(String agencyId, int limit) {
        // The newest mails first (a step is mailed to each of the agency's people), then one line per step.
        return jdbc.query(
                """
                select step, request_id, consultation_id, self_assessment_id, about_event_id, max(sent_at) as sent_at
                from (select step, request_id, consultation_id, self_assessment_id, about_event_id, sent_at
                      from notification_view
                      where agency_id = ? order by sent_at desc limit ?) latest
                group by step, request_id, consultation_id, self_assessment_id, about_event_id
                order by max(sent_at) desc, about_event_id
                limit ?""",
                (rs, row) -> new Recent(
                        NotificationStep.valueOf(rs.getString("step")),
                        rs.getString("request_id"),
                        rs.getObject("sent_at", Timestamp.class).toInstant(),
                        rs.getString("consultation_id"),
                        rs.getString("self_assessment_id")),
                agencyId,
                limit * 20,
                limit);
    }

    /**
     * A step the agency was told of: which, about which request (or consultation on the Code), and when the mail went.
     *
     * @param requestId      the request, or null when it told of a consultation
     * @param consultationId the consultation, or null when it told of a request
     * @param selfAssessmentId the self-assessment round, or null
     */
    public record Recent(
            NotificationStep step, String requestId, Instant sentAt, String consultationId, String selfAssessmentId) {}
}
