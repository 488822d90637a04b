package org.sharingledger.projections.selfassessments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Self-assessment")
class SelfAssessmentViewController {

    private final SelfAssessmentViews views;

    SelfAssessmentViewController(SelfAssessmentViews views) {
        this.views = views;
    }

    @GetMapping("/api/self-assessments")
    @Operation(
            summary = "Self-assessment rounds, newest first",
            description = "TRUST_REVIEWER, ADMIN or a NOMINATED_REPRESENTATIVE (403 otherwise). Each with how many"
                    + " agencies it was circulated to, how many returned it and how many are overdue. A page at a time:"
                    + " page from 0, size 1 to 200 (default 50); X-Total-Count gives how many, and Link rel=\"next\""
                    + " the next page's address.")
    public ResponseEntity<List<SelfAssessmentViews.Summary>> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        SelfAssessmentReaders.agencyOf(CurrentActor.get());
        return Paging.answer(views.list(size, Paging.offset(page, size)), page, size, views.count());
    }

    @GetMapping("/api/self-assessments/{selfAssessmentId}")
    @Operation(
            summary = "One self-assessment round: who has returned, who is outstanding",
            description = "TRUST_REVIEWER and ADMIN see every agency's last return (answers and statement) and every"
                    + " outstanding agency (overdue once dueBy passed). A NOMINATED_REPRESENTATIVE sees the round, its"
                    + " counts and only its own agency's entry. Others: 403.")
    public SelfAssessmentViews.Detail one(@PathVariable UUID selfAssessmentId) {
        String agencyId = SelfAssessmentReaders.agencyOf(CurrentActor.get());
        return views.one(selfAssessmentId.toString())
                .map(detail -> detail.seenBy(agencyId))
                .orElseThrow(() -> new NotFound("no self-assessment round " + selfAssessmentId));
    }
}
