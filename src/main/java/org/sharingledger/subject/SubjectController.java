package org.sharingledger.subject;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.rules.FreeText;
import org.sharingledger.platform.rules.InvalidInput;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of a child's personal details, by an administrator. */
@RestController
@Tag(name = "Subjects", description = "A child's personal details and their erasure")
class SubjectController {

    private final SubjectErasures erasures;
    private final SubjectPseudonyms pseudonyms;
    private final Clock clock;

    SubjectController(SubjectErasures erasures, SubjectPseudonyms pseudonyms, Clock clock) {
        this.erasures = erasures;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @PostMapping("/api/subjects/erasure")
    @Operation(
            summary = "Erase a child's personal details (name and date of birth)",
            description = "ADMIN only. "
                    + "The child is given as in requests: nhsNumber, or localReference with the agencyId whose reference it "
                    + "is (exactly one). legalBasis and reason: 1 to 500 characters, recorded with the erasure. Destroys "
                    + "the child's own key, so the details read as erased in every request about the child (with "
                    + "erasedAt) while everything else in their history stays as it was. Answers {erasedAt} and never "
                    + "the identifier. 404 when the ledger holds no personal details for the child; 409 when they were "
                    + "already erased. A later request may carry the child's details again, under a new key; they can "
                    + "then be erased again. The ledger also erases, by itself, details that no request has carried for "
                    + "the retention period (ledger.subjects.retention).")
    public Map<String, Object> erase(@Valid @RequestBody Erasure body) {
        Actor actor = CurrentActor.get();
        Instant now = clock.instant();
        erasures.erase(
                pseudonym(body), actor, body.legalBasis().strip(), body.reason().strip(), now);
        return Map.of("erasedAt", now);
    }

    private String pseudonym(Erasure body) {
        boolean nhs = present(body.nhsNumber());
        boolean local = present(body.localReference()) || present(body.agencyId());
        if (nhs == local) {
            throw new InvalidInput("subject", "give exactly one of nhsNumber, or localReference with agencyId");
        }
        if (nhs) {
            return pseudonyms.of(NhsNumber.parse(body.nhsNumber())
                    .orElseThrow(() -> new InvalidInput(
                            "nhsNumber", "is not a valid NHS number (10 digits with a valid check digit)")));
        }
        if (!present(body.agencyId()) || !present(body.localReference())) {
            throw new InvalidInput(
                    present(body.agencyId()) ? "localReference" : "agencyId",
                    "is required with " + (present(body.agencyId()) ? "agencyId" : "localReference"));
        }
        return pseudonyms.ofLocalReference(body.agencyId().strip(), body.localReference());
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** Never printed: it carries an NHS number or a local reference. */
    record Erasure(
            @Size(max = 20) String nhsNumber,
            @Size(max = 100) String localReference,
            @FreeText @Size(max = 64) String agencyId,

            @FreeText @NotBlank @Size(max = SubjectRecord.TEXT)
            String legalBasis,

            @FreeText @NotBlank @Size(max = SubjectRecord.TEXT)
            String reason) {
        @Override
        public String toString() {
            return "Erasure[redacted]";
        }
    }
}
