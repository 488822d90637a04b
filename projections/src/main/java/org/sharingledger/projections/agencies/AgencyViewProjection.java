package org.sharingledger.projections.agencies;

import java.sql.Date;
import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.agency.api.AgencyMovedToCodeVersion;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.agency.api.AgencySignedAgain;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agency.api.AgencyWithdrawn;
import org.sharingledger.agency.api.CommissioningEnded;
import org.sharingledger.agency.api.CommissioningRecorded;
import org.sharingledger.agency.api.NominatedRepresentativeChanged;
import org.sharingledger.agency.api.NotificationAddressSet;
import org.sharingledger.consultation.api.CodeVersionAdopted;
import org.sharingledger.platform.storage.Reconciled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@Reconciled({
    @Reconciled.Table(
            name = "agency_view",
            key = {"agency_id"}),
    @Reconciled.Table(
            name = "code_version",
            key = {"code_version"}),
    @Reconciled.Table(
            name = "agency_commissioning",
            key = {"agency_id"})
})
@ProcessingGroup(AgencyViewProjection.PROCESSING_GROUP)
class AgencyViewProjection {

    static final String PROCESSING_GROUP = "agency-views";

    private final JdbcTemplate jdbc;

    AgencyViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgencySigned event) {
        jdbc.update(
                """
                insert into agency_view (agency_id, name, sector, local_delivery_area, status, signed_on,
                    representative_name, representative_email, code_of_practice_version, registered_at, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                event.agencyId(),
                event.name(),
                event.sector().name(),
                event.localDeliveryArea(),
                AgencyStatus.SIGNED.name(),
                Date.valueOf(event.signedOn()),
                event.nominatedRepresentative().name(),
                event.nominatedRepresentative().email(),
                event.codeOfPracticeVersion(),
                Timestamp.from(event.recordedAt()),
                Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(AgencyWithdrawn event) {
        jdbc.update(
                """
                update agency_view set status = ?, withdrawn_on = ?, withdrawal_reason = ?, changed_at = ?
                where agency_id = ?""",
                AgencyStatus.WITHDRAWN.name(),
                Date.valueOf(event.withdrawnOn()),
                event.reason(),
                Timestamp.from(event.recordedAt()),
                event.agencyId());
    }

    @EventHandler
    void on(AgencySignedAgain event) {
        jdbc.update(
                """
                update agency_view set status = ?, signed_on = ?, withdrawn_on = null, withdrawal_reason = null,
                    representative_name = ?, representative_email = ?, code_of_practice_version = ?, changed_at = ?
                where agency_id = ?""",
                AgencyStatus.SIGNED.name(),
                Date.valueOf(event.signedOn()),
                event.nominatedRepresentative().name(),
                event.nominatedRepresentative().email(),
                event.codeOfPracticeVersion(),
                Timestamp.from(event.recordedAt()),
                event.agencyId());
    }

    @EventHandler
    void on(AgencyMovedToCodeVersion event) {
        jdbc.update(
                "update agency_view set code_of_practice_version = ?, changed_at = ? where agency_id = ?",
                event.codeVersion(),
                Timestamp.from(event.recordedAt()),
                event.agencyId());
    }

    @EventHandler
    void on(NominatedRepresentativeChanged event) {
        jdbc.update(
                """
                update agency_view set representative_name = ?, representative_email = ?, changed_at = ?
                where agency_id = ?""",
                event.current().name(),
                event.current().email(),
                Timestamp.from(event.recordedAt()),
                event.agencyId());
    }

    @EventHandler
    void on(NotificationAddressSet event) {
        jdbc.update(
                "update agency_view set notification_address = ?, changed_at = ? where agency_id = ?",
                event.email(),
                Timestamp.from(event.recordedAt()),
                event.agencyId());
    }

    @EventHandler
    void on(CodeVersionAdopted event) {
        jdbc.update(
                """
                insert into code_version (code_version, consultation_id, title, adopted_on, note, recorded_at)
                values (?, ?, ?, ?, ?, ?)""",
                event.codeVersion(),
                event.consultationId(),
                event.title(),
                Date.valueOf(event.adoptedOn()),
                event.note(),
                Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(CommissioningRecorded event) {
        jdbc.update(
                """
                insert into agency_commissioning (agency_id, commissioned_by, contract_reference, commissioned_at)
                values (?, ?, ?, ?)
                on conflict (agency_id) do update set commissioned_by = excluded.commissioned_by,
                    contract_reference = excluded.contract_reference, commissioned_at = excluded.commissioned_at""",
                event.agencyId(),
                event.commissionedBy(),
                event.contractReference(),
                Timestamp.from(event.recordedAt()));
    }

    @EventHandler
    void on(CommissioningEnded event) {
        jdbc.update("delete from agency_commissioning where agency_id = ?", event.agencyId());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from agency_commissioning");
        jdbc.update("delete from code_version");
        jdbc.update("delete from agency_view");
    }
}
