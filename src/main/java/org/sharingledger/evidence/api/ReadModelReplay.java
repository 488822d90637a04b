package org.sharingledger.evidence.api;

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
     * the query's unqualified SQL, in a transaction of their own that is rolled back.
     */
    <T> T atCheckpoint(String processingGroup, long treeSize, Supplier<T> query);
}
