package org.sharingledger.subject.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/**
 * Erase a child's personal details: an administrator, for a stated legal basis and reason, or the ledger itself when
 * the retention period ends. {@code detailsHeld} says whether the ledger holds a key for the child right now.
 */
public record EraseSubjectDetails(
        String pseudonym, Actor actor, String legalBasis, String reason, boolean detailsHeld, Instant recordedAt) {

    /** The stream of a child's erasures: the pseudonym in a name of its own, so it can never meet another stream. */
    public static String recordIdOf(String pseudonym) {
        return "subject:" + pseudonym;
    }

    @TargetAggregateIdentifier
    public String recordId() {
        return recordIdOf(pseudonym);
    }
}
