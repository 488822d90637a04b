package org.sharingledger.projections.grants;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Timelines")
class GrantViewController {

    private static final String SELECT = """
            select grant_id, reviewer, review, reason, valid_until, subject_kind, case_reference, case_agency_id,
                   granted_by,
                   granted_at, revoked_at, revoked_by, revocation_reason
            from timeline_grant""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    GrantViewController(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping("/api/timeline-grants")
    @Operation(
            summary = "Timeline grants, newest first",
            description = "A CASE_REVIEWER sees their own; a "
                    + "TRUST_REVIEWER or ADMIN sees every grant. status is LIVE, EXPIRED or REVOKED. A child is never named: "
                    + "subject says how the grant identifies them (NHS_NUMBER, LOCAL_REFERENCE or CASE_REFERENCE); a "
                    + "CASE_REFERENCE grant shows caseReference and caseAgencyId, the agency that set it (null in "
                    + "grants given before references were scoped to agencies, which open no timeline).")
    public List<Map<String, Object>> list() {
        Actor actor = CurrentActor.get();
        Instant now = clock.instant();
        if (actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)) {
            return jdbc.query(SELECT + " order by granted_at desc", (rs, i) -> grant(rs, now));
        }
        if (actor.has(Role.CASE_REVIEWER)) {
            return jdbc.query(
                    SELECT + " where reviewer = ? order by granted_at desc",
                    (rs, i) -> grant(rs, now),
                    actor.username());
        }
        throw new NotPermitted(
                "only a CASE_REVIEWER (their own), a TRUST_REVIEWER or an ADMIN may list timeline grants");
    }

    private static Map<String, Object> grant(ResultSet rs, Instant now) throws SQLException {
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("grantId", rs.getString("grant_id"));
        grant.put("reviewer", rs.getString("reviewer"));
        grant.put("review", rs.getString("review"));
        grant.put("reason", rs.getString("reason"));
        Instant validUntil = instant(rs.getTimestamp("valid_until"));
        grant.put("validUntil", validUntil);
        grant.put("subject", rs.getString("subject_kind"));
        grant.put("caseReference", rs.getString("case_reference"));
        grant.put("caseAgencyId", rs.getString("case_agency_id"));
        grant.put("grantedBy", rs.getString("granted_by"));
        grant.put("grantedAt", instant(rs.getTimestamp("granted_at")));
        Instant revokedAt = instant(rs.getTimestamp("revoked_at"));
        grant.put("status", revokedAt != null ? "REVOKED" : now.isBefore(validUntil) ? "LIVE" : "EXPIRED");
        grant.put("revokedAt", revokedAt);
        grant.put("revokedBy", rs.getString("revoked_by"));
        grant.put("revocationReason", rs.getString("revocation_reason"));
        return grant;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
