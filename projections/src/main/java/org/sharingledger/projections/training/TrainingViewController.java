package org.sharingledger.projections.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.DateBounds;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Training as read: the summary of who was trained in a period, and the records, a page at a time. */
@RestController
@Tag(name = "Training")
class TrainingViewController {

    private final TrainingViews views;
    private final Clock clock;

    TrainingViewController(TrainingViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @GetMapping("/api/training/summary")
    @Operation(
            summary = "Attendances and people trained in a period (ADMIN, TRUST_REVIEWER, NOMINATED_REPRESENTATIVE)",
            description = "By the day each course was completed, whenever it was recorded. from/to: YYYY-MM-DD, both"
                    + " included, either may be left out (no bound). agencyId: one agency's, or every agency's without"
                    + " it; a NOMINATED_REPRESENTATIVE must give its own (403 for another). A person is counted once"
                    + " however often they attended: the same username, or the same agency and name (case and spacing"
                    + " aside). byCourse has every course, zeros included; byAgency the agencies with anyone trained,"
                    + " by name.")
    public TrainingViews.Summary summary(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agencyId) {
        String agency = agencyFor(CurrentActor.get(), agencyId);
        DateBounds.check("from", from, "to", to, clock);
        return views.summary(from, to, agency);
    }

    @GetMapping("/api/training-records")
    @Operation(
            summary = "Training records, newest completedOn first (ADMIN, TRUST_REVIEWER, NOMINATED_REPRESENTATIVE)",
            description = "One agency's (agencyId; a NOMINATED_REPRESENTATIVE must give its own, 403 for another), or"
                    + " every agency's without it. A page at a time: page from 0, size 1 to 200 (default 50);"
                    + " X-Total-Count gives how many, and Link rel=\"next\" the next page's address.")
    public ResponseEntity<List<TrainingViews.Attendance>> records(
            @RequestParam(required = false) String agencyId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String agency = agencyFor(CurrentActor.get(), agencyId);
        return Paging.answer(views.page(agency, page, size), page, size, views.count(agency));
    }

    /**
     * Whose training an actor may read: any agency's, or all (null), for the Trust and an administrator; its own
     * agency's for a nominated representative, who must name it.
     */
    static String agencyFor(Actor actor, String agencyId) {
        String asked = agencyId == null || agencyId.isBlank() ? null : agencyId.strip();
        if (actor.hasAny(Role.ADMIN, Role.TRUST_REVIEWER)) {
            return asked;
        }
        if (actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null) {
            if (asked == null) {
                throw new InvalidInput(
                        "agencyId", "is required: a nominated representative reads its own agency's training");
            }
            if (actor.actsFor(asked)) {
                return asked;
            }
        }
        throw new NotPermitted(
                "only an ADMIN, a TRUST_REVIEWER or the agency's own NOMINATED_REPRESENTATIVE may read its training");
    }
}
