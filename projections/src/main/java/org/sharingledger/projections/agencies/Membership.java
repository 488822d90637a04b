package org.sharingledger.projections.agencies;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The register over time, by the dates things happened ({@code signedOn}, {@code withdrawnOn}), whatever day they were
 * recorded: an agency is a signatory on day d when one of its periods has {@code signedOn <= d < withdrawnOn} (no
 * {@code withdrawnOn}: still signed).
 */
@Repository
public class Membership {

    private static final String ON_THE_DAY = "m.signed_on <= ? and (m.withdrawn_on is null or m.withdrawn_on > ?)";

    private final JdbcTemplate jdbc;

    Membership(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who may read the changes between two days: the Trust, an administrator and the agencies' nominated
     * representatives (who answer to their agencies for the Code); {@code NotPermitted} for anyone else.
     */
    public static void requireReader(Actor actor) {
        if (!actor.has(Role.TRUST_REVIEWER) && !actor.has(Role.ADMIN) && !actor.has(Role.NOMINATED_REPRESENTATIVE)) {
            throw new NotPermitted(
                    "only a TRUST_REVIEWER, an ADMIN or a NOMINATED_REPRESENTATIVE may read the changes in membership");
        }
    }

    /** The signatories on that day, by name. */
    public List<Signatory> on(LocalDate day) {
        Date date = Date.valueOf(day);
        return jdbc.query(
                """
                select v.agency_id, v.name, v.sector, v.local_delivery_area, m.signed_on, m.withdrawn_on,
                       coalesce((select h.code_version from agency_code_version_history h
                                 where h.agency_id = m.agency_id and h.effective_on <= ?
                                 order by h.effective_on desc, h.change desc limit 1),
                                m.code_of_practice_version) as code_of_practice_version
                from agency_membership m join agency_view v on v.agency_id = m.agency_id
                where %s order by v.name, v.agency_id""".formatted(ON_THE_DAY),
                (rs, row) -> new Signatory(
                        rs.getString("agency_id"),
                        rs.getString("name"),
                        Sector.valueOf(rs.getString("sector")),
                        rs.getString("local_delivery_area"),
                        rs.getObject("signed_on", LocalDate.class),
                        rs.getObject("withdrawn_on", LocalDate.class),
                        rs.getString("code_of_practice_version")),
                date,
                date,
                date);
    }

    /**
     * What changed from {@code from} to {@code to}, both days included: who joined (a period that began in it), who
     * withdrew (one that ended in it), and how many were signatories the day before {@code from} and on {@code to},
     * in all and by sector. So {@code atEnd = atStart + joined - withdrawn}.
     */
    public Changes between(LocalDate from, LocalDate to) {
        Date start = Date.valueOf(from);
        Date end = Date.valueOf(to);
        List<Joined> joined = jdbc.query(
                """
                select v.agency_id, v.name, v.sector, m.signed_on
                from agency_membership m join agency_view v on v.agency_id = m.agency_id
                where m.signed_on between ? and ? order by m.signed_on, v.name, v.agency_id""",
                (rs, row) -> new Joined(
                        rs.getString("agency_id"),
                        rs.getString("name"),
                        Sector.valueOf(rs.getString("sector")),
                        rs.getObject("signed_on", LocalDate.class)),
                start,
                end);
        List<Withdrawn> withdrawn = jdbc.query(
                """
                select v.agency_id, v.name, v.sector, m.withdrawn_on, m.withdrawal_reason
                from agency_membership m join agency_view v on v.agency_id = m.agency_id
                where m.withdrawn_on between ? and ? order by m.withdrawn_on, v.name, v.agency_id""",
                (rs, row) -> new Withdrawn(
                        rs.getString("agency_id"),
                        rs.getString("name"),
                        Sector.valueOf(rs.getString("sector")),
                        rs.getObject("withdrawn_on", LocalDate.class),
                        rs.getString("withdrawal_reason")),
                start,
                end);
        Map<Sector, Counts> bySector = new EnumMap<>(Sector.class);
        for (Sector sector : Sector.values()) {
            bySector.put(sector, new Counts(0, 0));
        }
        Date dayBefore = Date.valueOf(from.minusDays(1));
        jdbc.query(
                """
                select v.sector,
                       count(*) filter (where m.signed_on <= ? and (m.withdrawn_on is null or m.withdrawn_on > ?))
                           as at_start,
                       count(*) filter (where m.signed_on <= ? and (m.withdrawn_on is null or m.withdrawn_on > ?))
                           as at_end
                from agency_membership m join agency_view v on v.agency_id = m.agency_id
                group by v.sector""",
                rs -> {
                    bySector.put(
                            Sector.valueOf(rs.getString("sector")),
                            new Counts(rs.getLong("at_start"), rs.getLong("at_end")));
                },
                dayBefore,
                dayBefore,
                end,
                end);
        long atStart = bySector.values().stream().mapToLong(Counts::atStart).sum();
        long atEnd = bySector.values().stream().mapToLong(Counts::atEnd).sum();
        return new Changes(from, to, atStart, atEnd, joined, withdrawn, bySector);
    }

    /**
     * A signatory on a given day, with the period of membership that covers it.
     *
     * @param withdrawnOn           the day that period ended, if it has (after the day asked about); null while it
     *                              lasts
     * @param codeOfPracticeVersion the version of the Code it was on that day
     */
    public record Signatory(
            String agencyId,
            String name,
            Sector sector,
            String localDeliveryArea,
            LocalDate signedOn,
            LocalDate withdrawnOn,
            String codeOfPracticeVersion) {}

    public record Joined(String agencyId, String name, Sector sector, LocalDate signedOn) {}

    public record Withdrawn(String agencyId, String name, Sector sector, LocalDate withdrawnOn, String reason) {}

    public record Counts(long atStart, long atEnd) {}

    /** The changes between two days; {@code atStart} counts the day before {@code from}, {@code atEnd} {@code to}. */
    public record Changes(
            LocalDate from,
            LocalDate to,
            long atStart,
            long atEnd,
            List<Joined> joined,
            List<Withdrawn> withdrawn,
            Map<Sector, Counts> bySector) {

        public Changes {
            joined = List.copyOf(joined);
            withdrawn = List.copyOf(withdrawn);
            bySector = Collections.unmodifiableMap(new EnumMap<>(bySector));
        }
    }
}
