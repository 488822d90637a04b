package org.sharingledger.agency;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.agency.api.AgencyMovedToCodeVersion;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.agency.api.AgencySignedAgain;
import org.sharingledger.agency.api.AgencyStatus;
import org.sharingledger.agency.api.AgencyWithdrawn;
import org.sharingledger.agency.api.ChangeNominatedRepresentative;
import org.sharingledger.agency.api.CommissioningEnded;
import org.sharingledger.agency.api.CommissioningRecorded;
import org.sharingledger.agency.api.EndCommissioning;
import org.sharingledger.agency.api.MoveToCodeVersion;
import org.sharingledger.agency.api.NominatedRepresentative;
import org.sharingledger.agency.api.NominatedRepresentativeChanged;
import org.sharingledger.agency.api.NotificationAddressSet;
import org.sharingledger.agency.api.RecordCommissioning;
import org.sharingledger.agency.api.SetNotificationAddress;
import org.sharingledger.agency.api.SignAgency;
import org.sharingledger.agency.api.SignAgencyAgain;
import org.sharingledger.agency.api.WithdrawAgency;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.StepNotAllowed;

/** A signatory of the Code of Practice. */
@Aggregate
class Agency {

    @AggregateIdentifier
    private String agencyId;

    private LocalDate signedOn;
    private AgencyStatus status;
    private NominatedRepresentative representative;
    private String notificationAddress;
    private LocalDate withdrawnOn;
    private String codeVersion;
    private String commissionedBy;
    private String contractReference;

    protected Agency() {}

    @CommandHandler
    Agency(SignAgency command) {
        if (command.signedOn().isAfter(LocalDate.ofInstant(command.recordedAt(), ZoneOffset.UTC))) {
            throw new InvalidInput("signedOn", "must not be in the future");
        }
        apply(new AgencySigned(
                command.agencyId(),
                command.name(),
                command.sector(),
                command.localDeliveryArea(),
                command.nominatedRepresentative(),
                command.signedOn(),
                command.codeOfPracticeVersion(),
                command.recordedAt()));
    }

    @CommandHandler
    void handle(WithdrawAgency command) {
        if (status == AgencyStatus.WITHDRAWN) {
            throw new StepNotAllowed("the agency has already withdrawn");
        }
        if (command.withdrawnOn().isBefore(signedOn)) {
            throw new InvalidInput("withdrawnOn", "must not be before the agency signed (" + signedOn + ")");
        }
        if (command.withdrawnOn().isAfter(LocalDate.ofInstant(command.recordedAt(), ZoneOffset.UTC))) {
            throw new InvalidInput("withdrawnOn", "must not be in the future");
        }
        apply(new AgencyWithdrawn(agencyId, command.withdrawnOn(), command.reason(), command.recordedAt()));
    }

    /**
     * Only a withdrawn agency signs again, on a day neither before it withdrew nor in the future; without a new
     * representative it keeps the one it had.
     */
    @CommandHandler
    void handle(SignAgencyAgain command) {
        if (status != AgencyStatus.WITHDRAWN) {
            throw new StepNotAllowed("the agency is still signed; only a withdrawn agency may sign again");
        }
        if (command.signedOn().isBefore(withdrawnOn)) {
            throw new InvalidInput("signedOn", "must not be before the agency withdrew (" + withdrawnOn + ")");
        }
        if (command.signedOn().isAfter(LocalDate.ofInstant(command.recordedAt(), ZoneOffset.UTC))) {
            throw new InvalidInput("signedOn", "must not be in the future");
        }
        apply(new AgencySignedAgain(
                agencyId,
                command.signedOn(),
                command.codeOfPracticeVersion(),
                command.nominatedRepresentative() != null ? command.nominatedRepresentative() : representative,
                withdrawnOn,
                command.recordedAt()));
    }

