package org.sharingledger.projections.requests;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.storage.Reconciled;
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
import org.sharingledger.subject.api.SubjectDetailsErased;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code request_view} and {@code request_history} from the request events. Reconciled: {@code request_view}
 * decides who may read a request (its agencies), so verification replays it from the events and reports any row
 * changed, added or removed outside this handler.
 */
@Component
@Reconciled({
    @Reconciled.Table(
            name = "request_view",
            key = {"request_id"}),
    @Reconciled.Table(
            name = "request_history",
            key = {"request_id", "seq"})
})
@ProcessingGroup(RequestViewProjection.PROCESSING_GROUP)
class RequestViewProjection {

    static final String PROCESSING_GROUP = "request-views";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    RequestViewProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(InformationRequested event, DomainEventMessage<?> message) {
        jdbc.update(
                """
                insert into request_view (request_id, requesting_agency_id, holding_agency_id, case_reference,
                    purpose, purpose_detail, lawful_basis, consent_status, consent_detail, urgency,
                    information_sought, status, requested_at, due_by, changed_at, subject_pseudonym,
                    subject_details, agreement_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.fromString(event.requestId()),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                event.caseReference(),
                event.purpose().name(),
                event.purposeDetail(),
                event.lawfulBasis().name(),
                event.consent().status().name(),
                event.consent().detail(),
                event.urgency().name(),
                event.informationSought(),
                RequestStatus.AWAITING_DECISION.name(),
                ts(event.requestedAt()),
                ts(event.dueBy()),
                ts(event.requestedAt()),
                event.subjectPseudonym(),
                event.subjectDetails(),
                event.agreementId() == null ? null : UUID.fromString(event.agreementId()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("purpose", event.purpose());
        details.put("lawfulBasis", event.lawfulBasis());
        details.put("consent", event.consent());
        details.put("urgency", event.urgency());
        details.put("dueBy", event.dueBy());
        history(event.requestId(), message, "REQUESTED", event.requestedAt(), event.requestedAt(), details);
    }

    @EventHandler
    void on(InformationShared event, DomainEventMessage<?> message) {
        String type = event.scope() == Scope.FULL ? "SHARED" : "PARTIALLY_SHARED";
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("type", type);
        decision.put("scope", event.scope());
        decision.put("informationShared", event.informationShared());
        decision.put("method", event.method());
        decision.put("rationale", event.rationale());
        decision.put("withheldReason", event.withheldReason());
        decision.put("adviceSought", event.adviceSought());
        decision(
                event.requestId(),
                message,
                RequestStatus.valueOf(type),
                event.recordedAt(),
                event.occurredAt(),
                event.late(),
                decision);
    }

    @EventHandler
    void on(InformationRefused event, DomainEventMessage<?> message) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("type", "REFUSED");
        decision.put("reason", event.reason());
        decision.put("rationale", event.rationale());
        decision.put("adviceSought", event.adviceSought());
        decision(
                event.requestId(),
                message,
                RequestStatus.REFUSED,
                event.recordedAt(),
                event.occurredAt(),
                event.late(),
                decision);
    }

    @EventHandler
    void on(RefusalEscalated event, DomainEventMessage<?> message) {
        Map<String, Object> escalation = new LinkedHashMap<>();
        escalation.put("stage", event.stage());
        escalation.put("reason", event.reason());
        escalation.put("raisedAt", event.recordedAt());
        escalation.put("raisedBy", actor(message));
        escalation.put("open", true);
        jdbc.update(
                "update request_view set status = ?, escalation = ?::jsonb, changed_at = ? where request_id = ?",
                RequestStatus.ESCALATED.name(),
                json.writeValueAsString(escalation),
                ts(event.recordedAt()),
                UUID.fromString(event.requestId()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", event.stage());
        details.put("reason", event.reason());
        history(event.requestId(), message, "ESCALATED", event.recordedAt(), event.recordedAt(), details);
    }

    @EventHandler
    void on(EscalationResolved event, DomainEventMessage<?> message) {
        RequestStatus status = event.outcome() == Outcome.SHARED
                ? RequestStatus.SHARED_AFTER_ESCALATION
                : RequestStatus.REFUSAL_UPHELD;
        Map<String, Object> resolution = new LinkedHashMap<>();
        resolution.put("open", false);
        resolution.put("outcome", event.outcome());
        resolution.put("rationale", event.rationale());
        resolution.put("informationShared", event.informationShared());
        resolution.put("method", event.method());
        resolution.put("resolvedAt", event.recordedAt());
        resolution.put("resolvedBy", actor(message));
        jdbc.update(
                """
                update request_view set status = ?, escalation = escalation || ?::jsonb, changed_at = ?
                where request_id = ?""",
                status.name(),
                json.writeValueAsString(resolution),
                ts(event.recordedAt()),
                UUID.fromString(event.requestId()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", event.stage());
        details.put("outcome", event.outcome());
        details.put("rationale", event.rationale());
        details.put("informationShared", event.informationShared());
        details.put("method", event.method());
        history(event.requestId(), message, "ESCALATION_RESOLVED", event.recordedAt(), event.recordedAt(), details);
    }

    @EventHandler
    void on(RequestWithdrawn event, DomainEventMessage<?> message) {
        jdbc.update(
                "update request_view set status = ?, changed_at = ? where request_id = ?",
                RequestStatus.WITHDRAWN.name(),
                ts(event.recordedAt()),
                UUID.fromString(event.requestId()));
        history(
                event.requestId(),
                message,
                "WITHDRAWN",
                event.recordedAt(),
                event.recordedAt(),
                Map.of("reason", event.reason()));
    }

    @EventHandler
    void on(RequestBecameOverdue event, DomainEventMessage<?> message) {
        jdbc.update(
                "update request_view set became_overdue_at = ?, changed_at = ? where request_id = ?",
                ts(event.recordedAt()),
                ts(event.recordedAt()),
                UUID.fromString(event.requestId()));
        history(
                event.requestId(),
                message,
                "OVERDUE",
                event.recordedAt(),
                event.dueBy(),
                Map.of("dueBy", event.dueBy()));
    }

    /**
     * The child's key is gone: every request about the child that carried details now shows them as erased (the
     * sealed copy is dropped here too). Requests made later carry details under a new key, and are not touched.
     * Not a step of any request, so no request's history changes.
     */
    @EventHandler
    void on(SubjectDetailsErased event) {
        jdbc.update("""
                update request_view set subject_details = null, subject_details_erased_at = ?
                where subject_pseudonym = ? and subject_details is not null""", ts(event.erasedAt()), event.pseudonym());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from request_history");
        jdbc.update("delete from request_view");
    }

    private void decision(
            String requestId,
            DomainEventMessage<?> message,
            RequestStatus status,
            Instant recordedAt,
            Instant occurredAt,
            boolean late,
            Map<String, Object> decision) {
        decision.put("recordedAt", recordedAt);
        decision.put("occurredAt", occurredAt);
        decision.put("late", late);
        decision.put("decidedBy", actor(message));
        jdbc.update(
                """
                update request_view set status = ?, decided_at = ?, decision = ?::jsonb, changed_at = ?
                where request_id = ?""",
                status.name(),
                ts(occurredAt),
                json.writeValueAsString(decision),
                ts(recordedAt),
                UUID.fromString(requestId));
        Map<String, Object> details = new LinkedHashMap<>(decision);
        details.remove("type");
        details.remove("recordedAt");
        details.remove("occurredAt");
        details.remove("decidedBy");
        history(requestId, message, status.name(), recordedAt, occurredAt, details);
    }

    private void history(
            String requestId,
            DomainEventMessage<?> message,
            String type,
            Instant recordedAt,
            Instant occurredAt,
            Map<String, Object> details) {
        jdbc.update(
                """
                insert into request_history (request_id, seq, event_id, type, recorded_at, occurred_at, actor,
                    agency_id, details)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""",
                UUID.fromString(requestId),
                message.getSequenceNumber(),
                message.getIdentifier(),
                type,
                ts(recordedAt),
                ts(occurredAt),
                message.getMetaData().get(ActorMetaData.USERNAME),
                message.getMetaData().get(ActorMetaData.AGENCY_ID),
                json.writeValueAsString(details));
    }

    private static Map<String, Object> actor(DomainEventMessage<?> message) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("username", message.getMetaData().get(ActorMetaData.USERNAME));
        actor.put("agencyId", message.getMetaData().get(ActorMetaData.AGENCY_ID));
        return actor;
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
