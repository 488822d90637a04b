package org.sharingledger.projections.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.notification.api.NotificationStep;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.request.api.RequestSteps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class NotificationViewController {

    private final JdbcTemplate jdbc;

    NotificationViewController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/agencies/{agencyId}/notifications")
    @Operation(
            summary = "The notifications mailed to an agency, newest first",
            description =
                    "That agency's PRACTITIONERs and NOMINATED_REPRESENTATIVEs, and a TRUST_REVIEWER. page from 0; size 1 to 100, default 20.")
    public Page list(
            @PathVariable String agencyId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Actor actor = CurrentActor.get();
        if (!RequestSteps.mayList(actor, agencyId)) {
            throw new NotPermitted("only the practitioners and nominated representatives of " + agencyId
                    + ", or a TRUST_REVIEWER, may read its notifications");
        }
        List<Item> items = jdbc.query(
                """
                select notification_id, step, request_id, address, sent_at, about_event_id, consultation_id,
                       self_assessment_id
                from notification_view where agency_id = ?
                order by sent_at desc, notification_id
                limit ? offset ?""",
                (rs, row) -> new Item(
                        rs.getString("notification_id"),
                        NotificationStep.valueOf(rs.getString("step")),
                        rs.getString("request_id"),
                        rs.getString("address"),
                        rs.getObject("sent_at", Timestamp.class).toInstant(),
                        rs.getString("about_event_id"),
                        rs.getString("consultation_id"),
                        rs.getString("self_assessment_id")),
                agencyId,
                size,
                (long) page * size);
        Long total =
                jdbc.queryForObject("select count(*) from notification_view where agency_id = ?", Long.class, agencyId);
        return new Page(items, page, size, total == null ? 0 : total);
    }

    /** A page of notifications. */
    record Page(List<Item> items, int page, int size, long totalItems) {}

    /**
     * One notification.
     *
     * @param requestId      the request it told of, or null when it told of a consultation
     * @param eventId        the event it told of
     * @param consultationId the consultation on the Code it told of, or null when it told of a request
     * @param selfAssessmentId the self-assessment round it told of, or null
     */
    record Item(
            String notificationId,
            NotificationStep step,
            String requestId,
            String address,
            Instant sentAt,
            String eventId,
            String consultationId,
            String selfAssessmentId) {}
}
