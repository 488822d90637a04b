package org.sharingledger.subject;

import java.time.Instant;
import java.util.Optional;
import org.sharingledger.kernel.Actor;
import org.sharingledger.platform.web.Commands;
import org.sharingledger.subject.api.EraseSubjectDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure in one transaction: lock the child's key, record {@code SubjectDetailsErased}, delete the key. Either all
 * of it commits or none: the event never says erased while the key survives, nor the other way round. Through HTTP
 * this joins the request's own transaction (so Idempotency-Key replays work as for any other step).
 */
@Component
class SubjectErasures {

    private final SubjectKeys keys;
    private final Commands commands;
    private final TransactionTemplate transaction;

    SubjectErasures(SubjectKeys keys, Commands commands, PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Erases on request: 404 without details to erase, 409 when already erased. */
    void erase(String pseudonym, Actor actor, String legalBasis, String reason, Instant now) {
        transaction.executeWithoutResult(tx -> {
            boolean held = keys.lockIfHeld(pseudonym);
            commands.send(new EraseSubjectDetails(pseudonym, actor, legalBasis, reason, held, now), actor);
            keys.destroy(pseudonym);
        });
    }

    /**
     * Erases, as the ledger itself, a key last used before the cutoff. Nothing happens when the key is gone, was used
     * since, or is busy (a later run sees it again).
     *
     * @return when the key was last used, if it was erased now
     */
    Optional<Instant> eraseIfUnusedSince(String pseudonym, Instant cutoff, String legalBasis, Instant now) {
        return transaction.execute(tx -> {
            Optional<Instant> lastUsed = keys.lockIfUnusedSince(pseudonym, cutoff);
            lastUsed.ifPresent(at -> {
                commands.send(
                        new EraseSubjectDetails(
                                pseudonym,
                                Actor.SYSTEM,
                                legalBasis,
                                "No request carried this child's personal details after " + at + ".",
                                true,
                                now),
                        Actor.SYSTEM);
                keys.destroy(pseudonym);
            });
            return lastUsed;
        });
    }
}
