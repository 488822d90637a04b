package org.sharingledger.projections.agencies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every version of the Code the register knows, in order: first those agencies signed before any adoption through the
 * ledger (no {@code adoptedOn}; in the order they were first signed), then those adopted, as {@link CodeVersions}
 * orders them. Each with how many signed agencies are on it now, and which is current.
 */
@Repository
public class CodeVersionList {

    private final JdbcTemplate jdbc;
    private final CodeVersions versions;

    CodeVersionList(JdbcTemplate jdbc, CodeVersions versions) {
        this.jdbc = jdbc;
        this.versions = versions;
    }

    public List<CodeVersion> all() {
        List<CodeVersions.AdoptedVersion> adopted = versions.adopted();
        Optional<String> current = versions.current();
        Map<String, Long> signed = new HashMap<>();
        jdbc.query("""
                select code_of_practice_version, count(*) as agencies from agency_view where status = 'SIGNED'
                group by code_of_practice_version""", rs -> {
            signed.put(rs.getString("code_of_practice_version"), rs.getLong("agencies"));
        });
        Set<String> adoptedNames = new LinkedHashSet<>();
        adopted.forEach(version -> adoptedNames.add(version.codeVersion()));
        List<CodeVersion> all = new ArrayList<>();
        for (String name : jdbc.queryForList("""
                select code_of_practice_version from (
                    select code_of_practice_version, min(signed_on) as first from agency_membership
                    group by code_of_practice_version
                    union all
                    select code_of_practice_version, min(signed_on) from agency_view
                    group by code_of_practice_version) v
                group by code_of_practice_version order by min(first), code_of_practice_version""", String.class)) {
            if (!adoptedNames.contains(name)) {
                all.add(new CodeVersion(
                        name, null, null, null, name.equals(current.orElse(null)), signed.getOrDefault(name, 0L)));
            }
        }
        for (CodeVersions.AdoptedVersion version : adopted) {
            all.add(new CodeVersion(
                    version.codeVersion(),
                    version.adoptedOn(),
                    version.consultationId(),
                    version.title(),
                    version.codeVersion().equals(current.orElse(null)),
                    signed.getOrDefault(version.codeVersion(), 0L)));
        }
        return all;
    }

    /**
     * A version of the Code.
     *
     * @param adoptedOn      null for a version agencies signed that was never adopted through a consultation
     * @param current        whether it is the current Code ({@link CodeVersions#current()})
     * @param signedAgencies how many signed agencies are on it now
     */
    public record CodeVersion(
            String codeVersion,
            LocalDate adoptedOn,
            String consultationId,
            String title,
            boolean current,
            long signedAgencies) {}
}
