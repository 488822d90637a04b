package org.sharingledger.projections.agreements;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.sharingledger.agreement.api.AgreementActivated;
import org.sharingledger.agreement.api.AgreementProposed;
import org.sharingledger.agreement.api.AgreementReviewDue;
import org.sharingledger.agreement.api.AgreementReviewed;
import org.sharingledger.agreement.api.AgreementSigned;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.agreement.api.AgreementTerminated;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.storage.Reconciled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@Reconciled({
    @Reconciled.Table(
            name = "agreement_view",
            key = {"agreement_id"}),
    @Reconciled.Table(
            name = "agreement_party",
            key = {"agreement_id", "agency_id"}),
    @Reconciled.Table(
            name = "agreement_history",
            key = {"agreement_id", "seq"})
})
@ProcessingGroup(AgreementViewProjection.PROCESSING_GROUP)
class AgreementViewProjection {

    static final String PROCESSING_GROUP = "agreement-views";

    private final JdbcTemplate jdbc;

    AgreementViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            AgreementProposed event,
            @SequenceNumber long seq,
            @MetaDataValue(ActorMetaData.USERNAME) String actor,
            @MetaDataValue(ActorMetaData.AGENCY_ID) String agencyId) {
        UUID id = UUID.fromString(event.agreementId());
        jdbc.update(
                """
                insert into agreement_view (agreement_id, title, purpose, data_items, lawful_basis, review_on, status,
                    proposed_by, proposed_at, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                id,
                event.title(),
                event.purpose(),
                event.dataItems().toArray(new String[0]),
                event.lawfulBasis(),
                Date.valueOf(event.reviewOn()),
                AgreementStatus.AWAITING_SIGNATURES.name(),
                actor,
                Timestamp.from(event.recordedAt()),
                Timestamp.from(event.recordedAt()));
        for (int i = 0; i < event.parties().size(); i++) {
            jdbc.update(
                    "insert into agreement_party (agreement_id, agency_id, position) values (?, ?, ?)",
                    id,
                    event.parties().get(i),
                    i);
        }
        history(id, seq, "PROPOSED", event.recordedAt(), actor, agencyId, event.title());
    }

    @EventHandler
    void on(AgreementSigned event, @SequenceNumber long seq, @MetaDataValue(ActorMetaData.USERNAME) String actor) {
        UUID id = UUID.fromString(event.agreementId());
        jdbc.update(
                "update agreement_party set signed_at = ?, signed_by = ? where agreement_id = ? and agency_id = ?",
                Timestamp.from(event.recordedAt()),
                actor,
                id,
                event.agencyId());
        changed(id, event.recordedAt());
        history(id, seq, "SIGNED", event.recordedAt(), actor, event.agencyId(), null);
    }

    @EventHandler
    void on(AgreementActivated event, @SequenceNumber long seq) {
        UUID id = UUID.fromString(event.agreementId());
        status(id, AgreementStatus.ACTIVE, event.recordedAt());
        history(id, seq, "ACTIVATED", event.recordedAt(), null, null, "until " + event.reviewOn());
    }

    @EventHandler
    void on(AgreementReviewDue event, @SequenceNumber long seq) {
        UUID id = UUID.fromString(event.agreementId());
        status(id, AgreementStatus.REVIEW_DUE, event.recordedAt());
        history(id, seq, "REVIEW_DUE", event.recordedAt(), null, null, "review due on " + event.reviewOn());
    }

    @EventHandler
    void on(
            AgreementReviewed event,
            @SequenceNumber long seq,
            @MetaDataValue(ActorMetaData.USERNAME) String actor,
            @MetaDataValue(ActorMetaData.AGENCY_ID) String agencyId) {
        UUID id = UUID.fromString(event.agreementId());
        jdbc.update(
                "update agreement_view set review_on = ?, status = ?, changed_at = ? where agreement_id = ?",
                Date.valueOf(event.nextReviewOn()),
                AgreementStatus.ACTIVE.name(),
                Timestamp.from(event.recordedAt()),
                id);
        history(
                id,
                seq,
                "REVIEWED",
                event.recordedAt(),
                actor,
                agencyId,
                "next review on " + event.nextReviewOn() + ": " + event.note());
    }

    @EventHandler
    void on(
            AgreementTerminated event,
            @SequenceNumber long seq,
            @MetaDataValue(ActorMetaData.USERNAME) String actor,
            @MetaDataValue(ActorMetaData.AGENCY_ID) String agencyId) {
        UUID id = UUID.fromString(event.agreementId());
        jdbc.update(
                """
                update agreement_view set status = ?, terminated_at = ?, termination_reason = ?, changed_at = ?
                where agreement_id = ?""",
                AgreementStatus.TERMINATED.name(),
                Timestamp.from(event.recordedAt()),
                event.reason(),
                Timestamp.from(event.recordedAt()),
                id);
        history(
                id,
                seq,
                "TERMINATED",
                event.recordedAt(),
                actor,
                event.withdrawnAgencyId() != null ? event.withdrawnAgencyId() : agencyId,
                event.reason());
    }

    private void status(UUID id, AgreementStatus status, Instant at) {
        jdbc.update(
                "update agreement_view set status = ?, changed_at = ? where agreement_id = ?",
                status.name(),
                Timestamp.from(at),
                id);
    }

    private void changed(UUID id, Instant at) {
        jdbc.update("update agreement_view set changed_at = ? where agreement_id = ?", Timestamp.from(at), id);
    }

    private void history(UUID id, long seq, String type, Instant at, String actor, String agencyId, String detail) {
        jdbc.update("""
                insert into agreement_history (agreement_id, seq, type, recorded_at, actor, agency_id, detail)
                values (?, ?, ?, ?, ?, ?, ?)""", id, seq, type, Timestamp.from(at), actor, agencyId, detail);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from agreement_history");
        jdbc.update("delete from agreement_party");
        jdbc.update("delete from agreement_view");
    }
}
