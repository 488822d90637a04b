package org.sharingledger.projections.agencies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.platform.rules.DateBounds;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register on a given day, and how it changed between two days. */
@RestController
@Tag(name = "Registry")
class MembershipController {

    private final Membership membership;
    private final Clock clock;

    MembershipController(Membership membership, Clock clock) {
        this.membership = membership;
        this.clock = clock;
    }

    @GetMapping(path = "/api/agencies", params = "asOf")
    @Operation(
            summary = "The signatories as they stood on a day (any signed-in user)",
            description = "By the dates things happened (signedOn, withdrawnOn), whatever day they were recorded. An"
                    + " agency withdrawn on a day is no longer a signatory on it. Each with the period of membership"
                    + " that covers the day: its signedOn, its withdrawnOn (null while it lasts), and the version of the"
                    + " Code it was on that day. asOf: YYYY-MM-DD, from 1990-01-01 to ten years ahead.")
    public List<Membership.Signatory> asOf(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        DateBounds.check("asOf", asOf, "asOf", null, clock);
        return membership.on(asOf);
    }

    @GetMapping("/api/membership")
    @Operation(
            summary = "How the register changed between two days (TRUST_REVIEWER, ADMIN, NOMINATED_REPRESENTATIVE)",
            description = "from/to: YYYY-MM-DD, both included; default to today (UTC) and from a year before it."
                    + " joined: the periods of membership that began in it; withdrawn: those that ended in it; atStart:"
                    + " the signatories on the day before from; atEnd: those on to; bySector: both counts for every"
                    + " sector. atEnd = atStart + joined - withdrawn.")
    public Membership.Changes changes(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Membership.requireReader(CurrentActor.get());
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
        DateBounds.check("from", start, "to", end, clock);
        return membership.between(start, end);
    }
}
