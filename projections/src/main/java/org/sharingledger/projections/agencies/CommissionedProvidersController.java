package org.sharingledger.projections.agencies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registry")
class CommissionedProvidersController {

    private final CommissionedProviders providers;

    CommissionedProvidersController(CommissionedProviders providers) {
        this.providers = providers;
    }

    @GetMapping("/api/agencies/{agencyId}/commissioned")
    @Operation(
            summary = "The providers, agents and subcontractors an agency commissions",
            description = "ADMIN, TRUST_REVIEWER, or that agency's NOMINATED_REPRESENTATIVE. By name; for each, its"
                    + " contract reference, whether it is SIGNED or WITHDRAWN (and since when), its version of the"
                    + " Code and whether that is the current one (onCurrentVersion: signed and on the current"
                    + " version). A page at a time: page from 0, size 1 to 200 (default 50); X-Total-Count gives"
                    + " how many, and Link rel=\"next\" the next page's address.")
    public ResponseEntity<List<CommissionedProviders.Provider>> commissioned(
            @PathVariable String agencyId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        providers.requireVisibleTo(CurrentActor.get(), agencyId);
        return Paging.answer(
                providers.page(agencyId, size, Paging.offset(page, size)), page, size, providers.count(agencyId));
    }
}
