package org.sharingledger.projections.consultations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.sharingledger.consultation.api.ConsultationStatus;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Consultations")
class ConsultationViewController {

    private final ConsultationViews views;

    ConsultationViewController(ConsultationViews views) {
        this.views = views;
    }

    @GetMapping("/api/consultations")
    @Operation(
            summary = "Consultations on new versions of the Code, newest first (any signed-in user)",
            description = "Each with its tally {AGREE, OBJECT, WITHDRAW, DEEMED_AGREED, AWAITING}. status: only"
                    + " OPEN, CLOSED or ADOPTED ones; agencyId: only those circulated to that agency. A page at a"
                    + " time: page from 0, size 1 to 200 (default 50); X-Total-Count gives how many, and Link"
                    + " rel=\"next\" the next page's address.")
    public ResponseEntity<List<ConsultationViews.Summary>> list(
            @RequestParam(required = false) ConsultationStatus status,
            @RequestParam(required = false) @Size(max = 64) String agencyId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return Paging.answer(
                views.list(status, agencyId, size, Paging.offset(page, size)),
                page,
                size,
                views.count(status, agencyId));
    }

    @GetMapping("/api/consultations/{consultationId}")
    @Operation(
            summary = "One consultation (any signed-in user)",
            description = "With its tally, every circulated agency's standing in responses (its last answer, or"
                    + " DEEMED_AGREED, or AWAITING; with the history of its answers) and the discussion in order"
                    + " (agencyId null when the Trust wrote).")
    public ConsultationViews.Detail one(@PathVariable UUID consultationId) {
        return views.one(consultationId.toString())
                .orElseThrow(() -> new NotFound("no consultation " + consultationId));
    }
}
