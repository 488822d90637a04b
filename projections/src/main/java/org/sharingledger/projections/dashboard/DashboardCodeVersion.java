package org.sharingledger.projections.dashboard;

import org.sharingledger.projections.agencies.AgencyViews;
import org.sharingledger.projections.agencies.CodeVersions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An agency's dashboard page says which version of the Code of Practice the agency is on, and whether that is the
 * current Code ({@code codeVersion}, {@code currentCode}): kept apart from {@link DashboardPages} so that the page's
 * figures and the register stay separate.
 */
@ControllerAdvice(assignableTypes = DashboardPages.class)
class DashboardCodeVersion {

    private final AgencyViews agencies;
    private final CodeVersions codeVersions;

    DashboardCodeVersion(AgencyViews agencies, CodeVersions codeVersions) {
        this.agencies = agencies;
        this.codeVersions = codeVersions;
    }

    @ModelAttribute
    void codeVersion(@PathVariable(name = "agencyId", required = false) String agencyId, Model model) {
        model.addAttribute(
                "codeVersion",
                agencyId == null
                        ? null
                        : agencies.one(agencyId)
                                .map(AgencyViews.AgencyView::codeOfPracticeVersion)
                                .orElse(null));
        model.addAttribute(
                "currentCode", agencyId == null ? null : codeVersions.current().orElse(null));
    }
}
