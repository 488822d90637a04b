package org.sharingledger.projections.agreements;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sharingledger.agreement.api.AgreementDirectory;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.platform.web.Paging;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the agreements; also answers the write side's {@link AgreementDirectory} questions. */
@Repository
public class AgreementViews implements AgreementDirectory {

    private static final String SELECT = """
            select a.agreement_id, a.title, a.purpose, a.data_items, a.lawful_basis, a.review_on, a.status,
                   a.proposed_by, a.proposed_at, a.terminated_at, a.termination_reason,
                   array(select p.agency_id from agreement_party p where p.agreement_id = a.agreement_id
                         order by p.position) as parties
            from agreement_view a""";

    private final JdbcTemplate jdbc;

    AgreementViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<RegisteredAgreement> find(String agreementId) {
        UUID id;
        try {
            id = UUID.fromString(agreementId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return one(id).map(a -> new RegisteredAgreement(a.agreementId(), a.title(), a.status(), a.parties()));
    }

    @Override
    public List<String> notTerminatedOf(String agencyId) {
        return jdbc.queryForList("""
                select a.agreement_id::text from agreement_view a join agreement_party p using (agreement_id)
                where p.agency_id = ? and a.status <> 'TERMINATED' order by a.proposed_at, a.agreement_id""", String.class, agencyId);
    }

    public Optional<AgreementView> one(UUID agreementId) {
        return jdbc.query(SELECT + " where a.agreement_id = ?", AgreementViews::map, agreementId).stream()
                .findFirst();
    }

    /** The agreements an agency is party to (every one when null), of a status (any when null), newest first. */
    public List<AgreementView> page(String agencyId, AgreementStatus status, int page, int size) {
        Where where = where(agencyId, status);
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.add(size);
        arguments.add(Paging.offset(page, size));
        return jdbc.query(
                SELECT + where.sql() + " order by a.proposed_at desc, a.agreement_id limit ? offset ?",
                AgreementViews::map,
                arguments.toArray());
    }

    public long count(String agencyId, AgreementStatus status) {
        Where where = where(agencyId, status);
        Long count = jdbc.queryForObject(
                "select count(*) from agreement_view a" + where.sql(),
                Long.class,
                where.arguments().toArray());
        return count == null ? 0 : count;
    }

    /**
     * How many agreements stood in each status at the end of a day (UTC), as their history recorded it: the last
     * step recorded before the next day began decides (proposed: awaiting signatures; activated or reviewed: active;
     * review due; terminated). Agreements are recorded as they happen, so a day in the past reads as it was then.
     */
    public Map<AgreementStatus, Long> standingOn(LocalDate day) {
        Map<AgreementStatus, Long> counts = new EnumMap<>(AgreementStatus.class);
        for (AgreementStatus status : AgreementStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.query(
                """
                select s.status, count(*) from (
                    select distinct on (agreement_id) case type
                               when 'PROPOSED' then 'AWAITING_SIGNATURES'
                               when 'ACTIVATED' then 'ACTIVE'
                               when 'REVIEWED' then 'ACTIVE'
                               else type end as status
                    from agreement_history
                    where recorded_at < ? and type in ('PROPOSED', 'ACTIVATED', 'REVIEWED', 'REVIEW_DUE', 'TERMINATED')
                    order by agreement_id, seq desc) s
                group by s.status""",
                rs -> {
                    counts.put(AgreementStatus.valueOf(rs.getString(1)), rs.getLong(2));
                },
                Timestamp.from(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        return counts;
    }

    /** The agreements in force between two agencies (either way round), newest first. */
    public List<AgreementView> activeBetween(String oneAgencyId, String otherAgencyId) {
        return jdbc.query(SELECT + """
                 where a.status = 'ACTIVE'
                   and exists (select 1 from agreement_party p where p.agreement_id = a.agreement_id
                               and p.agency_id = ?)
                   and exists (select 1 from agreement_party p where p.agreement_id = a.agreement_id
                               and p.agency_id = ?)
                 order by a.proposed_at desc, a.agreement_id""", AgreementViews::map, oneAgencyId, otherAgencyId);
    }

    /** Each party of an agreement, in the order the proposal named them, with its signature. */
    public List<Party> parties(UUID agreementId) {
        return jdbc.query(
                """
                select p.agency_id, v.name, p.signed_at, p.signed_by from agreement_party p
                left join agency_view v on v.agency_id = p.agency_id
                where p.agreement_id = ? order by p.position""",
                (rs, row) -> new Party(
                        rs.getString("agency_id"),
                        rs.getString("name"),
                        instant(rs.getTimestamp("signed_at")),
                        rs.getString("signed_by")),
                agreementId);
    }

    /** Every step of an agreement, in order. */
    public List<Step> history(UUID agreementId) {
        return jdbc.query(
                """
                select type, recorded_at, actor, agency_id, detail from agreement_history
                where agreement_id = ? order by seq""",
                (rs, row) -> new Step(
                        rs.getString("type"),
                        instant(rs.getTimestamp("recorded_at")),
                        rs.getString("actor"),
                        rs.getString("agency_id"),
                        rs.getString("detail")),
                agreementId);
    }

    private record Where(String sql, List<Object> arguments) {}

    private static Where where(String agencyId, AgreementStatus status) {
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        if (agencyId != null) {
            conditions.add("exists (select 1 from agreement_party p where p.agreement_id = a.agreement_id"
                    + " and p.agency_id = ?)");
            arguments.add(agencyId);
        }
        if (status != null) {
            conditions.add("a.status = ?");
            arguments.add(status.name());
        }
        return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), arguments);
    }

    private static AgreementView map(ResultSet rs, int row) throws SQLException {
        return new AgreementView(
                rs.getString("agreement_id"),
                rs.getString("title"),
                rs.getString("purpose"),
                strings(rs.getArray("data_items")),
                rs.getString("lawful_basis"),
                rs.getObject("review_on", LocalDate.class),
                AgreementStatus.valueOf(rs.getString("status")),
                strings(rs.getArray("parties")),
                rs.getString("proposed_by"),
                instant(rs.getTimestamp("proposed_at")),
                instant(rs.getTimestamp("terminated_at")),
                rs.getString("termination_reason"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** An agreement as read. */
    public record AgreementView(
            String agreementId,
            String title,
            String purpose,
            List<String> dataItems,
            String lawfulBasis,
            LocalDate reviewOn,
            AgreementStatus status,
            List<String> parties,
            String proposedBy,
            Instant proposedAt,
            Instant terminatedAt,
            String terminationReason) {

        public AgreementView {
            dataItems = List.copyOf(dataItems);
            parties = List.copyOf(parties);
        }
    }

    /** A party to an agreement, and whether, when and by whom it signed. */
    public record Party(String agencyId, String name, Instant signedAt, String signedBy) {

        public boolean signed() {
            return signedAt != null;
        }
    }

    /** One step of an agreement. */
    public record Step(String type, Instant recordedAt, String actor, String agencyId, String detail) {}
}