    /** Only a signed agency moves to an adopted version; moving to the version it is on records nothing. */
    @CommandHandler
    void handle(MoveToCodeVersion command) {
        if (status == AgencyStatus.WITHDRAWN) {
            throw new StepNotAllowed("the agency has withdrawn");
        }
        if (command.codeVersion() == null || command.codeVersion().isBlank()) {
            throw new InvalidInput("codeVersion", "must not be blank");
        }
        if (command.codeVersion().equals(codeVersion)) {
            return;
        }
        apply(new AgencyMovedToCodeVersion(
                agencyId,
                codeVersion,
                command.codeVersion(),
                command.consultationId(),
                command.effectiveOn(),
                command.recordedAt()));
    }

    @CommandHandler
    void handle(ChangeNominatedRepresentative command) {
        if (status == AgencyStatus.WITHDRAWN) {
            throw new StepNotAllowed("the agency has withdrawn");
        }
        apply(new NominatedRepresentativeChanged(
                agencyId, representative, command.nominatedRepresentative(), command.recordedAt()));
    }

    /** Setting the address it already has records nothing, so a repeated PUT is harmless. */
    @CommandHandler
    void handle(SetNotificationAddress command) {
        if (status == AgencyStatus.WITHDRAWN) {
            throw new StepNotAllowed("the agency has withdrawn");
        }
        if (command.email() == null || command.email().isBlank()) {
            throw new InvalidInput("email", "must not be blank");
        }
        if (command.email().equals(notificationAddress)) {
            return;
        }
        apply(new NotificationAddressSet(agencyId, notificationAddress, command.email(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(AgencySigned event) {
        agencyId = event.agencyId();
        signedOn = event.signedOn();
        status = AgencyStatus.SIGNED;
        representative = event.nominatedRepresentative();
        codeVersion = event.codeOfPracticeVersion();
    }

    @EventSourcingHandler
    void on(AgencyWithdrawn event) {
        status = AgencyStatus.WITHDRAWN;
        withdrawnOn = event.withdrawnOn();
    }

    @EventSourcingHandler
    void on(AgencySignedAgain event) {
        signedOn = event.signedOn();
        status = AgencyStatus.SIGNED;
        representative = event.nominatedRepresentative();
        codeVersion = event.codeOfPracticeVersion();
    }

    @EventSourcingHandler
    void on(AgencyMovedToCodeVersion event) {
        codeVersion = event.codeVersion();
    }

    @EventSourcingHandler
    void on(NominatedRepresentativeChanged event) {
        representative = event.current();
    }

    @EventSourcingHandler
    void on(NotificationAddressSet event) {
        notificationAddress = event.email();
    }

    /**
     * Who commissions the agency, and under which contract. The same commissioner and reference again records
     * nothing, as a repeated PUT should. A withdrawn agency may still have its commissioning recorded: that it is
     * commissioned yet not signed is exactly what its commissioner's contracts officer needs to see.
     */
    @CommandHandler
    void handle(RecordCommissioning command) {
        if (command.commissionedBy() == null || command.commissionedBy().isBlank()) {
            throw new InvalidInput("commissionedBy", "must not be blank");
        }
        if (command.commissionedBy().equals(agencyId)) {
            throw new InvalidInput("commissionedBy", "must be another agency, not the agency itself");
        }
        String reference = command.contractReference() == null
                        || command.contractReference().isBlank()
                ? null
                : command.contractReference().strip();
        if (command.commissionedBy().equals(commissionedBy) && Objects.equals(reference, contractReference)) {
            return;
        }
        apply(new CommissioningRecorded(
                agencyId,
                commissionedBy,
                contractReference,
                command.commissionedBy(),
                reference,
                command.recordedAt()));
    }

    @CommandHandler
    void handle(EndCommissioning command) {
        if (commissionedBy == null) {
            throw new StepNotAllowed("agency " + agencyId + " is not commissioned by any agency");
        }
        apply(new CommissioningEnded(agencyId, commissionedBy, contractReference, command.recordedAt()));
    }

    @EventSourcingHandler
    void on(CommissioningRecorded event) {
        commissionedBy = event.commissionedBy();
        contractReference = event.contractReference();
    }

    @EventSourcingHandler
    void on(CommissioningEnded event) {
        commissionedBy = null;
        contractReference = null;
    }
}
