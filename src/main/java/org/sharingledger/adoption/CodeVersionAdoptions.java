package org.sharingledger.adoption;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.sharingledger.agency.api.AgencyDirectory;
import org.sharingledger.agency.api.AgencyDirectory.RegisteredAgency;
import org.sharingledger.agency.api.MoveToCodeVersion;
import org.sharingledger.agency.api.WithdrawAgency;
import org.sharingledger.consultation.api.CodeVersionAdopted;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.web.Commands;
import org.springframework.stereotype.Component;

/**
 * When the Trust adopts a version of the Code, each agency of {@code movingAgencies} still signed moves to it (an
 * {@code AgencyMovedToCodeVersion}, nothing for one already on it), and each of {@code withdrawingAgencies} still
 * signed is withdrawn on {@code adoptedOn}, with a reason naming the consultation and the version (its users are then
 * disabled, as for any withdrawal). An agency withdrawn meanwhile, or unknown, is left as it is. The actor is whoever
 * recorded the adoption. It runs in a subscribing processor, so in the very transaction that records the adoption:
 * all commit together or none does; and never on a replay.
 */
@Component
@ProcessingGroup(CodeVersionAdoptions.PROCESSING_GROUP)
class CodeVersionAdoptions {

    static final String PROCESSING_GROUP = "code-version-adoptions";

    private final AgencyDirectory directory;
    private final Commands commands;

    CodeVersionAdoptions(AgencyDirectory directory, Commands commands) {
        this.directory = directory;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(CodeVersionAdopted event, MetaData metaData) {
        Actor actor = ActorMetaData.actorOf(metaData);
        for (String agencyId : event.movingAgencies()) {
            if (signed(agencyId)) {
                commands.send(
                        new MoveToCodeVersion(
                                agencyId,
                                event.codeVersion(),
                                event.consultationId(),
                                event.adoptedOn(),
                                event.recordedAt()),
                        actor);
            }
        }
        LocalDate recordedOn = LocalDate.ofInstant(event.recordedAt(), ZoneOffset.UTC);
        // The consultation refuses an adoptedOn in the future; were one recorded, the withdrawal is on the day it was.
        LocalDate withdrawnOn = event.adoptedOn().isAfter(recordedOn) ? recordedOn : event.adoptedOn();
        for (String agencyId : event.withdrawingAgencies()) {
            Optional<LocalDate> signedOn = signed(agencyId) ? directory.signedOn(agencyId) : Optional.empty();
            if (signedOn.isPresent()) {
                // An agency that signed again after adoptedOn withdraws on the day of its signature, not before.
                LocalDate on = withdrawnOn.isBefore(signedOn.get()) ? signedOn.get() : withdrawnOn;
                commands.send(new WithdrawAgency(agencyId, on, reason(event), event.recordedAt()), actor);
            }
        }
    }

    private boolean signed(String agencyId) {
        return directory.find(agencyId).filter(RegisteredAgency::signed).isPresent();
    }

    static String reason(CodeVersionAdopted event) {
        return "Answered WITHDRAW to consultation " + event.consultationId() + " (" + event.title() + "); version "
                + event.codeVersion() + " of the Code of Practice was adopted on " + event.adoptedOn() + ".";
    }
}
