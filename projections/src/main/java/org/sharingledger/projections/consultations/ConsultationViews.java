package org.sharingledger.projections.consultations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sharingledger.consultation.api.ConsultationDirectory;
import org.sharingledger.consultation.api.ConsultationStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the consultations; also answers the write side's {@link ConsultationDirectory} questions. */
@Repository
public class ConsultationViews implements ConsultationDirectory {

    /** The keys of a tally, in the order shown: the three answers, silence at the closing time, and still awaited. */
    public static final List<String> TALLY =
            List.of("AGREE", "OBJECT", "WITHDRAW", ConsultationViewProjection.DEEMED_AGREED, Standing.AWAITING);

    private static final String SELECT = """
            select consultation_id, code_version, title, summary_of_changes, status, respond_by, opened_at,
                   circulated_to, closed_at, adopted_on, adoption_note
            from consultation_view""";

    private final JdbcTemplate jdbc;

    ConsultationViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean codeVersionTaken(String codeVersion) {
        Boolean taken = jdbc.queryForObject("""
                select exists (select 1 from consultation_view where code_version = ?)
                    or exists (select 1 from code_version where code_version = ?)""", Boolean.class, codeVersion, codeVersion);
        return Boolean.TRUE.equals(taken);
    }

    /** How many consultations match (see {@link #list}). */
    public long count(ConsultationStatus status, String agencyId) {
        Filter filter = Filter.of(status, agencyId);
        Long count = jdbc.queryForObject(
                "select count(*) from consultation_view" + filter.where(), Long.class, filter.arguments());
        return count == null ? 0 : count;
    }

    /**
     * Consultations, newest first, each with its tally.
     *
     * @param status   only those in this status, or null for all
     * @param agencyId only those circulated to this agency, or null for all
     */
    public List<Summary> list(ConsultationStatus status, String agencyId, int limit, long offset) {
        Filter filter = Filter.of(status, agencyId);
        List<Object> arguments = new ArrayList<>(List.of(filter.arguments()));
        arguments.add(limit);
        arguments.add(offset);
        List<Summary> rows = jdbc.query(
                SELECT + filter.where() + " order by opened_at desc, consultation_id limit ? offset ?",
                (rs, i) -> summary(rs, Map.of()),
                arguments.toArray());
        return withTallies(rows);
    }

