package org.sharingledger.projections.notifications;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.sharingledger.notification.api.NotificationFacts;
import org.sharingledger.request.api.Urgency;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Answers the notifications processor from the register and the request views, both kept in the transaction of
 * their events: by the time the processor handles an event, they already show it.
 */
@Repository
class NotificationFactsReader implements NotificationFacts {

    private final JdbcTemplate jdbc;

    NotificationFactsReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AgencyContact> agency(String agencyId) {
        return jdbc
                .query(
                        """
                        select agency_id, name, notification_address, representative_email
                        from agency_view where agency_id = ?""",
                        (rs, row) -> new AgencyContact(
                                rs.getString("agency_id"),
                                rs.getString("name"),
                                rs.getString("notification_address"),
                                rs.getString("representative_email")),
                        agencyId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<RequestTerms> request(String requestId) {
        return jdbc
                .query(
                        "select urgency, due_by from request_view where request_id = ?",
                        (rs, row) -> new RequestTerms(
                                requestId,
                                Urgency.valueOf(rs.getString("urgency")),
                                rs.getObject("due_by", Timestamp.class).toInstant()),
                        UUID.fromString(requestId))
                .stream()
                .findFirst();
    }
}
