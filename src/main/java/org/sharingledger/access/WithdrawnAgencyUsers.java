package org.sharingledger.access;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.sharingledger.access.api.DisableUser;
import org.sharingledger.agency.api.AgencyWithdrawn;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.web.Commands;
import org.springframework.stereotype.Component;

/**
 * No one acts for a withdrawn signatory: when an agency withdraws, each of its active users is disabled, each as a
 * {@code UserDisabled} event whose actor is whoever recorded the withdrawal ({@code system} if none), with the
 * withdrawal as its reason. It runs in the subscribing processor of the accounts, so in the very transaction that
 * records the withdrawal: both commit together or neither does.
 */
@Component
@ProcessingGroup(AccountTable.PROCESSING_GROUP)
class WithdrawnAgencyUsers {

    private final AccountTable accounts;
    private final Commands commands;

    WithdrawnAgencyUsers(AccountTable accounts, Commands commands) {
        this.accounts = accounts;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(AgencyWithdrawn event, MetaData metaData) {
        Actor actor = ActorMetaData.actorOf(metaData);
        String reason = "agency " + event.agencyId() + " withdrew from the Code of Practice on " + event.withdrawnOn()
                + ": " + event.reason();
        for (String username : accounts.activeIn(event.agencyId())) {
            // An administrator bound to the agency cannot disable themselves: the ledger does it.
            Actor by = username.equals(actor.username()) ? Actor.SYSTEM : actor;
            commands.send(new DisableUser(username, reason, by.username(), event.recordedAt()), by);
        }
    }
}
