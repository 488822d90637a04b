package org.sharingledger.projections.grants;

import java.sql.Timestamp;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.storage.Reconciled;
import org.sharingledger.timeline.api.TimelineAccessGranted;
import org.sharingledger.timeline.api.TimelineAccessRevoked;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@Reconciled({
    @Reconciled.Table(
            name = "timeline_grant",
            key = {"grant_id"})
})
@ProcessingGroup(GrantProjection.PROCESSING_GROUP)
class GrantProjection {

    static final String PROCESSING_GROUP = "timeline-grants";

    private final JdbcTemplate jdbc;

    GrantProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TimelineAccessGranted event, @MetaDataValue(ActorMetaData.USERNAME) String grantedBy) {
        var subject = event.subject();
        jdbc.update(
                """
                insert into timeline_grant (grant_id, reviewer, review, reason, valid_until, subject_kind,
                    subject_pseudonym, case_reference, case_agency_id, granted_by, granted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.fromString(event.grantId()),
                event.reviewer(),
                event.review(),
                event.reason(),
                Timestamp.from(event.validUntil()),
                subject.kind() == null ? "CASE_REFERENCE" : subject.kind().name(),
                subject.pseudonym(),
                subject.caseReference(),
                subject.agencyId(),
                grantedBy,
                Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(TimelineAccessRevoked event, @MetaDataValue(ActorMetaData.USERNAME) String revokedBy) {
        jdbc.update(
                """
                update timeline_grant set revoked_at = ?, revoked_by = ?, revocation_reason = ? where grant_id = ?""", Timestamp.from(event.recordedAt()), revokedBy, event.reason(), UUID.fromString(event.grantId()));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from timeline_grant");
    }
}
