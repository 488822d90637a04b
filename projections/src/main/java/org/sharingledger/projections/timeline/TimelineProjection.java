package org.sharingledger.projections.timeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.storage.Reconciled;
import org.sharingledger.projections.batches.Batches;
import org.sharingledger.request.api.EscalationResolved;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.InformationShared;
import org.sharingledger.request.api.RefusalEscalated;
import org.sharingledger.request.api.RequestBecameOverdue;
import org.sharingledger.request.api.RequestWithdrawn;
import org.sharingledger.request.api.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the timelines: every request step under the child's pseudonym and under the case reference with the agency
 * that set it ({@code case_agency_id}, the requesting agency: a case reference is that agency's own), with the event's
 * identifier and store position. A streaming processor, so positions are the ledger's own; replayable. Each batch of
 * events the processor hands over is gathered in a {@link TimelineBatch} and written at the batch's commit, each
 * statement sent once with all its rows, in the same transaction as the processor's token.
 */
@Component
@Reconciled({
    @Reconciled.Table(
            name = "timeline_agency",
            key = {"agency_id"}),
    @Reconciled.Table(
            name = "timeline_actor",
            key = {"username"}),
    @Reconciled.Table(
            name = "timeline_request",
            key = {"request_id"}),
    @Reconciled.Table(
            name = "timeline_entry",
            key = {"event_id"})
})
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
class TimelineProjection {

    static final String PROCESSING_GROUP = "timelines";
    private static final String BATCH = TimelineProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    TimelineProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(AgencySigned event) {
        change(
                event,
                batch -> batch.agency(
                        event.agencyId(), event.name(), event.sector().name()));
    }

    @EventHandler
    void on(UserRegistered event) {
        change(event, batch -> batch.actor(event.username(), event.displayName()));
    }

    @EventHandler
    void on(InformationRequested event, DomainEventMessage<?> message) {
        change(
                event,
                batch -> batch.request(new Object[] {
                    UUID.fromString(event.requestId()),
                    event.subjectPseudonym(),
                    event.caseReference(),
                    event.requestingAgencyId(),
                    event.holdingAgencyId(),
                    Timestamp.from(event.dueBy())
                }));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", event.purpose());
        details.put("purposeDetail", event.purposeDetail());
        details.put("lawfulBasis", event.lawfulBasis());
        details.put("consentStatus", event.consent().status());
        details.put("consentDetail", event.consent().detail());
        details.put("urgency", event.urgency());
        details.put("informationSought", event.informationSought());
        details.put("dueBy", event.dueBy());
        entry(event.requestId(), message, "REQUESTED", event.requestedAt(), event.requestedAt(), details);
    }

    @EventHandler
    void on(InformationShared event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", event.scope());
        details.put("informationShared", event.informationShared());
        details.put("method", event.method());
        details.put("rationale", event.rationale());
        details.put("withheldReason", event.withheldReason());
        details.put("adviceSought", event.adviceSought());
        details.put("late", event.late());
        accreditation(details, event.actorAccredited());
        entry(
                event.requestId(),
                message,
                event.scope() == Scope.FULL ? "SHARED" : "PARTIALLY_SHARED",
                event.recordedAt(),
                event.occurredAt(),
                details);
    }

    @EventHandler
    void on(InformationRefused event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", event.reason());
        details.put("rationale", event.rationale());
        details.put("adviceSought", event.adviceSought());
        details.put("late", event.late());
        accreditation(details, event.actorAccredited());
        entry(event.requestId(), message, "REFUSED", event.recordedAt(), event.occurredAt(), details);
    }

    @EventHandler
    void on(RefusalEscalated event, DomainEventMessage<?> message) {
        entry(
                event.requestId(),
                message,
                "ESCALATED",
                event.recordedAt(),
                event.recordedAt(),
                Map.of("stage", event.stage(), "rationale", event.reason()));
    }

    @EventHandler
    void on(EscalationResolved event, DomainEventMessage<?> message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", event.stage());
        details.put("outcome", event.outcome());
        details.put("rationale", event.rationale());
        details.put("informationShared", event.informationShared());
        details.put("method", event.method());
        accreditation(details, event.actorAccredited());
        entry(event.requestId(), message, "ESCALATION_RESOLVED", event.recordedAt(), event.recordedAt(), details);
    }

    /**
     * Whether a decision's actor was accredited, only when the event says: a decision recorded before training was
     * tracked keeps exactly the details it always had, so rows written before this field existed still reconcile.
     */
    private static void accreditation(Map<String, Object> details, Boolean actorAccredited) {
        if (actorAccredited != null) {
            details.put("actorAccredited", actorAccredited);
        }
    }

    @EventHandler
    void on(RequestWithdrawn event, DomainEventMessage<?> message) {
        entry(
                event.requestId(),
                message,
                "WITHDRAWN",
                event.recordedAt(),
                event.recordedAt(),
                Map.of("rationale", event.reason()));
    }

    @EventHandler
    void on(RequestBecameOverdue event, DomainEventMessage<?> message) {
        entry(event.requestId(), message, "OVERDUE", event.recordedAt(), event.dueBy(), Map.of("dueBy", event.dueBy()));
    }

    /** Every other event moves this read model's position to the head of the store (exact lag and rebuilds). */
    @EventHandler
    void on(Object anyOtherEvent) {
        // nothing to keep
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from timeline_entry");
        jdbc.update("delete from timeline_request");
        jdbc.update("delete from timeline_actor");
        jdbc.update("delete from timeline_agency");
    }

    private void entry(
            String requestId,
            DomainEventMessage<?> message,
            String step,
            Instant recordedAt,
            Instant occurredAt,
            Map<String, Object> details) {
        Object[] row = {
            message.getIdentifier(),
            // The event's own position: a tracking token's position is the highest one seen, which for an event
            // that committed after later positions (filling a gap) is another event's.
            message.getIdentifier(),
            step,
            Timestamp.from(recordedAt),
            Timestamp.from(occurredAt),
            message.getMetaData().get(ActorMetaData.USERNAME),
            message.getMetaData().get(ActorMetaData.AGENCY_ID),
            message.getMetaData().get(ActorMetaData.ROLES),
            json.writeValueAsString(details),
            UUID.fromString(requestId)
        };
        change(message.getPayload(), batch -> batch.entry(row));
    }

    /**
     * Records a change in this unit of work's batch, written with the batch's others when the unit of work commits (a
     * pooled processor's batch of events); outside a unit of work handling this event, at once ({@link Batches}).
     */
    private void change(Object event, Consumer<TimelineBatch> change) {
        Batches.change(event, BATCH, TimelineBatch::new, batch -> batch.flush(jdbc), change);
    }
}
