package org.sharingledger.projections.grants;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
                    + "grants given before references were scoped to agencies, which open no timeline). A page at "
                    + "a time: page from 0, size 1 to 200 (default 50); X-Total-Count gives how many, and Link "
                    + "rel=\"next\" the next page's address.")
    public ResponseEntity<List<Map<String, Object>>> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Actor actor = CurrentActor.get();
        Instant now = clock.instant();
        String where;
        Object[] mine;
        if (actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)) {
            where = "";
            mine = new Object[0];
        } else if (actor.has(Role.CASE_REVIEWER)) {
            where = " where reviewer = ?";
            mine = new Object[] {actor.username()};
        } else {
            throw new NotPermitted(
                    "only a CASE_REVIEWER (their own), a TRUST_REVIEWER or an ADMIN may list timeline grants");
        }
        Long total = jdbc.queryForObject("select count(*) from timeline_grant" + where, Long.class, mine);
        Object[] arguments = Arrays.copyOf(mine, mine.length + 2);
        arguments[mine.length] = size;
        arguments[mine.length + 1] = Paging.offset(page, size);
        List<Map<String, Object>> grants = jdbc.query(
                SELECT + where + " order by granted_at desc, grant_id limit ? offset ?",
                (rs, i) -> grant(rs, now),
                arguments);
        return Paging.answer(grants, page, size, total == null ? 0 : total);
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
