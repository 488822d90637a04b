package org.sharingledger.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.sharingledger.access.api.AccountDirectory;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.rules.FreeText;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.timeline.api.GrantTimelineAccess;
import org.sharingledger.timeline.api.RevokeTimelineAccess;
import org.sharingledger.timeline.api.TimelineSubject;
import org.sharingledger.timeline.api.TimelineSubjects;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Grants of timeline access, given and revoked by the Trust (TRUST_REVIEWER) or an ADMIN. */
@RestController
@Tag(name = "Timelines", description = "Serious case review timelines: grants of access")
class GrantController {

    private final Commands commands;
    private final AccountDirectory accounts;
    private final SubjectPseudonyms pseudonyms;
    private final Clock clock;

    GrantController(Commands commands, AccountDirectory accounts, SubjectPseudonyms pseudonyms, Clock clock) {
        this.commands = commands;
        this.accounts = accounts;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    @PostMapping("/api/timeline-grants")
    @Operation(
            summary = "Grant a case reviewer access to one timeline",
            description = "TRUST_REVIEWER or ADMIN. "
                    + "The subject is exactly one of: nhsNumber, caseReference, or agencyId with localReference. The "
                    + "reviewer must hold CASE_REVIEWER and be someone other than the grantor (403 otherwise, recorded as a denied "
                    + "attempt). validUntil is an instant in the future.")
    public ResponseEntity<Map<String, Object>> grant(@Valid @RequestBody NewGrant body) {
        Actor actor = grantor();
        Actor reviewer = accounts.find(body.reviewer())
                .orElseThrow(() -> new InvalidInput("reviewer", "is not a user of the ledger"));
        if (!reviewer.has(Role.CASE_REVIEWER)) {
            throw new InvalidInput("reviewer", "must hold the role CASE_REVIEWER");
        }
        String grantId = UUID.randomUUID().toString();
        commands.send(
                new GrantTimelineAccess(
                        grantId,
                        body.reviewer(),
                        body.review(),
                        body.reason(),
                        body.validUntil(),
                        subject(body),
                        clock.instant(),
                        actor.username()),
                actor);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("grantId", grantId);
        created.put("reviewer", body.reviewer());
        created.put("review", body.review());
        created.put("validUntil", body.validUntil());
        return ResponseEntity.created(URI.create("/api/timeline-grants/" + grantId))
                .body(created);
    }

    @PostMapping("/api/timeline-grants/{grantId}/revocation")
    @Operation(
            summary = "Revoke a grant",
            description = "TRUST_REVIEWER or ADMIN. 409 when already revoked or " + "expired.")
    public Map<String, Object> revoke(@PathVariable UUID grantId, @Valid @RequestBody Revocation body) {
        Instant now = clock.instant();
        commands.send(new RevokeTimelineAccess(grantId.toString(), body.reason(), now), grantor());
        return Map.of("grantId", grantId.toString(), "revokedAt", now);
    }

    private static Actor grantor() {
        Actor actor = CurrentActor.get();
        if (!actor.hasAny(Role.TRUST_REVIEWER, Role.ADMIN)) {
            throw new NotPermitted("only a TRUST_REVIEWER or an ADMIN may give or revoke timeline grants");
        }
        return actor;
    }

    private TimelineSubject subject(NewGrant body) {
        return TimelineSubjects.from(
                body.nhsNumber(), body.caseReference(), body.agencyId(), body.localReference(), pseudonyms);
    }

    /** Never printed: it may carry an NHS number or a local reference. */
    record NewGrant(
            @FreeText @NotBlank @Size(max = 64) String reviewer,
            @FreeText @NotBlank @Size(max = 200) String review,
            @FreeText @NotBlank @Size(max = 4000) String reason,
            @NotNull Instant validUntil,
            @Size(max = 20) String nhsNumber,
            @FreeText @Size(max = 100) String caseReference,
            @FreeText @Size(max = 64) String agencyId,
            @Size(max = 100) String localReference) {
        @Override
        public String toString() {
            return "NewGrant[" + reviewer + ", " + review + "]";
        }
    }

    record Revocation(@FreeText @NotBlank @Size(max = 4000) String reason) {}
}
