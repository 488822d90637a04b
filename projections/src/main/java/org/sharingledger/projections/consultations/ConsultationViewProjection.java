package org.sharingledger.projections.consultations;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.sharingledger.consultation.api.CodeVersionAdopted;
import org.sharingledger.consultation.api.ConsultationAnswered;
import org.sharingledger.consultation.api.ConsultationClosed;
import org.sharingledger.consultation.api.ConsultationCommented;
import org.sharingledger.consultation.api.ConsultationOpened;
import org.sharingledger.consultation.api.ConsultationStatus;
import org.sharingledger.platform.storage.Reconciled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps the consultations' tables; subscribing, so a consultation's page and rules see a step as soon as it is taken. */
@Component
@Reconciled({
    @Reconciled.Table(
            name = "consultation_view",
            key = {"consultation_id"}),
    @Reconciled.Table(
            name = "consultation_agency",
            key = {"consultation_id", "agency_id"}),
    @Reconciled.Table(
            name = "consultation_answer",
            key = {"consultation_id", "sequence_number"}),
    @Reconciled.Table(
            name = "consultation_comment",
            key = {"consultation_id", "sequence_number"})
})
@ProcessingGroup(ConsultationViewProjection.PROCESSING_GROUP)
class ConsultationViewProjection {

    static final String PROCESSING_GROUP = "consultation-views";

    /** The standing of a circulated agency that never answered by the closing time. */
    static final String DEEMED_AGREED = "DEEMED_AGREED";

    private final JdbcTemplate jdbc;

    ConsultationViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConsultationOpened event) {
        jdbc.update(
                """
                insert into consultation_view (consultation_id, code_version, title, summary_of_changes, status,
                    respond_by, opened_at, circulated_to)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                event.consultationId(),
                event.codeVersion(),
                event.title(),
                event.summaryOfChanges(),
                ConsultationStatus.OPEN.name(),
                Timestamp.from(event.respondBy()),
                Timestamp.from(event.recordedAt()),
                event.circulatedTo().size());
        List<String> agencies = event.circulatedTo();
        jdbc.batchUpdate(
                "insert into consultation_agency (consultation_id, agency_id, position) values (?, ?, ?)",
                agencies,
                500,
                (statement, agencyId) -> {
                    statement.setString(1, event.consultationId());
                    statement.setString(2, agencyId);
                    statement.setInt(3, agencies.indexOf(agencyId));
                });
    }

    @EventHandler
    void on(ConsultationAnswered event, @SequenceNumber long sequenceNumber) {
        jdbc.update(
                """
                insert into consultation_answer (consultation_id, sequence_number, agency_id, response, comments,
                    answered_at)
                values (?, ?, ?, ?, ?, ?)""",
                event.consultationId(),
                sequenceNumber,
                event.agencyId(),
                event.response().name(),
                event.comments(),
                Timestamp.from(event.recordedAt()));
        jdbc.update(
                """
                update consultation_agency set response = ?, responded_at = ?, comments = ?
                where consultation_id = ? and agency_id = ?""",
                event.response().name(),
                Timestamp.from(event.recordedAt()),
                event.comments(),
                event.consultationId(),
                event.agencyId());
    }

    @EventHandler
    void on(ConsultationCommented event, @SequenceNumber long sequenceNumber) {
        jdbc.update(
                """
                insert into consultation_comment (consultation_id, sequence_number, agency_id, text, recorded_at)
                values (?, ?, ?, ?, ?)""",
                event.consultationId(),
                sequenceNumber,
                event.agencyId(),
                event.text(),
                Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(ConsultationClosed event) {
        jdbc.update(
                "update consultation_view set status = ?, closed_at = ? where consultation_id = ?",
                ConsultationStatus.CLOSED.name(),
                Timestamp.from(event.recordedAt()),
                event.consultationId());
        jdbc.batchUpdate("""
                update consultation_agency set response = ?, responded_at = ?
                where consultation_id = ? and agency_id = ?""", event.deemedToAgree(), 500, (statement, agencyId) -> {
            statement.setString(1, DEEMED_AGREED);
            statement.setTimestamp(2, Timestamp.from(event.recordedAt()));
            statement.setString(3, event.consultationId());
            statement.setString(4, agencyId);
        });
    }

    @EventHandler
    void on(CodeVersionAdopted event) {
        jdbc.update(
                """
                update consultation_view set status = ?, adopted_on = ?, adoption_note = ?, adopted_at = ?
                where consultation_id = ?""",
                ConsultationStatus.ADOPTED.name(),
                Date.valueOf(event.adoptedOn()),
                event.note(),
                Timestamp.from(event.recordedAt()),
                event.consultationId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from consultation_comment");
        jdbc.update("delete from consultation_answer");
        jdbc.update("delete from consultation_agency");
        jdbc.update("delete from consultation_view");
    }
}
