package org.sharingledger.projections.batches;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/** Where a read model's change of one event goes: into its unit of work's batch, or written at once. */
public final class Batches {

    private Batches() {}

    /**
     * Applies {@code change} to the batch of the unit of work handling {@code event}: made by {@code create} at the
     * batch's first change and written by {@code flush} when the unit of work commits (a pooled processor's batch of
     * events, or a replay's). Outside a unit of work handling this event (a handler called directly, or from another
     * unit of work), to a batch of its own, written at once.
     *
     * <p>The unit of work handles this event when its message's payload <em>equals</em> it. Never compare them by
     * identity: the streaming processors share one cached copy of each stored message, and Axon deserializes its
     * payload lazily without a lock, so two processors reading it at once can each get an instance of their own. An
     * event taken for another's would be written at once, before the earlier events of its batch: a refusal before
     * its request's row exists, or an escalation's resolution before the escalation. So every event a batched read
     * model handles must be a value (a record without arrays).
     *
     * @param key the unit of work's resource that holds this read model's batch
     */
    public static <B> void change(Object event, String key, Supplier<B> create, Consumer<B> flush, Consumer<B> change) {
        if (!CurrentUnitOfWork.isStarted()
                || !event.equals(CurrentUnitOfWork.get().getMessage().getPayload())) {
            B batch = create.get();
            change.accept(batch);
            flush.accept(batch);
            return;
        }
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        B batch = unit.getOrComputeResource(key, name -> {
            B created = create.get();
            unit.onPrepareCommit(committing -> flush.accept(created));
            return created;
        });
        change.accept(batch);
    }
}
