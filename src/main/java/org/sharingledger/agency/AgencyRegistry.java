package org.sharingledger.agency;

import java.time.Clock;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.agency.api.ChangeNominatedRepresentative;
import org.sharingledger.agency.api.Registry;
import org.sharingledger.agency.api.SetNotificationAddress;
import org.sharingledger.agency.api.SignAgency;
import org.sharingledger.agency.api.SignAgencyAgain;
import org.sharingledger.agency.api.WithdrawAgency;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
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

    private void requireKnown(String agencyId) {
        if (directory.find(agencyId).isEmpty()) {
            throw new NotFound("no agency " + agencyId);
        }
    }
}
