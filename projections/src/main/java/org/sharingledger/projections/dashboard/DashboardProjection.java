package org.sharingledger.projections.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.sharingledger.agency.api.AgencySigned;
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
 * Keeps the dashboards' facts. Every handler is idempotent when an event is delivered again (a batch processed
 * again by another node, say): a request's row says which steps it has counted (its decision, withdrawal, lateness,
 * each escalation and its outcome), and a step already there is neither applied nor counted twice. A reset empties
 * the tables so a rebuild produces exactly the rows the live projection has.
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
class DashboardProjection {

    static final String PROCESSING_GROUP = "dashboards";

    private final JdbcTemplate jdbc;

    DashboardProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AgencySigned event) {
        jdbc.update("""
                insert into dashboard_agency (agency_id, name, sector) values (?, ?, ?)
                on conflict (agency_id) do update set name = excluded.name, sector = excluded.sector""", event.agencyId(), event.name(), event.sector().name());
    }

    @EventHandler
    void on(InformationRequested event) {
        int inserted = jdbc.update(
                """
                insert into dashboard_request (request_id, requesting_agency_id, holding_agency_id, requested_at,
                    due_by, status, agreement_id)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing""",
                id(event.requestId()),
                event.requestingAgencyId(),
                event.holdingAgencyId(),
                ts(event.requestedAt()),
                ts(event.dueBy()),
                RequestStatus.AWAITING_DECISION.name(),
                event.agreementId() == null ? null : id(event.agreementId()));
        if (inserted == 1) {
            count(event.requestId(), Map.of("received", 1));
        }
    }

    @EventHandler
    void on(InformationShared event) {
        boolean full = event.scope() == Scope.FULL;
        if (!decide(
                event.requestId(),
                full ? "SHARED" : "PARTIALLY_SHARED",
                null,
                event.occurredAt(),
                event.late(),
                event.actorAccredited())) {
            return;
        }
        count(event.requestId(), decided(full ? "shared" : "partially_shared", event.late(), event.actorAccredited()));
    }

    @EventHandler
    void on(InformationRefused event) {
        if (!decide(
                event.requestId(),
                "REFUSED",
                event.reason().name(),
                event.occurredAt(),
                event.late(),
                event.actorAccredited())) {
            return;
        }
        count(event.requestId(), decided("refused", event.late(), event.actorAccredited()));
        jdbc.update("""
                insert into dashboard_daily_reason (day, holding_agency_id, reason, refused)
                select (requested_at at time zone 'UTC')::date, holding_agency_id, ?, 1
                from dashboard_request where request_id = ?
                on conflict (day, holding_agency_id, reason) do update
                    set refused = dashboard_daily_reason.refused + 1""", event.reason().name(), id(event.requestId()));
    }

    @EventHandler
    void on(RefusalEscalated event, DomainEventMessage<?> message) {
        int raised = jdbc.update(
                """
                insert into dashboard_escalation (request_id, seq, stage, raised_at) values (?, ?, ?, ?)
                on conflict (request_id, seq) do nothing""",
                id(event.requestId()),
                message.getSequenceNumber(),
                event.stage().name(),
                ts(event.recordedAt()));
        if (raised == 0) {
            return;
        }
        jdbc.update(
                "update dashboard_request set status = ?, escalation_open = true where request_id = ?",
                RequestStatus.ESCALATED.name(),
                id(event.requestId()));
        count(event.requestId(), Map.of("escalations", 1, "escalations_open", 1));
        jdbc.update("""
                insert into dashboard_daily_stage (day, requesting_agency_id, stage, raised)
                select (requested_at at time zone 'UTC')::date, requesting_agency_id, ?, 1
                from dashboard_request where request_id = ?
                on conflict (day, requesting_agency_id, stage) do update
                    set raised = dashboard_daily_stage.raised + 1""", event.stage().name(), id(event.requestId()));
    }

    @EventHandler
    void on(EscalationResolved event) {
        RequestStatus status = event.outcome() == Outcome.SHARED
                ? RequestStatus.SHARED_AFTER_ESCALATION
                : RequestStatus.REFUSAL_UPHELD;
        int resolved = jdbc.update(
                """
                update dashboard_escalation set outcome = ?, resolved_at = ?
                where request_id = ? and seq = (select max(seq) from dashboard_escalation where request_id = ?)
                  and outcome is null""", event.outcome().name(), ts(event.recordedAt()), id(event.requestId()), id(event.requestId()));
        if (resolved == 0) {
            return;
        }
        jdbc.update(
                "update dashboard_request set status = ?, escalation_open = false where request_id = ?",
                status.name(),
                id(event.requestId()));
        count(
                event.requestId(),
                Map.of(
                        "escalations_open",
                        -1,
                        event.outcome() == Outcome.SHARED ? "escalations_shared" : "escalations_upheld",
                        1));
    }

    @EventHandler
    void on(RequestWithdrawn event) {
        int withdrawn = jdbc.update(
                "update dashboard_request set status = ? where request_id = ? and status <> ?",
                RequestStatus.WITHDRAWN.name(),
                id(event.requestId()),
                RequestStatus.WITHDRAWN.name());
        if (withdrawn == 0) {
            return;
        }
        count(event.requestId(), Map.of("withdrawn", 1));
    }

    @EventHandler
    void on(RequestBecameOverdue event) {
        int overdue = jdbc.update(
                "update dashboard_request set became_overdue = true where request_id = ? and not became_overdue",
                id(event.requestId()));
        if (overdue == 0) {
            return;
        }
        count(event.requestId(), Map.of("became_overdue", 1));
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
     * Adds to the request's daily totals (the day it was made, its two agencies). Column names come from this class,
     * never from input.
     */
    private void count(String requestId, Map<String, Integer> deltas) {
        List<String> columns = deltas.keySet().stream()
                .filter(column -> deltas.get(column) != 0)
                .sorted()
                .toList();
        if (columns.isEmpty()) {
            return;
        }
        String names = String.join(", ", columns);
        String values = columns.stream()
                .map(column -> String.valueOf(deltas.get(column)))
                .collect(Collectors.joining(", "));
        String updates = columns.stream()
                .map(column -> column + " = dashboard_daily." + column + " + excluded." + column)
                .collect(Collectors.joining(", "));
        jdbc.update(
                "insert into dashboard_daily (day, holding_agency_id, requesting_agency_id, " + names + ") "
                        + "select (requested_at at time zone 'UTC')::date, holding_agency_id, requesting_agency_id, "
                        + values
                        + " from dashboard_request where request_id = ? "
                        + "on conflict (day, holding_agency_id, requesting_agency_id) do update set " + updates,
                id(requestId));
    }

    /** Records the request's first (and only) decision; false when it is already there (a delivery again). */
    private boolean decide(
            String requestId, String decision, String reason, Instant occurredAt, boolean late, Boolean accredited) {
        return jdbc.update("""
                        update dashboard_request set status = ?, decision = ?, refusal_reason = ?, decided_at = ?,
                            decided_late = ?, decided_by_accredited = ?
                        where request_id = ? and decision is null""", decision, decision, reason, ts(occurredAt), late, accredited, id(requestId)) == 1;
    }

    /**
     * A first decision's daily counts: decided, its kind, late or not, and whether its actor was accredited (counted
     * only when known: a decision recorded before training was tracked is in neither accreditation column).
     */
    private static Map<String, Integer> decided(String kind, boolean late, Boolean accredited) {
        return Map.of(
                "decided",
                1,
                kind,
                1,
                "decided_late",
                late ? 1 : 0,
                "decided_accreditation_known",
                accredited == null ? 0 : 1,
                "decided_accredited",
                Boolean.TRUE.equals(accredited) ? 1 : 0);
    }

    private static UUID id(String requestId) {
        return UUID.fromString(requestId);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
