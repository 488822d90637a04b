package org.sharingledger.projections.agreements;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.agreement.api.AgreementStatus;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agreements")
class AgreementViewController {

    private final AgreementViews views;

    AgreementViewController(AgreementViews views) {
        this.views = views;
    }

    @GetMapping("/api/agreements")
    @Operation(
            summary = "Information Sharing Protocols, newest first",
            description = "A PRACTITIONER or NOMINATED_REPRESENTATIVE sees its own agency's (agencyId, if given, "
                    + "must be it: 403 otherwise); a TRUST_REVIEWER or ADMIN any agency's, or every agreement "
                    + "without agencyId. status filters (AWAITING_SIGNATURES, ACTIVE, REVIEW_DUE, TERMINATED). A page "
                    + "at a time: page from 0, size 1 to 200 (default 50); X-Total-Count gives how many, and Link "
                    + "rel=\"next\" the next page's address.")
    public ResponseEntity<List<Map<String, Object>>> list(
            @RequestParam(required = false) String agencyId,
            @RequestParam(required = false) AgreementStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        String agency = agencyFor(CurrentActor.get(), agencyId);
        List<Map<String, Object>> items = views.page(agency, status, page, size).stream()
                .map(AgreementViewController::summary)
                .toList();
        return Paging.answer(items, page, size, views.count(agency, status));
    }

    @GetMapping("/api/agreements/{agreementId}")
    @Operation(
            summary = "One Information Sharing Protocol",
            description = "Its parties' users (PRACTITIONER, NOMINATED_REPRESENTATIVE), a TRUST_REVIEWER or ADMIN. "
                    + "The parties with whether and when each signed, its status, review date and history.")
    public Map<String, Object> one(@PathVariable UUID agreementId) {
        AgreementViews.AgreementView agreement =
                views.one(agreementId).orElseThrow(() -> new NotFound("no agreement " + agreementId));
        Actor actor = CurrentActor.get();
        if (!mayRead(actor, agreement)) {
            throw new NotPermitted("only the users of its parties (" + String.join(", ", agreement.parties())
                    + "), a TRUST_REVIEWER or an ADMIN may read this agreement");
        }
        Map<String, Object> answer = summary(agreement);
        answer.put("purpose", agreement.purpose());
        answer.put("dataItems", agreement.dataItems());
        answer.put("lawfulBasis", agreement.lawfulBasis());
        answer.put("proposedBy", agreement.proposedBy());
        answer.put("terminatedAt", agreement.terminatedAt());
        answer.put("terminationReason", agreement.terminationReason());
        answer.put(
                "parties",
                views.parties(agreementId).stream()
                        .map(party -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("agencyId", party.agencyId());
                            row.put("name", party.name());
                            row.put("signed", party.signed());
                            row.put("signedAt", party.signedAt());
                            row.put("signedBy", party.signedBy());
                            return row;
                        })
                        .toList());
        answer.put(
                "history",
                views.history(agreementId).stream()
                        .map(step -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("type", step.type());
                            row.put("recordedAt", step.recordedAt());
                            row.put("actor", step.actor());
                            row.put("agencyId", step.agencyId());
                            row.put("detail", step.detail());
                            return row;
                        })
                        .toList());
        return answer;
    }

    /** Whose agreements an actor may list: null for all. */
    static String agencyFor(Actor actor, String agencyId) {
        if (actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)) {
            return agencyId == null || agencyId.isBlank() ? null : agencyId;
        }
        if (actor.hasAny(Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE) && actor.agencyId() != null) {
            if (agencyId == null || agencyId.isBlank() || actor.actsFor(agencyId)) {
                return actor.agencyId();
            }
        }
        throw new NotPermitted("only a PRACTITIONER or NOMINATED_REPRESENTATIVE (their own agency's), a "
                + "TRUST_REVIEWER or an ADMIN may list agreements");
    }

    static boolean mayRead(Actor actor, AgreementViews.AgreementView agreement) {
        return actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)
                || (actor.hasAny(Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE)
                        && agreement.parties().contains(actor.agencyId()));
    }

    private static Map<String, Object> summary(AgreementViews.AgreementView agreement) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("agreementId", agreement.agreementId());
        row.put("title", agreement.title());
        row.put("status", agreement.status());
        row.put("reviewOn", agreement.reviewOn());
        row.put("parties", agreement.parties());
        row.put("proposedAt", agreement.proposedAt());
        return row;
    }
}
