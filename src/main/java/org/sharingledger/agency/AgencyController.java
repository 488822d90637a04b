package org.sharingledger.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agency.api.Registry;
import org.sharingledger.agency.api.Registry.Commissioning;
import org.sharingledger.agency.api.Registry.NewAgency;
import org.sharingledger.agency.api.Registry.NotificationAddress;
import org.sharingledger.agency.api.Registry.Representative;
import org.sharingledger.agency.api.Registry.Signature;
import org.sharingledger.agency.api.Registry.Withdrawal;
import org.sharingledger.kernel.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The registry of signatories (ADMIN), as JSON. Its rules are {@link AgencyRegistry}'s, which the administrators' pages
 * use too. Reading the registry is on the read side (projections).
 */
@RestController
@Tag(name = "Registry", description = "Signatory agencies of the Code of Practice")
class AgencyController {

    private final Registry registry;

    AgencyController(Registry registry) {
        this.registry = registry;
    }

    @PostMapping("/api/agencies")
    @Operation(summary = "Register a signatory agency")
    public ResponseEntity<Map<String, Object>> sign(@Valid @RequestBody NewAgency body) {
        registry.sign(body, CurrentActor.get());
        Map<String, Object> agency = new LinkedHashMap<>();
        agency.put("agencyId", body.agencyId());
        agency.put("name", body.name());
        agency.put("sector", body.sector());
        agency.put("localDeliveryArea", body.localDeliveryArea());
        agency.put("status", AgencyStatus.SIGNED);
        agency.put("signedOn", body.signedOn());
        agency.put("withdrawnOn", null);
        agency.put("codeOfPracticeVersion", body.codeOfPracticeVersion());
        agency.put("nominatedRepresentative", body.nominatedRepresentative().value());
        agency.put("notificationAddress", null);
        agency.put("commissionedBy", null);
        agency.put("contractReference", null);
        return ResponseEntity.created(URI.create("/api/agencies/" + body.agencyId()))
                .body(agency);
    }

    @PostMapping("/api/agencies/{agencyId}/withdrawal")
    @Operation(
            summary = "Record that an agency withdrew",
            description = "A withdrawn agency can neither make nor " + "receive new requests (409); its history stays.")
    public Map<String, Object> withdraw(@PathVariable String agencyId, @Valid @RequestBody Withdrawal body) {
        registry.withdraw(agencyId, body, CurrentActor.get());
        return Map.of("agencyId", agencyId, "status", AgencyStatus.WITHDRAWN, "withdrawnOn", body.withdrawnOn());
    }

    @PostMapping("/api/agencies/{agencyId}/signature")
    @Operation(
            summary = "Record that a withdrawn agency signed the Code of Practice again (ADMIN)",
            description = "Only a withdrawn agency (409 while it is signed); signedOn neither before it withdrew nor"
                    + " in the future. Without nominatedRepresentative it keeps the one it had. Its users stay"
                    + " disabled: an administrator enables them again.")
    public Map<String, Object> signAgain(@PathVariable String agencyId, @Valid @RequestBody Signature body) {
        registry.signAgain(agencyId, body, CurrentActor.get());
        Map<String, Object> agency = new LinkedHashMap<>();
        agency.put("agencyId", agencyId);
        agency.put("status", AgencyStatus.SIGNED);
        agency.put("signedOn", body.signedOn());
        agency.put("codeOfPracticeVersion", body.codeOfPracticeVersion());
        return agency;
    }

    @PostMapping("/api/agencies/{agencyId}/nominated-representative")
    @Operation(summary = "Name a new nominated representative")
    public Map<String, Object> changeRepresentative(
            @PathVariable String agencyId, @Valid @RequestBody Representative body) {
        registry.changeRepresentative(agencyId, body, CurrentActor.get());
        return Map.of("agencyId", agencyId, "nominatedRepresentative", body.value());
    }

    @PutMapping("/api/agencies/{agencyId}/notification-address")
    @Operation(
            summary = "Set where the agency's notifications are mailed",
            description = "ADMIN, or the agency's own NOMINATED_REPRESENTATIVE. Until an address is set, notifications"
                    + " go to the nominated representative's own e-mail. Setting the address it already has records"
                    + " nothing.")
    public Map<String, Object> setNotificationAddress(
            @PathVariable String agencyId, @Valid @RequestBody NotificationAddress body) {
        registry.setNotificationAddress(agencyId, body.email(), CurrentActor.get());
        return Map.of("agencyId", agencyId, "notificationAddress", body.email());
    }

    @PutMapping("/api/agencies/{agencyId}/commissioning")
    @Operation(
            summary = "Record which signatory commissions the agency (its provider, agent or subcontractor)",
            description = "ADMIN, or a NOMINATED_REPRESENTATIVE of the commissioning agency (commissionedBy), who may"
                    + " not take over a provider another agency commissions (409: that commissioner or an ADMIN ends it"
                    + " first). commissionedBy: a registered agency (400 otherwise), not the agency itself (400), not"
                    + " withdrawn (409), and not one the agency commissions, directly or further down (409). The same"
                    + " values again record nothing.")
    public Map<String, Object> recordCommissioning(
            @PathVariable String agencyId, @Valid @RequestBody Commissioning body) {
        registry.recordCommissioning(agencyId, body, CurrentActor.get());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put("commissionedBy", body.commissionedBy());
        answer.put("contractReference", blankToNull(body.contractReference()));
        return answer;
    }

    @DeleteMapping("/api/agencies/{agencyId}/commissioning")
    @Operation(
            summary = "End the agency's commissioning",
            description = "ADMIN, or a NOMINATED_REPRESENTATIVE of the agency that commissions it. 409 when no agency"
                    + " commissions it. The agency stays signed.")
    public Map<String, Object> endCommissioning(@PathVariable String agencyId) {
        registry.endCommissioning(agencyId, CurrentActor.get());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put("commissionedBy", null);
        answer.put("contractReference", null);
        return answer;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
