package org.sharingledger.projections.requests;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.RequestSteps;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Requests")
class RequestViewController {

    private final RequestViews views;

    RequestViewController(RequestViews views) {
        this.views = views;
    }

    @GetMapping("/api/requests/{requestId}")
    @Operation(
            summary = "One request, its decision, escalation and full history",
            description = "The practitioners and nominated representatives of either agency, and TRUST_REVIEWERs (a "
                    + "user of either agency with another role, a CASE_REVIEWER say, gets 403). Reflects every step whose POST has answered. "
                    + "subject shows the child's details, decrypted now: to the users of the two agencies the "
                    + "identifier the request named the child by (nhsNumber or localReference), so that the holder "
                    + "can find the child in its records; to them and the Trust the name and dateOfBirth when the "
                    + "request carried them. Once erased (POST /api/subjects/erasure, or at the end of the "
                    + "retention period), {erased: true, erasedAt}. No subject when there is nothing to show.")
    public Map<String, Object> one(@PathVariable UUID requestId) {
        RequestViews.Parties parties =
                views.parties(requestId).orElseThrow(() -> new NotFound("no request " + requestId));
        Actor actor = CurrentActor.get();
        if (!RequestSteps.mayRead(actor, parties.requestingAgencyId(), parties.holdingAgencyId())) {
            throw new NotPermitted("only the practitioners and nominated representatives of the requesting or the "
                    + "holding agency, or a TRUST_REVIEWER, may see this request");
        }
        boolean party = RequestSteps.partyTo(actor, parties.requestingAgencyId(), parties.holdingAgencyId());
        return views.one(requestId, party).orElseThrow(() -> new NotFound("no request " + requestId));
    }

    @GetMapping("/api/requests")
    @Operation(
            summary = "A page of request summaries, newest first",
            description =
                    "agencyId defaults to your own agency, whose PRACTITIONERs and NOMINATED_REPRESENTATIVEs may list it; a "
                            + "TRUST_REVIEWER may name any agency or none (all). "
                            + "side: HOLDER (received) or REQUESTER (made); both when absent. page from 0; size 1 to 100, "
                            + "default 20.")
    public RequestViews.Page list(
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) Side side,
            @RequestParam(required = false) RequestStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Actor actor = CurrentActor.get();
        String agency = agencyId != null ? agencyId : actor.agencyId();
        boolean trust = actor.has(Role.TRUST_REVIEWER);
        if (agency == null && !trust) {
            throw new InvalidInput("agencyId", "is required for a user without an agency");
        }
        if (agency != null && !RequestSteps.mayList(actor, agency)) {
            throw new NotPermitted("only the practitioners and nominated representatives of " + agency
                    + ", or a TRUST_REVIEWER, may list its requests");
        }
        return views.page(agency, side == null ? null : side.name(), status == null ? null : status.name(), page, size);
    }

    /** Which side of the requests to list. */
    enum Side {
        HOLDER,
        REQUESTER
    }
}
