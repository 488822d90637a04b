package org.sharingledger.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agency.api.ChangeNominatedRepresentative;
import org.sharingledger.agency.api.NominatedRepresentative;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.agency.api.SetNotificationAddress;
import org.sharingledger.agency.api.SignAgency;
import org.sharingledger.agency.api.WithdrawAgency;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.Commands;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The registry of signatories (ADMIN). Reading the registry is on the read side (projections). */
@RestController
@Tag(name = "Registry", description = "Signatory agencies of the Code of Practice")
class AgencyController {

    private final Commands commands;
    private final AgencyDirectory directory;
    private final Clock clock;

    AgencyController(Commands commands, AgencyDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping("/api/agencies")
    @Operation(summary = "Register a signatory agency")
    public ResponseEntity<Map<String, Object>> sign(@Valid @RequestBody NewAgency body) {
        if (directory.find(body.agencyId()).isPresent()) {
            throw new StepNotAllowed("agency " + body.agencyId() + " is already registered");
        }
        NominatedRepresentative representative = body.nominatedRepresentative().value();
        commands.send(
                new SignAgency(
                        body.agencyId(),
                        body.name(),
                        body.sector(),
                        body.localDeliveryArea(),
                        representative,
                        body.signedOn(),
                        body.codeOfPracticeVersion(),
                        clock.instant()),
                CurrentActor.get());
        Map<String, Object> agency = new LinkedHashMap<>();
        agency.put("agencyId", body.agencyId());
        agency.put("name", body.name());
        agency.put("sector", body.sector());
        agency.put("localDeliveryArea", body.localDeliveryArea());
        agency.put("status", AgencyStatus.SIGNED);
        agency.put("signedOn", body.signedOn());
        agency.put("withdrawnOn", null);
        agency.put("codeOfPracticeVersion", body.codeOfPracticeVersion());
        agency.put("nominatedRepresentative", representative);
        agency.put("notificationAddress", null);
        return ResponseEntity.created(URI.create("/api/agencies/" + body.agencyId()))
                .body(agency);
    }

    @PostMapping("/api/agencies/{agencyId}/withdrawal")
    @Operation(
            summary = "Record that an agency withdrew",
            description = "A withdrawn agency can neither make nor " + "receive new requests (409); its history stays.")
    public Map<String, Object> withdraw(@PathVariable String agencyId, @Valid @RequestBody Withdrawal body) {
        requireKnown(agencyId);
        commands.send(
                new WithdrawAgency(agencyId, body.withdrawnOn(), body.reason(), clock.instant()), CurrentActor.get());
        return Map.of("agencyId", agencyId, "status", AgencyStatus.WITHDRAWN, "withdrawnOn", body.withdrawnOn());
    }

    @PostMapping("/api/agencies/{agencyId}/nominated-representative")
    @Operation(summary = "Name a new nominated representative")
    public Map<String, Object> changeRepresentative(
            @PathVariable String agencyId, @Valid @RequestBody Representative body) {
        requireKnown(agencyId);
        commands.send(new ChangeNominatedRepresentative(agencyId, body.value(), clock.instant()), CurrentActor.get());
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
        Actor actor = CurrentActor.get();
        if (!actor.has(Role.ADMIN) && !(actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.actsFor(agencyId))) {
            throw new NotPermitted(
                    "only an administrator or the agency's own nominated representative may set its address");
        }
        requireKnown(agencyId);
        commands.send(new SetNotificationAddress(agencyId, body.email(), clock.instant()), actor);
        return Map.of("agencyId", agencyId, "notificationAddress", body.email());
    }

    private void requireKnown(String agencyId) {
        if (directory.find(agencyId).isEmpty()) {
            throw new NotFound("no agency " + agencyId);
        }
    }

    record NewAgency(
            @NotNull
            @Pattern(
                    regexp = "[a-z0-9][a-z0-9-]{1,63}",
                    message = "must be 2 to 64 lower-case letters, digits or hyphens, starting with a letter or digit")
            String agencyId,

            @NotBlank @Size(max = 200) String name,
            @NotNull Sector sector,
            @Size(max = 100) String localDeliveryArea,
            @NotNull @Valid Representative nominatedRepresentative,
            @NotNull LocalDate signedOn,
            @NotBlank @Size(max = 50) String codeOfPracticeVersion) {}

    record Representative(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 254) String email) {
        NominatedRepresentative value() {
            return new NominatedRepresentative(name, email);
        }
    }

    record NotificationAddress(
            @NotBlank @Email @Size(max = 254) String email) {}

    record Withdrawal(
            @NotNull LocalDate withdrawnOn,
            @NotBlank @Size(max = 2000) String reason) {}
}
