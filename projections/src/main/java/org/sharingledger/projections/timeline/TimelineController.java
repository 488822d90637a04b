package org.sharingledger.projections.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.FreeText;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.IdempotencyKeys;
import org.sharingledger.platform.web.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Case reviewers' timeline queries, each recorded as a ledger event before the answer leaves, and the list each
 * agency's nominated representative reads of who looked at timelines touching its records.
 */
@RestController
@Tag(name = "Timelines")
class TimelineController {

    private final TimelineQueries queries;
    private final TimelineExports exports;
    private final JdbcTemplate jdbc;

    TimelineController(TimelineQueries queries, TimelineExports exports, JdbcTemplate jdbc) {
        this.queries = queries;
        this.exports = exports;
        this.jdbc = jdbc;
    }

    @PostMapping("/api/timelines/queries")
    @Operation(
            summary = "A child's (or a case's) timeline, as known at a moment",
            description = "CASE_REVIEWER "
                    + "with a live grant for this subject. The subject is exactly one of nhsNumber, caseReference, or "
                    + "agencyId with localReference (in the body, never in a URL). asOf (optional): only what had been "
                    + "recorded by then; steps that happened by then but were recorded later are listed apart in "
                    + "recordedLater. Every query is recorded as a ledger event (TimelineQueried); without a live grant "
                    + "the answer is 403 and the attempt is recorded. An Idempotency-Key never replays a query: each one is checked "
                    + "against the grant and recorded afresh, and no timeline is kept. A step recorded more than 24 hours after it happened "
                    + "carries lateBy. Accept chooses the form: application/json (default), text/csv, application/pdf, "
                    + "application/fhir+json (a FHIR R4 Bundle of AuditEvent, one per entry); the exports carry "
                    + "X-Timeline-Digest, the SHA-256 of the CSV form. The JSON and PDF forms carry evidence: each entry's "
                    + "event hash and an RFC 9162 inclusion proof (proof) to a checkpoint signed just before the answer "
                    + "(checkpoint, with its signed statement), and the JSON is sealed whole by the ledger's Ed25519 key "
                    + "(seal), so it can be checked offline: java -jar sharing-ledger.jar verify-export.")
    public ResponseEntity<?> query(
            @Valid @RequestBody Query body,
            @RequestHeader(name = "Accept", required = false) String accept,
            HttpServletRequest request) {
        IdempotencyKeys.neverReplay(request);
        Format format = Format.of(accept);
        Timeline timeline = queries.query(
                CurrentActor.get(),
                body.grantId(),
                body.nhsNumber(),
                body.caseReference(),
                body.agencyId(),
                body.localReference(),
                body.asOf(),
                body.reason(),
                format.name().toLowerCase(Locale.ROOT));
        TimelineExports.Checked checked = exports.checked(timeline);
        return switch (format) {
            case JSON ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(exports.sealedJson(checked));
            case CSV ->
                download(checked.timeline(), "text/csv; charset=UTF-8", "timeline.csv", exports.render(checked, "csv"));
            case PDF -> download(checked.timeline(), "application/pdf", "timeline.pdf", exports.pdf(checked));
            case FHIR ->
                download(
                        checked.timeline(),
                        "application/fhir+json; charset=UTF-8",
                        "timeline.fhir.json",
                        exports.render(checked, "fhir"));
        };
    }

    private static ResponseEntity<byte[]> download(Timeline timeline, String type, String name, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header("X-Timeline-Digest", "sha256=" + TimelinePdf.digest(timeline))
                .body(body);
    }

    /** The forms a timeline is given in, chosen by the Accept header (JSON when it names none of them). */
    enum Format {
        JSON,
        CSV,
        PDF,
        FHIR;

        static Format of(String accept) {
            if (accept == null || accept.isBlank()) {
                return JSON;
            }
            String wanted = accept.toLowerCase(Locale.ROOT);
            if (wanted.contains("application/fhir+json")) {
                return FHIR;
            }
            if (wanted.contains("application/pdf")) {
                return PDF;
            }
            if (wanted.contains("text/csv")) {
                return CSV;
            }
            if (wanted.contains("application/json") || wanted.contains("*/*")) {
                return JSON;
            }
            throw new ResponseStatusException(
                    HttpStatus.NOT_ACCEPTABLE,
                    "A timeline is given as application/json, text/csv, application/pdf or "
                            + "application/fhir+json.");
        }
    }

    @GetMapping("/api/agencies/{agencyId}/timeline-access")
    @Operation(
            summary = "Who looked at timelines touching this agency's records",
            description = "That agency's "
                    + "NOMINATED_REPRESENTATIVE: every timeline query involving a request the agency made or received, "
                    + "newest first, with the reviewer, grant, review, reason, asOf and format. A page at a time: page "
                    + "from 0, size 1 to 200 (default 50); X-Total-Count gives how many, and Link rel=\"next\" the "
                    + "next page's address.")
    public ResponseEntity<List<Map<String, Object>>> access(
            @PathVariable String agencyId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Actor actor = CurrentActor.get();
        if (!actor.actsFor(agencyId) || !actor.has(Role.NOMINATED_REPRESENTATIVE)) {
            throw new NotPermitted(
                    "only a NOMINATED_REPRESENTATIVE of " + agencyId + " may see its timeline access list");
        }
        Long total =
                jdbc.queryForObject("select count(*) from timeline_access where agency_id = ?", Long.class, agencyId);
        List<Map<String, Object>> rows = jdbc.query(
                """
                select reviewer, grant_id, review, reason, subject, as_of, format, queried_at, event_id
                from timeline_access where agency_id = ? order by queried_at desc, event_id limit ? offset ?""",
                (rs, i) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("queriedAt", rs.getTimestamp("queried_at").toInstant());
                    row.put("reviewer", rs.getString("reviewer"));
                    row.put("grantId", rs.getString("grant_id"));
                    row.put("review", rs.getString("review"));
                    row.put("reason", rs.getString("reason"));
                    row.put("subject", rs.getString("subject"));
                    row.put(
                            "asOf",
                            rs.getTimestamp("as_of") == null
                                    ? null
                                    : rs.getTimestamp("as_of").toInstant());
                    row.put("format", rs.getString("format"));
                    row.put("eventId", rs.getString("event_id"));
                    return row;
                },
                agencyId,
                size,
                Paging.offset(page, size));
        return Paging.answer(rows, page, size, total == null ? 0 : total);
    }

    /** Never printed: it may carry an NHS number or a local reference. */
    record Query(
            @NotNull UUID grantId,
            @Size(max = 20) String nhsNumber,
            @FreeText @Size(max = 100) String caseReference,
            @FreeText @Size(max = 64) String agencyId,
            @Size(max = 100) String localReference,
            Instant asOf,
            @FreeText @NotBlank @Size(max = 4000) String reason) {
        @Override
        public String toString() {
            return "Query[" + grantId + "]";
        }
    }
}