    /**
     * The consultations whose answers were due between two days (whole UTC days, inclusive), by their closing time,
     * each with its tally: the consultations of a period, as the nominated representatives' report lists them.
     */
    public List<Summary> respondByBetween(LocalDate from, LocalDate to) {
        List<Summary> rows = jdbc.query(
                SELECT + " where respond_by >= ? and respond_by < ? order by respond_by, consultation_id",
                (rs, i) -> summary(rs, Map.of()),
                Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        return withTallies(rows);
    }

    private List<Summary> withTallies(List<Summary> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Map<String, Integer>> tallies = new HashMap<>();
        jdbc.query(
                """
                select consultation_id, coalesce(response, 'AWAITING') as standing, count(*) as n
                from consultation_agency where consultation_id = any (?)
                group by consultation_id, coalesce(response, 'AWAITING')""",
                (ResultSet rs) -> {
                    tallies.computeIfAbsent(rs.getString("consultation_id"), id -> emptyTally())
                            .put(rs.getString("standing"), rs.getInt("n"));
                },
                (Object) rows.stream().map(Summary::consultationId).toArray(String[]::new));
        return rows.stream()
                .map(row -> row.withTally(tallies.getOrDefault(row.consultationId(), emptyTally())))
                .toList();
    }

    /** Where an agency stands in each consultation circulated to it: consultation id to its standing. */
    public Map<String, String> standingsOf(String agencyId) {
        Map<String, String> standings = new HashMap<>();
        jdbc.query(
                "select consultation_id, coalesce(response, 'AWAITING') as standing from consultation_agency"
                        + " where agency_id = ?",
                (ResultSet rs) -> {
                    standings.put(rs.getString("consultation_id"), rs.getString("standing"));
                },
                agencyId);
        return standings;
    }

    /** One consultation with every circulated agency's standing and the discussion. */
    public Optional<Detail> one(String consultationId) {
        Optional<Summary> summary =
                jdbc
                        .query(SELECT + " where consultation_id = ?", (rs, i) -> summary(rs, Map.of()), consultationId)
                        .stream()
                        .findFirst();
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Answer>> history = new HashMap<>();
        jdbc.query(
                """
                select agency_id, response, comments, answered_at from consultation_answer
                where consultation_id = ? order by sequence_number""",
                (ResultSet rs) -> {
                    history.computeIfAbsent(rs.getString("agency_id"), id -> new ArrayList<>())
                            .add(new Answer(
                                    rs.getString("response"), rs.getString("comments"), instant(rs, "answered_at")));
                },
                consultationId);
        List<Standing> responses = jdbc.query(
                """
                select c.agency_id, a.name, c.response, c.responded_at, c.comments
                from consultation_agency c left join agency_view a on a.agency_id = c.agency_id
                where c.consultation_id = ? order by c.position""",
                (rs, i) -> new Standing(
                        rs.getString("agency_id"),
                        rs.getString("name"),
                        rs.getString("response") == null ? Standing.AWAITING : rs.getString("response"),
                        instant(rs, "responded_at"),
                        rs.getString("comments"),
                        history.getOrDefault(rs.getString("agency_id"), List.of())),
                consultationId);
        Map<String, Integer> tally = emptyTally();
        responses.forEach(standing -> tally.merge(standing.response(), 1, Integer::sum));
        List<CommentView> comments = jdbc.query(
                """
                select c.agency_id, a.name, c.text, c.recorded_at
                from consultation_comment c left join agency_view a on a.agency_id = c.agency_id
                where c.consultation_id = ? order by c.sequence_number""",
                (rs, i) -> new CommentView(
                        rs.getString("agency_id"),
                        rs.getString("name"),
                        rs.getString("text"),
                        instant(rs, "recorded_at")),
                consultationId);
        return Optional.of(Detail.of(summary.get().withTally(tally), responses, comments));
    }

    private static Map<String, Integer> emptyTally() {
        Map<String, Integer> tally = new LinkedHashMap<>();
        TALLY.forEach(key -> tally.put(key, 0));
        return tally;
    }

    private static Summary summary(ResultSet rs, Map<String, Integer> tally) throws SQLException {
        return new Summary(
                rs.getString("consultation_id"),
                rs.getString("code_version"),
                rs.getString("title"),
                rs.getString("summary_of_changes"),
                ConsultationStatus.valueOf(rs.getString("status")),
                instant(rs, "respond_by"),
                instant(rs, "opened_at"),
                rs.getInt("circulated_to"),
                instant(rs, "closed_at"),
                rs.getObject("adopted_on", LocalDate.class),
                rs.getString("adoption_note"),
                tally);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Filter(String where, List<Object> values) {

        Object[] arguments() {
            return values.toArray();
        }

        static Filter of(ConsultationStatus status, String agencyId) {
            List<String> conditions = new ArrayList<>();
            List<Object> arguments = new ArrayList<>();
            if (status != null) {
                conditions.add("status = ?");
                arguments.add(status.name());
            }
            if (agencyId != null) {
                conditions.add(
                        "consultation_id in (select consultation_id from consultation_agency where agency_id = ?)");
                arguments.add(agencyId);
            }
            return new Filter(
                    conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), List.copyOf(arguments));
        }
    }

    /**
     * A consultation as listed.
     *
     * @param circulatedTo how many agencies it was circulated to
     * @param tally        how many circulated agencies stand at each of {@link #TALLY}
     */
    public record Summary(
            String consultationId,
            String codeVersion,
            String title,
            String summaryOfChanges,
            ConsultationStatus status,
            Instant respondBy,
            Instant openedAt,
            int circulatedTo,
            Instant closedAt,
            LocalDate adoptedOn,
            String adoptionNote,
            Map<String, Integer> tally) {

        Summary withTally(Map<String, Integer> counts) {
            return new Summary(
                    consultationId,
                    codeVersion,
                    title,
                    summaryOfChanges,
                    status,
                    respondBy,
                    openedAt,
                    circulatedTo,
                    closedAt,
                    adoptedOn,
                    adoptionNote,
                    counts);
        }
    }

    /** A consultation with every circulated agency's standing, in the order circulated, and the discussion. */
    public record Detail(
            String consultationId,
            String codeVersion,
            String title,
            String summaryOfChanges,
            ConsultationStatus status,
            Instant respondBy,
            Instant openedAt,
            int circulatedTo,
            Instant closedAt,
            LocalDate adoptedOn,
            String adoptionNote,
            Map<String, Integer> tally,
            List<Standing> responses,
            List<CommentView> comments) {

        static Detail of(Summary s, List<Standing> responses, List<CommentView> comments) {
            return new Detail(
                    s.consultationId(),
                    s.codeVersion(),
                    s.title(),
                    s.summaryOfChanges(),
                    s.status(),
                    s.respondBy(),
                    s.openedAt(),
                    s.circulatedTo(),
                    s.closedAt(),
                    s.adoptedOn(),
                    s.adoptionNote(),
                    s.tally(),
                    responses,
                    comments);
        }

        /** The circulated agencies still awaited. */
        public List<Standing> awaiting() {
            return responses.stream()
                    .filter(standing -> Standing.AWAITING.equals(standing.response()))
                    .toList();
        }

        /** This agency's standing, if the consultation was circulated to it. */
        public Optional<Standing> standingOf(String agencyId) {
            return responses.stream()
                    .filter(standing -> standing.agencyId().equals(agencyId))
                    .findFirst();
        }
    }

    /**
     * A circulated agency's standing: its last answer (AGREE, OBJECT or WITHDRAW), DEEMED_AGREED if it never answered
     * by the closing time, AWAITING while it may still answer; and every answer it gave, in order.
     */
    public record Standing(
            String agencyId, String name, String response, Instant respondedAt, String comments, List<Answer> history) {

        static final String AWAITING = "AWAITING";
    }

    /** One answer as given. */
    public record Answer(String response, String comments, Instant respondedAt) {}

    /**
     * One comment of the discussion.
     *
     * @param agencyId the agency whose nominated representative wrote it, or null for the Trust
     */
    public record CommentView(String agencyId, String name, String text, Instant recordedAt) {}
}
