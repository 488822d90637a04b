package org.sharingledger.consultation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.consultation.api.ConsultationStatus;
import org.sharingledger.consultation.api.Consultations;
import org.sharingledger.consultation.api.Consultations.Adoption;
import org.sharingledger.consultation.api.Consultations.Answer;
import org.sharingledger.consultation.api.Consultations.Comment;
import org.sharingledger.consultation.api.Consultations.NewConsultation;
import org.sharingledger.kernel.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every step of a consultation on a new version of the Code of Practice, as JSON. Its rules are
 * {@link ConsultationService}'s, which the pages use too; reading consultations is on the read side.
 */
@RestController
@Tag(name = "Consultations", description = "Consultations on new versions of the Code of Practice, and adoption")
class ConsultationController {

    private final Consultations consultations;

    ConsultationController(Consultations consultations) {
        this.consultations = consultations;
    }

    @PostMapping("/api/consultations")
    @Operation(
            summary = "Circulate a new version of the Code to every signed agency",
            description = "TRUST_REVIEWER or ADMIN. Circulated to every agency signed at this moment (the list is"
                    + " fixed); circulatedTo is how many. codeVersion must be new (409 if adopted or already consulted"
                    + " on). respondBy (an instant) at least ledger.consultations.minimum-notice ahead (400). At"
                    + " respondBy the consultation closes and the agencies that never answered are deemed to agree.")
    public ResponseEntity<Map<String, Object>> open(@Valid @RequestBody NewConsultation body) {
        Consultations.Opened opened = consultations.open(CurrentActor.get(), body);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("consultationId", opened.consultationId());
        answer.put("status", opened.status());
        answer.put("circulatedTo", opened.circulatedTo());
        return ResponseEntity.created(URI.create("/api/consultations/" + opened.consultationId()))
                .body(answer);
    }

    @PostMapping("/api/consultations/{consultationId}/responses")
    @Operation(
            summary = "Answer a consultation for an agency: AGREE, OBJECT or WITHDRAW",
            description = "The agency's own NOMINATED_REPRESENTATIVE. OBJECT needs comments. The answer may be changed"
                    + " until respondBy; every answer is kept and the last one counts. After respondBy, or for an"
                    + " agency it was not circulated to: 409.")
    public Map<String, Object> respond(@PathVariable UUID consultationId, @Valid @RequestBody Answer body) {
        consultations.respond(CurrentActor.get(), consultationId, body);
        return Map.of(
                "consultationId", consultationId.toString(),
                "agencyId", body.agencyId(),
                "response", body.response());
    }

    @PostMapping("/api/consultations/{consultationId}/comments")
    @Operation(
            summary = "Add to the consultation's discussion",
            description = "A TRUST_REVIEWER (for the Trust) or the NOMINATED_REPRESENTATIVE of a circulated agency;"
                    + " kept in order. After adoption: 409.")
    public Map<String, Object> comment(@PathVariable UUID consultationId, @Valid @RequestBody Comment body) {
        consultations.comment(CurrentActor.get(), consultationId, body);
        return Map.of("consultationId", consultationId.toString());
    }

    @PostMapping("/api/consultations/{consultationId}/adoption")
    @Operation(
            summary = "Adopt the version consulted on as the current Code",
            description = "TRUST_REVIEWER, once, after the consultation closed (409 before respondBy or a second"
                    + " time). adoptedOn not before the consultation opened nor in the future. Every circulated agency"
                    + " whose last answer was not WITHDRAW moves to the new version; each that answered WITHDRAW is"
                    + " withdrawn on adoptedOn.")
    public Map<String, Object> adopt(@PathVariable UUID consultationId, @Valid @RequestBody Adoption body) {
        consultations.adopt(CurrentActor.get(), consultationId, body);
        return Map.of(
                "consultationId", consultationId.toString(),
                "status", ConsultationStatus.ADOPTED,
                "adoptedOn", body.adoptedOn());
    }
}
