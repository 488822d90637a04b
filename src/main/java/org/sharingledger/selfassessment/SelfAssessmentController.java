package org.sharingledger.selfassessment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.selfassessment.api.SelfAssessments;
import org.sharingledger.selfassessment.api.SelfAssessments.NewSelfAssessment;
import org.sharingledger.selfassessment.api.SelfAssessments.Return;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every step of a self-assessment round, as JSON. Its rules are {@link SelfAssessmentService}'s, which the pages use
 * too; reading rounds is on the read side.
 */
@RestController
@Tag(name = "Self-assessment", description = "Self-assessment rounds: the agencies' position statements")
class SelfAssessmentController {

    private final SelfAssessments rounds;

    SelfAssessmentController(SelfAssessments rounds) {
        this.rounds = rounds;
    }

    @PostMapping("/api/self-assessments")
    @Operation(
            summary = "Circulate a self-assessment round to every signed agency",
            description = "TRUST_REVIEWER. Circulated to every agency signed at this moment (the list is fixed);"
                    + " circulatedTo is how many (409 when none is signed). questions: 1 to 50, each {id, text} with"
                    + " ids unique. dueBy (an instant) any time in the future (400 otherwise). At dueBy the agencies"
                    + " that have not returned are recorded overdue.")
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody NewSelfAssessment body) {
        SelfAssessments.Opened opened = rounds.open(CurrentActor.get(), body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("selfAssessmentId", opened.selfAssessmentId());
        answer.put("status", opened.status());
        answer.put("circulatedTo", opened.circulatedTo());
        return ResponseEntity.created(URI.create("/api/self-assessments/" + opened.selfAssessmentId()))
                .body(answer);
    }

    @PostMapping("/api/self-assessments/{selfAssessmentId}/returns")
    @Operation(
            summary = "Return a round for an agency: an answer to every question and a position statement",
            description = "The agency's own NOMINATED_REPRESENTATIVE (403 otherwise); the agency must be one the round"
                    + " was circulated to (409 otherwise). Every question answered exactly once (YES, PARTLY or NO;"
                    + " evidence required for PARTLY and NO); the statement is required. 201 for the agency's first"
                    + " return, 200 for a later one (every return is kept, the last counts). A return at or after"
                    + " dueBy is taken and marked late.")
    public ResponseEntity<Map<String, Object>> submit(
            @PathVariable UUID selfAssessmentId, @Valid @RequestBody Return body) {
        SelfAssessments.Returned returned = rounds.submit(CurrentActor.get(), selfAssessmentId, body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("selfAssessmentId", returned.selfAssessmentId());
        answer.put("agencyId", returned.agencyId());
        answer.put("late", returned.late());
        return ResponseEntity.status(returned.first() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(answer);
    }
}
