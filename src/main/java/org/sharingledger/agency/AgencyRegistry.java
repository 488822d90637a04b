package org.sharingledger.agency;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.agency.api.AgencyDirectory.RegisteredAgency;
import org.sharingledger.agency.api.ChangeNominatedRepresentative;
import org.sharingledger.agency.api.EndCommissioning;
import org.sharingledger.agency.api.RecordCommissioning;
import org.sharingledger.agency.api.Registry;
import org.sharingledger.agency.api.SetNotificationAddress;
import org.sharingledger.agency.api.SignAgency;
import org.sharingledger.agency.api.SignAgencyAgain;
import org.sharingledger.agency.api.WithdrawAgency;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.platform.web.Commands;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register's rules, ahead of the {@code Agency} aggregate's own: for the JSON API and the pages alike. */
@Service
class AgencyRegistry implements Registry {

    private final Commands commands;
    private final AgencyDirectory directory;
    private final Clock clock;

    AgencyRegistry(Commands commands, AgencyDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void sign(NewAgency agency, Actor actor) {
        if (directory.find(agency.agencyId()).isPresent()) {
            throw new StepNotAllowed("agency " + agency.agencyId() + " is already registered");
        }
        commands.send(
                new SignAgency(
                        agency.agencyId(),
                        agency.name(),
                        agency.sector(),
                        agency.localDeliveryArea(),
                        agency.nominatedRepresentative().value(),
                        agency.signedOn(),
                        agency.codeOfPracticeVersion(),
                        clock.instant()),
                actor);
    }

    @Override
    @Transactional
    public void withdraw(String agencyId, Withdrawal withdrawal, Actor actor) {
        requireKnown(agencyId);
        commands.send(
                new WithdrawAgency(agencyId, withdrawal.withdrawnOn(), withdrawal.reason(), clock.instant()), actor);
    }

    @Override
    @Transactional
    public void signAgain(String agencyId, Signature signature, Actor actor) {
        requireKnown(agencyId);
        commands.send(
                new SignAgencyAgain(
                        agencyId,
                        signature.signedOn(),
                        signature.codeOfPracticeVersion(),
                        signature.nominatedRepresentative() == null
                                ? null
                                : signature.nominatedRepresentative().value(),
                        clock.instant()),
                actor);
    }

    @Override
    @Transactional
    public void changeRepresentative(String agencyId, Representative representative, Actor actor) {
        requireKnown(agencyId);
        commands.send(new ChangeNominatedRepresentative(agencyId, representative.value(), clock.instant()), actor);
    }

    @Override
    @Transactional
    public void setNotificationAddress(String agencyId, String email, Actor actor) {
        if (!actor.has(Role.ADMIN) && !(actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.actsFor(agencyId))) {
            throw new NotPermitted(
                    "only an administrator or the agency's own nominated representative may set its address");
        }
        requireKnown(agencyId);
        commands.send(new SetNotificationAddress(agencyId, email, clock.instant()), actor);
    }

    @Override
    @Transactional
    public void recordCommissioning(String agencyId, Commissioning commissioning, Actor actor) {
        String commissioner = commissioning.commissionedBy();
        boolean admin = actor.has(Role.ADMIN);
        if (!admin && !representativeOf(commissioner, actor)) {
            throw new NotPermitted("only an ADMIN or a NOMINATED_REPRESENTATIVE of the commissioning agency ("
                    + commissioner + ") may record whom it commissions");
        }
        requireKnown(agencyId);
        if (commissioner.equals(agencyId)) {
            throw new InvalidInput("commissionedBy", "must be another agency, not the agency itself");
        }
        RegisteredAgency by = directory
                .find(commissioner)
                .orElseThrow(() -> new InvalidInput("commissionedBy", "is not a registered agency"));
        if (!by.signed()) {
            throw new StepNotAllowed("agency " + commissioner + " has withdrawn from the Code of Practice and cannot "
                    + "commission a provider");
        }
        Optional<String> current = directory.commissionerOf(agencyId);
        if (!admin && current.isPresent() && !current.get().equals(commissioner)) {
            throw new StepNotAllowed("agency " + agencyId + " is commissioned by " + current.get()
                    + ": its nominated representative or an administrator must end that first");
        }
        requireNoCircle(agencyId, commissioner);
        commands.send(
                new RecordCommissioning(agencyId, commissioner, commissioning.contractReference(), clock.instant()),
                actor);
    }

    @Override
    @Transactional
    public void endCommissioning(String agencyId, Actor actor) {
        requireKnown(agencyId);
        Optional<String> current = directory.commissionerOf(agencyId);
        boolean allowed = actor.has(Role.ADMIN)
                || current.map(commissioner -> representativeOf(commissioner, actor))
                        .orElse(actor.has(Role.NOMINATED_REPRESENTATIVE));
        if (!allowed) {
            throw new NotPermitted("only an ADMIN or a NOMINATED_REPRESENTATIVE of the commissioning agency ("
                    + current.orElse("none") + ") may end its commissioning");
        }
        commands.send(new EndCommissioning(agencyId, clock.instant()), actor);
    }

    private static boolean representativeOf(String agencyId, Actor actor) {
        return actor.has(Role.NOMINATED_REPRESENTATIVE) && actor.actsFor(agencyId);
    }

    /** A commissions B commissions A would make no sense: follow the commissioner's own commissioners up. */
    private void requireNoCircle(String agencyId, String commissioner) {
        Set<String> seen = new HashSet<>();
        Optional<String> next = Optional.of(commissioner);
        while (next.isPresent() && seen.add(next.get())) {
            if (next.get().equals(agencyId)) {
                throw new StepNotAllowed("agency " + agencyId + " already commissions " + commissioner
                        + " (directly or through its providers): commissioning may not go round in a circle");
            }
            next = directory.commissionerOf(next.get());
        }
    }

    private void requireKnown(String agencyId) {
        if (directory.find(agencyId).isEmpty()) {
            throw new NotFound("no agency " + agencyId);
        }
    }
}
