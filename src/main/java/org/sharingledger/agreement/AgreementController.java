package org.sharingledger.agreement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.agreement.api.Agreements;
import org.sharingledger.agreement.api.Agreements.NewAgreement;
import org.sharingledger.agreement.api.Agreements.Review;
import org.sharingledger.agreement.api.Agreements.Signature;
import org.sharingledger.agreement.api.Agreements.Termination;
import org.sharingledger.kernel.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Information Sharing Protocols between signatories: each step. Reading them is on the read side. */
@RestController
@Tag(name = "Agreements", description = "Information Sharing Protocols between signatories")
class AgreementController {

    private final Agreements agreements;

    AgreementController(Agreements agreements) {
        this.agreements = agreements;
    }

    @PostMapping("/api/agreements")
    @Operation(
            summary = "Propose an Information Sharing Protocol",
            description = "By a NOMINATED_REPRESENTATIVE of one of its parties, or a TRUST_REVIEWER. At least two "
                    + "distinct parties (400), each a registered agency (400) signed to the Code (409). reviewOn is "
                    + "a date in the future. It awaits each party's signature.")
    public ResponseEntity<Map<String, Object>> propose(@Valid @RequestBody NewAgreement body) {
        Agreements.Proposed proposed = agreements.propose(CurrentActor.get(), body);
        return ResponseEntity.created(URI.create("/api/agreements/" + proposed.agreementId()))
                .body(Map.of("agreementId", proposed.agreementId(), "status", proposed.status()));
    }

    @PostMapping("/api/agreements/{agreementId}/signatures")
    @Operation(
            summary = "Sign the agreement for a party",
            description = "By that party's NOMINATED_REPRESENTATIVE (anyone else, a non-party's representative "
                    + "included: 403). Once only (409 after). When every party has signed it is ACTIVE.")
    public Map<String, Object> sign(@PathVariable UUID agreementId, @Valid @RequestBody Signature body) {
        return answer(agreementId, agreements.sign(CurrentActor.get(), agreementId, body));
    }

    @PostMapping("/api/agreements/{agreementId}/review")
    @Operation(
            summary = "Review the agreement and renew it",
            description = "By a party's NOMINATED_REPRESENTATIVE or a TRUST_REVIEWER, while ACTIVE or REVIEW_DUE "
                    + "(409 otherwise). nextReviewOn is a date in the future; the agreement is ACTIVE until then.")
    public Map<String, Object> review(@PathVariable UUID agreementId, @Valid @RequestBody Review body) {
        return answer(agreementId, agreements.review(CurrentActor.get(), agreementId, body));
    }

    @PostMapping("/api/agreements/{agreementId}/termination")
    @Operation(
            summary = "End the agreement",
            description = "By a party's NOMINATED_REPRESENTATIVE or a TRUST_REVIEWER; 409 when already terminated.")
    public Map<String, Object> terminate(@PathVariable UUID agreementId, @Valid @RequestBody Termination body) {
        return answer(agreementId, agreements.terminate(CurrentActor.get(), agreementId, body));
    }

    private static Map<String, Object> answer(UUID agreementId, AgreementStatus status) {
        return Map.of("agreementId", agreementId.toString(), "status", status);
    }
}
