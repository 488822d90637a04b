package org.sharingledger.projections.training;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.training.api.Accreditations;
import org.sharingledger.training.api.Course;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the training records: the summary of attendances and people, and the write side's {@link Accreditations}
 * questions. Counts by the day a course was completed, whenever it was recorded.
 */
@Repository
public class TrainingViews implements Accreditations {

    private final JdbcTemplate jdbc;

    TrainingViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean accredited(String username, LocalDate day) {
        if (username == null) {
            return false;
        }
        Boolean held = jdbc.queryForObject("""
                select exists (select 1 from training_record
                    where username = ? and course = 'ONLINE_INFORMATION_SHARING' and assessment_passed
                      and completed_on <= ? and (valid_until is null or valid_until >= ?))""", Boolean.class, username, Date.valueOf(day), Date.valueOf(day));
        return Boolean.TRUE.equals(held);
    }

    @Override
    public boolean recorded(String recordId) {
        Boolean found = jdbc.queryForObject(
                "select exists (select 1 from training_record where record_id = ?)", Boolean.class, recordId);
        return Boolean.TRUE.equals(found);
    }

    /**
     * Attendances and people on courses completed between {@code from} and {@code to} (inclusive; either may be
     * null for no bound), of one agency or all (null): in all, by course (every course, zeros included) and by agency
     * (the agencies with anyone trained, by name).
     */
    public Summary summary(LocalDate from, LocalDate to, String agencyId) {
        String where = " where (cast(? as date) is null or t.completed_on >= ?)"
                + " and (cast(? as date) is null or t.completed_on <= ?)"
                + " and (cast(? as varchar) is null or t.agency_id = ?)";
        Date f = from == null ? null : Date.valueOf(from);
        Date u = to == null ? null : Date.valueOf(to);
        Object[] args = {f, f, u, u, agencyId, agencyId};
        Count all = jdbc.queryForObject(
                "select count(*), count(distinct t.person_key) from training_record t" + where,
                (rs, i) -> new Count(rs.getLong(1), rs.getLong(2)),
                args);
        Map<Course, Count> byCourse = new LinkedHashMap<>();
        for (Course course : Course.values()) {
            byCourse.put(course, new Count(0, 0));
        }
        jdbc.query(
                "select t.course, count(*), count(distinct t.person_key) from training_record t" + where
                        + " group by t.course",
                rs -> {
                    byCourse.put(Course.valueOf(rs.getString(1)), new Count(rs.getLong(2), rs.getLong(3)));
                },
                args);
        List<AgencyCount> byAgency = jdbc.query(
                """
                select t.agency_id, max(coalesce(a.name, t.agency_id)) as name, count(distinct t.person_key)
                from training_record t left join agency_view a on a.agency_id = t.agency_id""" + where + " group by t.agency_id order by 2, 1",
                (rs, i) -> new AgencyCount(rs.getString(1), rs.getString(2), rs.getLong(3)),
                args);
        return new Summary(all.attendances(), all.people(), byCourse, byAgency);
    }

    /** One agency's records (or every agency's: null), newest completedOn first, a page at a time. */
    public List<Attendance> page(String agencyId, int page, int size) {
        return jdbc.query(
                """
                select t.record_id, t.agency_id, coalesce(a.name, t.agency_id) as name, t.practitioner, t.username,
                    t.course, t.completed_on, t.assessment_passed, t.valid_until, t.recorded_at
                from training_record t left join agency_view a on a.agency_id = t.agency_id
                where (cast(? as varchar) is null or t.agency_id = ?)
                order by t.completed_on desc, t.recorded_at desc, t.record_id
                limit ? offset ?""",
                (rs, i) -> new Attendance(
                        rs.getString("record_id"),
                        rs.getString("agency_id"),
                        rs.getString("name"),
                        rs.getString("practitioner"),
                        rs.getString("username"),
                        Course.valueOf(rs.getString("course")),
                        rs.getDate("completed_on").toLocalDate(),
                        (Boolean) rs.getObject("assessment_passed"),
                        rs.getDate("valid_until") == null
                                ? null
                                : rs.getDate("valid_until").toLocalDate(),
                        rs.getTimestamp("recorded_at").toInstant()),
                agencyId,
                agencyId,
                size,
                (long) page * size);
    }

    /** How many records one agency (or every agency: null) has. */
    public long count(String agencyId) {
        Long count = jdbc.queryForObject(
                "select count(*) from training_record where (cast(? as varchar) is null or agency_id = ?)",
                Long.class,
                agencyId,
                agencyId);
        return count == null ? 0 : count;
    }

    /** One attendance as read: of {@code GET /api/training-records}. */
    public record Attendance(
            String recordId,
            String agencyId,
            String agencyName,
            String practitioner,
            String username,
            Course course,
            LocalDate completedOn,
            Boolean assessmentPassed,
            LocalDate validUntil,
            Instant recordedAt) {}

    /** The JSON of {@code GET /api/training/summary}. */
    public record Summary(long attendances, long people, Map<Course, Count> byCourse, List<AgencyCount> byAgency) {}

    /** Attendances, and the people who attended (each once). */
    public record Count(long attendances, long people) {}

    /** The people of one agency who attended. */
    public record AgencyCount(String agencyId, String name, long people) {}
}
