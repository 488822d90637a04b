package org.sharingledger.projections.dashboard;

import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.projections.batches.Batches;
import org.sharingledger.projections.dashboard.DashboardBatch.Count;
import org.sharingledger.request.api.EscalationResolved;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.InformationShared;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.RefusalEscalated;
import org.sharingledger.request.api.RequestBecameOverdue;
import org.sharingledger.request.api.RequestStatus;
import org.sharingledger.request.api.RequestWithdrawn;
import org.sharingledger.request.api.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the dashboards' facts. Each batch of events the processor hands over is gathered in a {@link DashboardBatch}
 * and written at the batch's commit with a few set-based statements, in the same transaction as the processor's token
 * (so a batch delivered again after a crash was never half counted). A request's row is keyed by the request and an
 * escalation's by request and sequence, and a reset empties the tables so a rebuild produces exactly the rows the live
 * projection has.
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
class DashboardProjection {

    static final String PROCESSING_GROUP = "dashboards";
    private static final String BATCH = DashboardProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    DashboardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgencySigned event) {
        change(
                event,
                batch -> batch.agency(
                        event.agencyId(), event.name(), event.sector().name()));
    }

    @EventHandler
    void on(InformationRequested event) {
        change(
                event,
                batch -> batch.requested(
                        id(event.requestId()),
                        event.requestingAgencyId(),
                        event.holdingAgencyId(),
                        event.requestedAt(),
                        event.dueBy(),
                        RequestStatus.AWAITING_DECISION.name(),
                        event.agreementId() == null ? null : id(event.agreementId())));
    }

    @EventHandler
    void on(InformationShared event) {
        boolean full = event.scope() == Scope.FULL;
        change(event, batch -> {
            UUID id = id(event.requestId());
            batch.decided(
                    id,
                    full ? "SHARED" : "PARTIALLY_SHARED",
                    null,
                    event.occurredAt(),
                    event.late(),
                    event.actorAccredited());
            countDecided(
                    batch, id, full ? Count.SHARED : Count.PARTIALLY_SHARED, event.late(), event.actorAccredited());
        });
    }

    @EventHandler
    void on(InformationRefused event) {
        change(event, batch -> {
            UUID id = id(event.requestId());
            batch.decided(
                    id, "REFUSED", event.reason().name(), event.occurredAt(), event.late(), event.actorAccredited());
            countDecided(batch, id, Count.REFUSED, event.late(), event.actorAccredited());
            batch.refusedFor(id, event.reason().name());
        });
    }

    @EventHandler
    void on(RefusalEscalated event, DomainEventMessage<?> message) {
        change(event, batch -> {
            UUID id = id(event.requestId());
            batch.status(id, RequestStatus.ESCALATED.name());
            batch.escalationOpen(id, true);
            batch.raised(id, message.getSequenceNumber(), event.stage().name(), event.recordedAt());
            batch.count(id, Count.ESCALATIONS, 1);
            batch.count(id, Count.ESCALATIONS_OPEN, 1);
        });
    }

    @EventHandler
    void on(EscalationResolved event) {
        RequestStatus status = event.outcome() == Outcome.SHARED
                ? RequestStatus.SHARED_AFTER_ESCALATION
                : RequestStatus.REFUSAL_UPHELD;
        change(event, batch -> {
            UUID id = id(event.requestId());
            batch.status(id, status.name());
            batch.escalationOpen(id, false);
            batch.resolved(id, event.outcome().name(), event.recordedAt());
            batch.count(id, Count.ESCALATIONS_OPEN, -1);
            batch.count(id, event.outcome() == Outcome.SHARED ? Count.ESCALATIONS_SHARED : Count.ESCALATIONS_UPHELD, 1);
        });
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        change(event, batch -> {
            UUID id = id(event.requestId());
            batch.status(id, RequestStatus.WITHDRAWN.name());
            batch.count(id, Count.WITHDRAWN, 1);
        });
    }

    @EventHandler
    void on(RequestBecameOverdue event) {
        change(event, batch -> {
            UUID id = id(event.requestId());
            batch.becameOverdue(id);
            batch.count(id, Count.BECAME_OVERDUE, 1);
        });
    }

    /**
     * Every other event (accounts, tokens, denied attempts) changes nothing here, but handling it moves this read
     * model's position to the head of the store, so its lag and a rebuild's progress are exact.
     */
    @EventHandler
    void on(Object anyOtherEvent) {
        // nothing to keep
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from dashboard_daily_stage");
        jdbc.update("delete from dashboard_daily_reason");
        jdbc.update("delete from dashboard_daily");
        jdbc.update("delete from dashboard_escalation");
        jdbc.update("delete from dashboard_request");
        jdbc.update("delete from dashboard_agency");
    }

    /**
     * Records a change in this unit of work's batch, written with the batch's others when the unit of work commits (a
     * pooled processor's batch of events); outside a unit of work handling this event, at once ({@link Batches}).
     */
    private void change(Object event, Consumer<DashboardBatch> change) {
        Batches.change(event, BATCH, DashboardBatch::new, batch -> batch.flush(jdbc), change);
    }

    /**
     * A first decision's daily counts: decided, its kind, late or not, and whether its actor was accredited (counted
     * only when known: a decision recorded before training was tracked is in neither accreditation column).
     */
    private static void countDecided(DashboardBatch batch, UUID id, Count kind, boolean late, Boolean accredited) {
        batch.count(id, Count.DECIDED, 1);
        batch.count(id, kind, 1);
        if (late) {
            batch.count(id, Count.DECIDED_LATE, 1);
        }
        if (accredited != null) {
            batch.count(id, Count.DECIDED_ACCREDITATION_KNOWN, 1);
            if (accredited) {
                batch.count(id, Count.DECIDED_ACCREDITED, 1);
            }
        }
    }

    private static UUID id(String requestId) {
        return UUID.fromString(requestId);
    }
}
