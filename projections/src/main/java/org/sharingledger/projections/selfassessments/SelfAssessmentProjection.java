package org.sharingledger.projections.selfassessments;

import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.storage.Reconciled;
import org.sharingledger.selfassessment.api.SelfAssessmentOpened;
import org.sharingledger.selfassessment.api.SelfAssessmentOverdue;
import org.sharingledger.selfassessment.api.SelfAssessmentReturned;
import org.sharingledger.selfassessment.api.SelfAssessmentStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the self-assessment rounds' tables; subscribing, so a round's page shows a return as soon as it is made.
 */
@Component
@Reconciled({
    @Reconciled.Table(
            name = "self_assessment_view",
            key = {"self_assessment_id"}),
    @Reconciled.Table(
            name = "self_assessment_agency",
            key = {"self_assessment_id", "agency_id"}),
    @Reconciled.Table(
            name = "self_assessment_return",
            key = {"self_assessment_id", "seq"})
})
@ProcessingGroup(SelfAssessmentProjection.PROCESSING_GROUP)
class SelfAssessmentProjection {

    static final String PROCESSING_GROUP = "self-assessment-views";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SelfAssessmentProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(SelfAssessmentOpened event, @MetaDataValue(ActorMetaData.USERNAME) String openedBy) {
        jdbc.update(
                """
                insert into self_assessment_view (self_assessment_id, title, questions, due_by, opened_at, opened_by,
                    status)
                values (?::uuid, ?, ?::jsonb, ?, ?, ?, ?)""",
                event.selfAssessmentId(),
                event.title(),
                json.writeValueAsString(event.questions()),
                Timestamp.from(event.dueBy()),
                Timestamp.from(event.recordedAt()),
                openedBy,
                SelfAssessmentStatus.OPEN.name());
        List<String> agencies = event.circulatedTo();
        jdbc.batchUpdate(
                "insert into self_assessment_agency (self_assessment_id, agency_id, position) values (?::uuid, ?, ?)",
                agencies,
                500,
                (statement, agencyId) -> {
                    statement.setString(1, event.selfAssessmentId());
                    statement.setString(2, agencyId);
                    statement.setInt(3, agencies.indexOf(agencyId));
                });
    }

    @EventHandler
    void on(
            SelfAssessmentReturned event,
            @SequenceNumber long sequenceNumber,
            @MetaDataValue(ActorMetaData.USERNAME) String returnedBy) {
        jdbc.update(
                """
                insert into self_assessment_return (self_assessment_id, seq, agency_id, answers, statement,
                    returned_at, returned_by, late)
                values (?::uuid, ?, ?, ?::jsonb, ?, ?, ?, ?)""",
                event.selfAssessmentId(),
                sequenceNumber,
                event.agencyId(),
                json.writeValueAsString(event.answers()),
                event.statement(),
                Timestamp.from(event.recordedAt()),
                returnedBy,
                event.late());
        jdbc.update("""
                update self_assessment_agency set returned_at = ?, returned_by = ?
                where self_assessment_id = ?::uuid and agency_id = ?""", Timestamp.from(event.recordedAt()), returnedBy, event.selfAssessmentId(), event.agencyId());
    }

    @EventHandler
    void on(SelfAssessmentOverdue event) {
        jdbc.update(
                "update self_assessment_view set status = ?, closed_at = ? where self_assessment_id = ?::uuid",
                SelfAssessmentStatus.CLOSED.name(),
                Timestamp.from(event.recordedAt()),
                event.selfAssessmentId());
        jdbc.batchUpdate("""
                update self_assessment_agency set overdue = true
                where self_assessment_id = ?::uuid and agency_id = ?""", event.outstanding(), 500, (statement, agencyId) -> {
            statement.setString(1, event.selfAssessmentId());
            statement.setString(2, agencyId);
        });
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from self_assessment_return");
        jdbc.update("delete from self_assessment_agency");
        jdbc.update("delete from self_assessment_view");
    }
}
