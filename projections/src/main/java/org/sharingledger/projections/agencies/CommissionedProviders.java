package org.sharingledger.projections.agencies;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The providers, agents and subcontractors an agency commissions, as its contracts officer monitors them: is each
 * still signed, and on the current version of the Code of Practice ({@link CodeVersions#current()})?
 */
@Repository
public class CommissionedProviders {

    private static final String SELECT = """
            select c.agency_id, v.name, v.sector, c.contract_reference, c.commissioned_at, v.status, v.withdrawn_on,
                   v.code_of_practice_version
            from agency_commissioning c join agency_view v on v.agency_id = c.agency_id
            where c.commissioned_by = ?""";

    private final JdbcTemplate jdbc;
    private final CodeVersions versions;

    CommissionedProviders(JdbcTemplate jdbc, CodeVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    /**
     * Who may see whom an agency commissions: an administrator, the Trust, and the agency's own nominated
     * representative (403 for anyone else, recorded by the caller's error handling); an unknown agency is 404.
     */
    public void requireVisibleTo(Actor actor, String agencyId) {
        boolean representative = actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.actsFor(agencyId);
        if (!representative && !actor.hasAny(Role.ADMIN, Role.TRUST_REVIEWER)) {
            throw new NotPermitted("only an ADMIN, a TRUST_REVIEWER or a NOMINATED_REPRESENTATIVE of " + agencyId
                    + " may see the providers it commissions");
        }
        Long known = jdbc.queryForObject("select count(*) from agency_view where agency_id = ?", Long.class, agencyId);
        if (known == null || known == 0) {
            throw new NotFound("no agency " + agencyId);
        }
    }

    /** How many providers the agency commissions. */
    public long count(String commissionerId) {
        Long count = jdbc.queryForObject(
                "select count(*) from agency_commissioning where commissioned_by = ?", Long.class, commissionerId);
        return count == null ? 0 : count;
    }

    /** A page of them, by name. */
    public List<Provider> page(String commissionerId, int size, long offset) {
        Optional<String> current = versions.current();
        return jdbc.query(
                SELECT + " order by v.name, c.agency_id limit ? offset ?",
                (rs, i) -> provider(rs, current),
                commissionerId,
                size,
                offset);
    }

    /** All of them, by name: for the commissioner's dashboard and page. */
    public List<Provider> all(String commissionerId) {
        Optional<String> current = versions.current();
        return jdbc.query(SELECT + " order by v.name, c.agency_id", (rs, i) -> provider(rs, current), commissionerId);
    }

    /** The figures the commissioner's dashboard flags: withdrawn providers, and those not on the current Code. */
    public Summary summary(String commissionerId) {
        List<Provider> all = all(commissionerId);
        return new Summary(
                all.size(),
                versions.current().orElse(null),
                all.stream()
                        .filter(provider -> provider.status() == AgencyStatus.WITHDRAWN)
                        .map(provider -> new Withdrawn(provider.agencyId(), provider.name(), provider.withdrawnOn()))
                        .toList(),
                all.stream()
                        .filter(provider -> provider.status() == AgencyStatus.SIGNED && !provider.onCurrentVersion())
                        .map(provider -> new BehindTheCode(
                                provider.agencyId(), provider.name(), provider.codeOfPracticeVersion()))
                        .toList());
    }

    private static Provider provider(ResultSet rs, Optional<String> current) throws SQLException {
        AgencyStatus status = AgencyStatus.valueOf(rs.getString("status"));
        String version = rs.getString("code_of_practice_version");
        return new Provider(
                rs.getString("agency_id"),
                rs.getString("name"),
                Sector.valueOf(rs.getString("sector")),
                rs.getString("contract_reference"),
                rs.getObject("commissioned_at", OffsetDateTime.class).toInstant(),
                status,
                rs.getObject("withdrawn_on", LocalDate.class),
                version,
                status == AgencyStatus.SIGNED
                        && current.isPresent()
                        && current.get().equals(version));
    }

    /**
     * One commissioned provider.
     *
     * @param commissionedSince when its current commissioning was recorded
     * @param onCurrentVersion whether it is signed and on the current version of the Code
     */
    public record Provider(
            String agencyId,
            String name,
            Sector sector,
            String contractReference,
            Instant commissionedSince,
            AgencyStatus status,
            LocalDate withdrawnOn,
            String codeOfPracticeVersion,
            boolean onCurrentVersion) {}

    /**
     * What the commissioner's dashboard shows.
     *
     * @param total how many providers it commissions
     * @param currentCodeVersion the current version of the Code, null while none can be told
     * @param withdrawn the providers that have withdrawn from the Code
     * @param notOnCurrentVersion the signed providers on another version than the current one
     */
    public record Summary(
            long total,
            String currentCodeVersion,
            List<Withdrawn> withdrawn,
            List<BehindTheCode> notOnCurrentVersion) {}

    /** A commissioned provider that has withdrawn. */
    public record Withdrawn(String agencyId, String name, LocalDate withdrawnOn) {}

    /** A signed commissioned provider on an older (or other) version of the Code. */
    public record BehindTheCode(String agencyId, String name, String codeOfPracticeVersion) {}
}
