package org.sharingledger.projections.agencies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.sharingledger.platform.rules.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Registry")
class AgencyViewController {

    private final AgencyViews views;

    AgencyViewController(AgencyViews views) {
        this.views = views;
    }

    @GetMapping("/api/agencies")
    @Operation(summary = "The register of signatories, signed and withdrawn (any signed-in user)")
    public List<AgencyViews.AgencyView> all() {
        return views.all();
    }

    @GetMapping("/api/agencies/{agencyId}")
    @Operation(summary = "One signatory")
    public AgencyViews.AgencyView one(@PathVariable String agencyId) {
        return views.one(agencyId).orElseThrow(() -> new NotFound("no agency " + agencyId));
    }
}
