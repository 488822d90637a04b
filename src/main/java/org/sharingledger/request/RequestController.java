package org.sharingledger.request;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.request.api.Requests;
import org.sharingledger.request.api.Requests.Escalation;
import org.sharingledger.request.api.Requests.NewRequest;
import org.sharingledger.request.api.Requests.Refusal;
import org.sharingledger.request.api.Requests.Resolution;
import org.sharingledger.request.api.Requests.Share;
import org.sharingledger.request.api.Requests.Withdrawal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every step of a sharing request, for practitioners and their systems. Reading requests is on the read side.
 */
@RestController
@Tag(name = "Requests", description = "Requests for information about a child, decisions and escalations")
class RequestController {

    private final Requests requests;

    RequestController(Requests requests) {
        this.requests = requests;
    }

    @PostMapping("/api/requests")
    @Operation(
            summary = "Request information about a child from another agency",
            description = "By a PRACTITIONER or NOMINATED_REPRESENTATIVE of requestingAgencyId. The child is given "
                    + "by NHS number (10 digits, spaces allowed, valid check digit) or by the requesting agency's "
                    + "local reference, exactly one; neither is ever stored in clear. subject may also carry the "
                    + "child's name (1 to 200 characters, trimmed) and dateOfBirth (YYYY-MM-DD, not in the future, "
                    + "not before 1990-01-01), each optional, so that practitioners recognise the child. The "
                    + "identifier, name and date of birth are stored only encrypted under a key of the child's own "
                    + "(so that the holding agency can find the child in its records), shown only on "
                    + "GET /api/requests/{id}, and can be erased (POST /api/subjects/erasure). Unknown agency: 400; "
                    + "withdrawn agency: 409. "
                    + "agreementId (optional): the Information Sharing Protocol the request is made under; only one "
                    + "ACTIVE between the two agencies may be cited (409 otherwise). "
                    + "dueBy follows the urgency's allowance.")
    public ResponseEntity<Map<String, Object>> request(@Valid @RequestBody NewRequest body) {
        Requests.Made made = requests.make(CurrentActor.get(), body);
        return ResponseEntity.created(URI.create("/api/requests/" + made.requestId()))
                .body(Map.of("requestId", made.requestId(), "status", made.status(), "dueBy", made.dueBy()));
    }

    /** What every decision's description says about training. */
    private static final String TRAINING = "Records whether the caller held a passed, unexpired "
            + "ONLINE_INFORMATION_SHARING training record that day (actorAccredited); with ledger.training.required=true "
            + "a caller without one is refused (409) and nothing is recorded.";

    @PostMapping("/api/requests/{requestId}/share")
    @Operation(
            summary = "Share the information, in full or in part",
            description = "By the holding agency. PARTIAL "
                    + "needs withheldReason. occurredAt: when the decision was really made if recorded later; not in the "
                    + "future, not before the request. " + TRAINING)
    public Map<String, Object> share(@PathVariable UUID requestId, @Valid @RequestBody Share body) {
        return answer(requestId, requests.share(CurrentActor.get(), requestId, body));
    }

    @PostMapping("/api/requests/{requestId}/refusal")
    @Operation(
            summary = "Refuse the request, with a reason and a rationale",
            description = "By the holding agency. " + TRAINING)
    public Map<String, Object> refuse(@PathVariable UUID requestId, @Valid @RequestBody Refusal body) {
        return answer(requestId, requests.refuse(CurrentActor.get(), requestId, body));
    }

    @PostMapping("/api/requests/{requestId}/escalations")
    @Operation(
            summary = "Escalate a refusal or partial share",
            description = "By the requesting agency, after "
                    + "REFUSED or PARTIALLY_SHARED, or after REFUSAL_UPHELD to a strictly later stage.")
    public Map<String, Object> escalate(@PathVariable UUID requestId, @Valid @RequestBody Escalation body) {
        return answer(requestId, requests.escalate(CurrentActor.get(), requestId, body));
    }

    @PostMapping("/api/requests/{requestId}/escalations/resolution")
    @Operation(
            summary = "Resolve the open escalation",
            description = "By the holding agency's "
                    + "NOMINATED_REPRESENTATIVE at agency stages, a TRUST_REVIEWER at SAFEGUARDING_PARTNERSHIP. SHARED needs "
                    + "informationShared and method. " + TRAINING)
    public Map<String, Object> resolve(@PathVariable UUID requestId, @Valid @RequestBody Resolution body) {
        return answer(requestId, requests.resolve(CurrentActor.get(), requestId, body));
    }

    @PostMapping("/api/requests/{requestId}/withdrawal")
    @Operation(summary = "Withdraw the request", description = "By the requesting agency, before any decision.")
    public Map<String, Object> withdraw(@PathVariable UUID requestId, @Valid @RequestBody Withdrawal body) {
        return answer(requestId, requests.withdraw(CurrentActor.get(), requestId, body));
    }

    private static Map<String, Object> answer(UUID requestId, Object status) {
        return Map.of("requestId", requestId.toString(), "status", status);
    }
}
