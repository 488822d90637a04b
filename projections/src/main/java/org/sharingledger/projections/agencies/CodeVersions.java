package org.sharingledger.projections.agencies;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The versions of the Code of Practice adopted through consultations, and which one is current. */
@Repository
public class CodeVersions {

    private final JdbcTemplate jdbc;

    CodeVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The adopted versions, first adopted first. */
    public List<AdoptedVersion> adopted() {
        return jdbc.query(
                """
                select code_version, consultation_id, title, adopted_on, note from code_version
                order by adopted_on, recorded_at, code_version""",
                (rs, row) -> new AdoptedVersion(
                        rs.getString("code_version"),
                        rs.getString("consultation_id"),
                        rs.getString("title"),
                        rs.getObject("adopted_on", LocalDate.class),
                        rs.getString("note")));
    }

    /**
     * The current Code: the version adopted last (by {@code adoptedOn}, then by when it was recorded). Before any
     * version has been adopted through the ledger, the version most signed agencies are on (the alphabetically last
     * on a tie); empty while no agency is signed.
     */
    public Optional<String> current() {
        return jdbc.queryForList("""
                        select code_version from code_version order by adopted_on desc, recorded_at desc limit 1""", String.class).stream()
                .findFirst()
                .or(() -> jdbc.queryForList("""
                                select code_of_practice_version from agency_view where status = 'SIGNED'
                                group by code_of_practice_version
                                order by count(*) desc, code_of_practice_version desc limit 1""", String.class).stream().findFirst());
    }

    /** A version adopted through a consultation. */
    public record AdoptedVersion(
            String codeVersion, String consultationId, String title, LocalDate adoptedOn, String note) {}
}
