package org.sharingledger.projections.timeline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.sharingledger.kernel.Actor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What the reviewers' timeline form offers, read from the timeline read model: the reviewer's live grants, agencies. */
@Component
class TimelineFormChoices {

    private static final String GRANTS = """
            select g.grant_id, g.review, g.subject_kind, g.case_reference, g.case_agency_id,
                   coalesce(a.name, g.case_agency_id) as case_agency_name, g.valid_until
            from timeline_grant g left join timeline_agency a on a.agency_id = g.case_agency_id
            where g.reviewer = ? and g.revoked_at is null and g.valid_until > ? order by g.granted_at desc""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TimelineFormChoices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The reviewer's grants that are neither revoked nor expired, newest first. */
    List<GrantChoice> liveGrants(Actor reviewer) {
        return jdbc.query(
                GRANTS,
                (rs, i) -> new GrantChoice(
                        rs.getString("grant_id"),
                        rs.getString("review"),
                        rs.getString("subject_kind"),
                        rs.getString("case_reference"),
                        rs.getString("case_agency_id"),
                        rs.getString("case_agency_name"),
                        rs.getTimestamp("valid_until").toInstant()),
                reviewer.username(),
                Timestamp.from(clock.instant()));
    }

    /** Every agency a local reference may belong to, by name. */
    List<AgencyChoice> agencies() {
        return jdbc.query(
                "select agency_id, name from timeline_agency order by name",
                (rs, i) -> new AgencyChoice(rs.getString("agency_id"), rs.getString("name")));
    }

    /** An agency's name, or its id if the read model does not know it. */
    String agencyName(String agencyId) {
        List<String> names =
                jdbc.queryForList("select name from timeline_agency where agency_id = ?", String.class, agencyId);
        return names.isEmpty() ? agencyId : names.get(0);
    }

    /** One of the reviewer's live grants, as the form offers it. */
    record GrantChoice(
            String grantId,
            String review,
            String subjectKind,
            String caseReference,
            String caseAgencyId,
            String caseAgencyName,
            Instant validUntil) {}

    /** An agency, as the form's list offers it. */
    record AgencyChoice(String agencyId, String name) {}
}
