package org.sharingledger.projections.selfassessments;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rounds of a period, as the annual report counts them: how many agencies each went to and how many returned. */
@Repository
public class SelfAssessmentSummaries {

    private final JdbcTemplate jdbc;

    SelfAssessmentSummaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The rounds opened between {@code from} and {@code to} (whole UTC days, inclusive), oldest first. */
    public List<Round> openedBetween(LocalDate from, LocalDate to) {
        return jdbc.query(
                """
                select v.self_assessment_id::text, v.title, v.due_by, count(a.agency_id), count(a.returned_at),
                       count(*) filter (where a.overdue and a.returned_at is null)
                from self_assessment_view v left join self_assessment_agency a using (self_assessment_id)
                where v.opened_at >= ? and v.opened_at < ?
                group by v.self_assessment_id, v.title, v.due_by, v.opened_at
                order by v.opened_at, v.self_assessment_id""",
                (rs, i) -> new Round(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)),
                Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** One round: circulated to how many agencies, returned by how many, and how many are overdue. */
    public record Round(
            String selfAssessmentId, String title, Instant dueBy, long circulated, long returned, long overdue) {}
}
