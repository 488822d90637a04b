package org.sharingledger.evidence.api;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A read model rebuilt from the events themselves, for a check that must not trust the stored read model (a timeline
 * export counts and compares its steps against it). Only handlers marked
 * {@link org.sharingledger.platform.storage.Reconciled} can be replayed.
 */
public interface ReadModelReplay {

    /**
     * Runs {@code query} against the read model of this processing group as its own handlers build it from exactly the
     * events that the checkpoint of {@code treeSize} covers (none for 0): scratch tables that shadow the real ones for
     * the query's unqualified SQL, in a transaction of their own that is rolled back. Replays the whole store.
     */
    <T> T atCheckpoint(String processingGroup, long treeSize, Supplier<T> query);

    /**
     * As {@link #atCheckpoint(String, long, Supplier)}, but replays only what a query about these {@code requests}
     * can read: every event of each request whose {@code InformationRequested} (the events' own data, never a read
     * model) names the subject, the {@code AgencySigned} events of the agencies those requests name, and the
     * {@code UserRegistered} events of the users who recorded their steps; each only if the checkpoint covers it.
     */
    <T> T atCheckpoint(String processingGroup, long treeSize, Requests requests, Supplier<T> query);

    /**
     * The requests about one subject: the child's pseudonym, or a case reference with the agency that set it (the
     * requesting agency).
     */
    record Requests(String subjectPseudonym, String caseReference, String caseAgencyId) {

        public Requests {
            if (subjectPseudonym == null) {
                Objects.requireNonNull(caseReference, "a pseudonym or a case reference");
                Objects.requireNonNull(caseAgencyId, "a case reference's agency");
            }
        }

        public static Requests aboutChild(String subjectPseudonym) {
            return new Requests(Objects.requireNonNull(subjectPseudonym), null, null);
        }

        public static Requests byCaseReference(String caseReference, String caseAgencyId) {
            return new Requests(null, caseReference, caseAgencyId);
        }
    }
}
