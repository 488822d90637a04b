package org.sharingledger.projections.agencies;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.agency.api.AgencyMovedToCodeVersion;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.agency.api.AgencySignedAgain;
import org.sharingledger.agency.api.AgencyWithdrawn;
import org.sharingledger.platform.storage.Reconciled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each agency's periods of membership ({@code agency_membership}): one row per signature, closed by its withdrawal;
 * and the versions of the Code it was on from which day ({@code agency_code_version_history}).
 * In the register's subscribing group, so a period is there as soon as its {@code POST} answers.
 */
@Component
@Reconciled({
    @Reconciled.Table(
            name = "agency_membership",
            key = {"agency_id", "period"}),
    @Reconciled.Table(
            name = "agency_code_version_history",
            key = {"agency_id", "change"})
})
@ProcessingGroup(AgencyViewProjection.PROCESSING_GROUP)
class MembershipProjection {

    private final JdbcTemplate jdbc;

    MembershipProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgencySigned event) {
        open(event.agencyId(), event.signedOn(), event.codeOfPracticeVersion(), event.recordedAt());
    }

    @EventHandler
    void on(AgencySignedAgain event) {
        open(event.agencyId(), event.signedOn(), event.codeOfPracticeVersion(), event.recordedAt());
    }

    @EventHandler
    void on(AgencyMovedToCodeVersion event) {
        version(event.agencyId(), event.effectiveOn(), event.codeVersion(), event.recordedAt());
    }

    @EventHandler
    void on(AgencyWithdrawn event) {
        jdbc.update(
                """
                update agency_membership set withdrawn_on = ?, withdrawal_reason = ?, withdrawn_recorded_at = ?
                where agency_id = ? and withdrawn_on is null""",
                Date.valueOf(event.withdrawnOn()),
                event.reason(),
                Timestamp.from(event.recordedAt()),
                event.agencyId());
    }

    private void version(String agencyId, LocalDate effectiveOn, String version, Instant recordedAt) {
        jdbc.update("""
                insert into agency_code_version_history (agency_id, change, effective_on, code_version, recorded_at)
                select ?, coalesce(max(change), 0) + 1, ?, ?, ? from agency_code_version_history where agency_id = ?""", agencyId, Date.valueOf(effectiveOn), version, Timestamp.from(recordedAt), agencyId);
    }

    private void open(String agencyId, LocalDate signedOn, String version, Instant recordedAt) {
        version(agencyId, signedOn, version, recordedAt);
        jdbc.update("""
                insert into agency_membership (agency_id, period, signed_on, code_of_practice_version,
                    signed_recorded_at)
                select ?, coalesce(max(period), 0) + 1, ?, ?, ? from agency_membership where agency_id = ?""", agencyId, Date.valueOf(signedOn), version, Timestamp.from(recordedAt), agencyId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from agency_membership");
        jdbc.update("delete from agency_code_version_history");
    }
}
