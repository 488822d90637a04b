package org.sharingledger.projections.selfassessments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sharingledger.selfassessment.api.Question;
import org.sharingledger.selfassessment.api.QuestionAnswer;
import org.sharingledger.selfassessment.api.SelfAssessmentStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the self-assessment rounds. What a reader may see of other agencies' returns is decided by the caller
 * ({@link Detail#seenBy}).
 */
@Repository
public class SelfAssessmentViews {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {};
    private static final TypeReference<List<QuestionAnswer>> ANSWERS = new TypeReference<>() {};

    private static final String SUMMARY = """
            select v.self_assessment_id::text as id, v.title, v.due_by, v.opened_at, v.status, v.closed_at,
                   count(a.agency_id) as circulated, count(a.returned_at) as returned,
                   count(*) filter (where a.overdue and a.returned_at is null) as overdue
            from self_assessment_view v left join self_assessment_agency a using (self_assessment_id)""";

    private static final String GROUP =
            " group by v.self_assessment_id, v.title, v.due_by, v.opened_at, v.status, v.closed_at";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    SelfAssessmentViews(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** How many rounds there are. */
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from self_assessment_view", Long.class);
        return count == null ? 0 : count;
    }

    /** Rounds, newest first, each with its counts. */
    public List<Summary> list(int limit, long offset) {
        return jdbc.query(
                SUMMARY + GROUP + " order by v.opened_at desc, v.self_assessment_id limit ? offset ?",
                (rs, i) -> summary(rs),
                limit,
                offset);
    }

    /**
     * The rounds opened between {@code from} and {@code to} (whole UTC days, inclusive), oldest first, each with its
     * counts: what the annual report lists.
     */
    public List<Summary> openedBetween(LocalDate from, LocalDate to) {
        return jdbc.query(
                SUMMARY + " where v.opened_at >= ? and v.opened_at < ?" + GROUP
                        + " order by v.opened_at, v.self_assessment_id",
                (rs, i) -> summary(rs),
                Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** Where an agency stands in each round circulated to it: round id to RETURNED, OVERDUE or OUTSTANDING. */
    public Map<String, String> standingsOf(String agencyId) {
        Map<String, String> standings = new HashMap<>();
        jdbc.query(
                """
                select self_assessment_id::text as id,
                       case when returned_at is not null then 'RETURNED' when overdue then 'OVERDUE'
                            else 'OUTSTANDING' end as standing
                from self_assessment_agency where agency_id = ?""",
                (ResultSet rs) -> {
                    standings.put(rs.getString("id"), rs.getString("standing"));
                },
                agencyId);
        return standings;
    }

    /** One round with every circulated agency: its last return, or whether it is outstanding and overdue. */
    public Optional<Detail> one(String selfAssessmentId) {
        List<Summary> summaries = jdbc.query(
                SUMMARY + " where v.self_assessment_id = ?::uuid" + GROUP, (rs, i) -> summary(rs), selfAssessmentId);
        if (summaries.isEmpty()) {
            return Optional.empty();
        }
        Summary summary = summaries.get(0);
        List<Question> questions = json.readValue(
                jdbc.queryForObject(
                        "select questions::text from self_assessment_view where self_assessment_id = ?::uuid",
                        String.class,
                        selfAssessmentId),
                QUESTIONS);
        Map<String, Integer> returnsPerAgency = new HashMap<>();
        Map<String, ReturnView> lastReturns = new HashMap<>();
        jdbc.query(
                """
                select agency_id, answers::text as answers, statement, returned_at, returned_by, late
                from self_assessment_return where self_assessment_id = ?::uuid order by seq""",
                (ResultSet rs) -> {
                    String agencyId = rs.getString("agency_id");
                    returnsPerAgency.merge(agencyId, 1, Integer::sum);
                    lastReturns.put(
                            agencyId,
                            new ReturnView(
                                    agencyId,
                                    null,
                                    instant(rs, "returned_at"),
                                    rs.getString("returned_by"),
                                    rs.getBoolean("late"),
                                    0,
                                    json.readValue(rs.getString("answers"), ANSWERS),
                                    rs.getString("statement")));
                },
                selfAssessmentId);
        List<ReturnView> returned = new ArrayList<>();
        List<Outstanding> outstanding = new ArrayList<>();
        jdbc.query(
                """
                select s.agency_id, a.name, s.returned_at, s.overdue
                from self_assessment_agency s left join agency_view a on a.agency_id = s.agency_id
                where s.self_assessment_id = ?::uuid order by s.position""",
                (ResultSet rs) -> {
                    String agencyId = rs.getString("agency_id");
                    String name = rs.getString("name");
                    ReturnView last = lastReturns.get(agencyId);
                    if (rs.getTimestamp("returned_at") != null && last != null) {
                        returned.add(last.named(name, returnsPerAgency.get(agencyId)));
                    } else {
                        outstanding.add(new Outstanding(agencyId, name, rs.getBoolean("overdue")));
                    }
                },
                selfAssessmentId);
        return Optional.of(new Detail(
                summary.selfAssessmentId(),
                summary.title(),
                questions,
                summary.dueBy(),
                summary.openedAt(),
                summary.status(),
                summary.closedAt(),
                summary.circulated(),
                new Counts(summary.returned(), summary.circulated() - summary.returned(), summary.overdue()),
                returned,
                outstanding));
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(
                rs.getString("id"),
                rs.getString("title"),
                instant(rs, "due_by"),
                instant(rs, "opened_at"),
                SelfAssessmentStatus.valueOf(rs.getString("status")),
                instant(rs, "closed_at"),
                rs.getInt("circulated"),
                rs.getInt("returned"),
                rs.getInt("overdue"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * A round as listed.
     *
     * @param circulated how many agencies it was circulated to
     * @param returned   how many of them have returned it (at least once)
     * @param overdue    how many of them had not returned at {@code dueBy} and still have not
     */
    public record Summary(
            String selfAssessmentId,
            String title,
            Instant dueBy,
            Instant openedAt,
            SelfAssessmentStatus status,
            Instant closedAt,
            int circulated,
            int returned,
            int overdue) {}

    /** How the circulated agencies stand: returned, outstanding (not returned yet), and overdue among those. */
    public record Counts(int returned, int outstanding, int overdue) {}

    /**
     * One round with every circulated agency, in the order circulated.
     *
     * @param returned    the agencies that have returned it, each with its last return
     * @param outstanding the agencies that have not, each saying whether it was recorded overdue
     */
    public record Detail(
            String selfAssessmentId,
            String title,
            List<Question> questions,
            Instant dueBy,
            Instant openedAt,
            SelfAssessmentStatus status,
            Instant closedAt,
            int circulated,
            Counts counts,
            List<ReturnView> returned,
            List<Outstanding> outstanding) {

        /**
         * The round as a reader sees it: all of it when {@code agencyId} is null (the Trust, an administrator),
         * otherwise the counts and only that agency's own entry.
         */
        public Detail seenBy(String agencyId) {
            if (agencyId == null) {
                return this;
            }
            return new Detail(
                    selfAssessmentId,
                    title,
                    questions,
                    dueBy,
                    openedAt,
                    status,
                    closedAt,
                    circulated,
                    counts,
                    returned.stream().filter(r -> r.agencyId().equals(agencyId)).toList(),
                    outstanding.stream()
                            .filter(o -> o.agencyId().equals(agencyId))
                            .toList());
        }

        /** This agency's last return, if it has returned. */
        public Optional<ReturnView> returnOf(String agencyId) {
            return returned.stream().filter(r -> r.agencyId().equals(agencyId)).findFirst();
        }

        /** Whether the round was circulated to this agency. */
        public boolean circulatedTo(String agencyId) {
            return returnOf(agencyId).isPresent()
                    || outstanding.stream().anyMatch(o -> o.agencyId().equals(agencyId));
        }
    }

    /**
     * An agency's last return.
     *
     * @param returns how many times it returned the round (the last counts)
     * @param late    whether the last return came at or after {@code dueBy}
     */
    public record ReturnView(
            String agencyId,
            String name,
            Instant returnedAt,
            String returnedBy,
            boolean late,
            int returns,
            List<QuestionAnswer> answers,
            String statement) {

        ReturnView named(String agencyName, int count) {
            return new ReturnView(agencyId, agencyName, returnedAt, returnedBy, late, count, answers, statement);
        }
    }

    /**
     * A circulated agency that has not returned the round.
     *
     * @param overdue whether it was recorded overdue at {@code dueBy}
     */
    public record Outstanding(String agencyId, String name, boolean overdue) {}
}
