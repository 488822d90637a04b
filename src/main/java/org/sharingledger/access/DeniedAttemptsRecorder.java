package org.sharingledger.access;

import java.time.Clock;
import org.sharingledger.access.api.RecordAccessDenied;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.DeniedAttempts;
import org.sharingledger.platform.web.Commands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a denied attempt as an {@code AccessDenied} event in the actor's own stream. It commits on its own, even
 * though the request it belongs to records nothing else.
 */
@Component
class DeniedAttemptsRecorder implements DeniedAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeniedAttemptsRecorder.class);

    private final Commands commands;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    DeniedAttemptsRecorder(Commands commands, PlatformTransactionManager transactionManager, Clock clock) {
        this.commands = commands;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public void record(Actor actor, String method, String path, String reason) {
        try {
            ownTransaction.executeWithoutResult(tx -> commands.send(
                    new RecordAccessDenied(
                            actor.username(), actor.agencyId(), actor.roles(), method, path, reason, clock.instant()),
                    actor));
        } catch (RuntimeException e) {
            log.error("Could not record a denied attempt by {} on {} {}", actor.username(), method, path, e);
        }
    }
}
