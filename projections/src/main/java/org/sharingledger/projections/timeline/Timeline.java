package org.sharingledger.projections.timeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.sharingledger.timeline.api.TimelineSubject;

/**
 * A child's (or a case's) timeline as answered to a case reviewer, in the shape of docs/api.md.
 *
 * @param asOf          only what had been recorded by this instant (the moment of the query when not asked)
 * @param generatedAt   when this answer was produced
 * @param review        the review the grant names
 * @param reviewer      who asked
 * @param grantId       under which grant
 * @param summary       the figures on top
 * @param entries       every step recorded by {@code asOf}, in the order the ledger stored them
 * @param recordedLater steps that happened by {@code asOf} but were recorded after it
 * @param eventsAtCheckpoint how many steps about the subject (entries and recorded later) the ledger's events hold
 *                      at the export's checkpoint, counted from the events themselves, not from the read model: an
 *                      export lists that many steps with a proof, so a reader can tell that none is missing (absent
 *                      until an export has been checked)
 * @param subject       whom the timeline is about, as the query named them (never in the answer)
 */
public record Timeline(
        Instant asOf,
        Instant generatedAt,
        String review,
        String reviewer,
        String grantId,
        Summary summary,
        List<Entry> entries,
        List<Entry> recordedLater,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long eventsAtCheckpoint,
        @JsonIgnore TimelineSubject subject) {

    public Timeline(
            Instant asOf,
            Instant generatedAt,
            String review,
            String reviewer,
            String grantId,
            Summary summary,
            List<Entry> entries,
            List<Entry> recordedLater) {
        this(asOf, generatedAt, review, reviewer, grantId, summary, entries, recordedLater, null, null);
    }

    /** The same timeline with the count of its steps at the export's checkpoint. */
    Timeline counted(long events) {
        return new Timeline(
                asOf, generatedAt, review, reviewer, grantId, summary, entries, recordedLater, events, subject);
    }

    /** Figures over the entries (not the steps recorded later). */
    public record Summary(
            long requests,
            long shared,
            long partiallyShared,
            long refused,
            long escalations,
            long overdue,
            long agencies,
            Double medianHoursToDecision) {}

    /**
     * One step of one request. Fields that do not belong to the step are absent (null).
     *
     * @param eventId     the event's identifier in the ledger
     * @param position    the event's position in the store (global index)
     * @param step        REQUESTED, SHARED, PARTIALLY_SHARED, REFUSED, ESCALATED, ESCALATION_RESOLVED, WITHDRAWN,
     *                    OVERDUE
     * @param description the step in plain words
     * @param lateBy      how long after it happened the step was recorded, when that was more than 24 hours
     * @param dueMet      for a decision: whether it was made by the due time
     * @param actorAccredited for a decision (share, refusal, resolution): whether its actor held a passed, unexpired
     *                    online information sharing course record that day; absent when the step is not a decision
     *                    or was recorded before training was tracked
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(
            String eventId,
            long position,
            String requestId,
            String step,
            String description,
            Instant recordedAt,
            Instant occurredAt,
            Duration lateBy,
            AgencyRef requestingAgency,
            AgencyRef holdingAgency,
            ActorRef actor,
            String caseReference,
            String purpose,
            String purposeDetail,
            String lawfulBasis,
            Consent consent,
            String urgency,
            String informationSought,
            Instant dueBy,
            String scope,
            String informationShared,
            String method,
            String rationale,
            Code withheldReason,
            Code reason,
            String adviceSought,
            Boolean dueMet,
            String stage,
            String outcome,
            Boolean actorAccredited) {}

    /** An agency as the timeline names it. */
    public record AgencyRef(String agencyId, String name, String sector) {}

    /** Who took the step, with the roles they held. */
    public record ActorRef(String username, String displayName, List<String> roles, String agencyId) {}

    /** Consent and, unless given, why the request went ahead without it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Consent(String status, String detail) {}

    /** A reason code and the same in words. */
    public record Code(String code, String text) {}
}
