package org.sharingledger.projections.agencies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agency.api.NominatedRepresentative;
import org.sharingledger.agency.api.Sector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the register; also answers the write side's {@link AgencyDirectory} questions. */
@Repository
public class AgencyViews implements AgencyDirectory {

    private static final String SELECT = """
            select agency_view.agency_id, name, sector, local_delivery_area, status, signed_on, withdrawn_on,
                   representative_name, representative_email, code_of_practice_version, notification_address,
                   commissioned_by, contract_reference
            from agency_view left join agency_commissioning using (agency_id)""";

    private final JdbcTemplate jdbc;

    AgencyViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RegisteredAgency> find(String agencyId) {
        return one(agencyId)
                .map(agency ->
                        new RegisteredAgency(agency.agencyId(), agency.name(), agency.sector(), agency.status()));
    }

    @Override
    public List<String> signedAgencyIds() {
        return jdbc.queryForList(
                "select agency_id from agency_view where status = 'SIGNED' order by agency_id", String.class);
    }

    @Override
    public Optional<LocalDate> signedOn(String agencyId) {
        return one(agencyId).map(AgencyView::signedOn);
    }

    public Optional<AgencyView> one(String agencyId) {
        return jdbc.query(SELECT + " where agency_view.agency_id = ?", AgencyViews::map, agencyId).stream()
                .findFirst();
    }

    @Override
    public Optional<String> commissionerOf(String agencyId) {
        return jdbc
                .queryForList(
                        "select commissioned_by from agency_commissioning where agency_id = ?", String.class, agencyId)
                .stream()
                .findFirst();
    }

    public List<AgencyView> all() {
        return jdbc.query(SELECT + " order by name, agency_id", AgencyViews::map);
    }

    private static AgencyView map(ResultSet rs, int row) throws SQLException {
        return new AgencyView(
                rs.getString("agency_id"),
                rs.getString("name"),
                Sector.valueOf(rs.getString("sector")),
                rs.getString("local_delivery_area"),
                AgencyStatus.valueOf(rs.getString("status")),
                rs.getObject("signed_on", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class),
                rs.getString("code_of_practice_version"),
                new NominatedRepresentative(rs.getString("representative_name"), rs.getString("representative_email")),
                rs.getString("notification_address"),
                rs.getString("commissioned_by"),
                rs.getString("contract_reference"));
    }

    /**
     * An agency as the register shows it.
     *
     * @param notificationAddress where its notifications are mailed, null while it has set none (they then go to
     *                            its nominated representative)
     * @param commissionedBy the signatory that commissions it (it is that agency's provider, agent or
     *                       subcontractor), null when none does
     * @param contractReference the commissioner's reference for the contract, null when none
     */
    public record AgencyView(
            String agencyId,
            String name,
            Sector sector,
            String localDeliveryArea,
            AgencyStatus status,
            LocalDate signedOn,
            LocalDate withdrawnOn,
            String codeOfPracticeVersion,
            NominatedRepresentative nominatedRepresentative,
            String notificationAddress,
            String commissionedBy,
            String contractReference) {}
}
