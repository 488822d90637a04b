package org.sharingledger.agreement;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.sharingledger.agency.api.AgencyWithdrawn;
import org.sharingledger.agreement.api.AgreementDirectory;
import org.sharingledger.agreement.api.EndAgreementOnWithdrawal;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.web.Commands;
import org.springframework.stereotype.Component;

/**
 * A party that withdraws from the Code ends its agreements: when an agency withdraws, each agreement it is party to
 * that is not already terminated is ended, as an {@code AgreementTerminated} whose reason names the withdrawal and
 * whose actor is whoever recorded the withdrawal. It runs in a subscribing processor, so in the very transaction that
 * records the withdrawal: both commit together or neither does. Never replayed.
 */
@Component
@ProcessingGroup(WithdrawnPartyAgreements.PROCESSING_GROUP)
class WithdrawnPartyAgreements {

    static final String PROCESSING_GROUP = "agreement-withdrawals";

    private final AgreementDirectory agreements;
    private final Commands commands;

    WithdrawnPartyAgreements(AgreementDirectory agreements, Commands commands) {
        this.agreements = agreements;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(AgencyWithdrawn event, MetaData metaData) {
        Actor actor = ActorMetaData.actorOf(metaData);
        for (String agreementId : agreements.notTerminatedOf(event.agencyId())) {
            commands.send(
                    new EndAgreementOnWithdrawal(
                            agreementId, event.agencyId(), event.withdrawnOn(), event.reason(), event.recordedAt()),
                    actor);
        }
    }
}
