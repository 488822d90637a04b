package org.sharingledger.projections.timeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.sharingledger.projections.csv.Csv;
import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;
import org.sharingledger.projections.timeline.Timeline.Code;
import org.sharingledger.projections.timeline.Timeline.Entry;

/**
 * A timeline as CSV for analysts (RFC 4180, CRLF, written by {@link Csv}): a header row, one row per entry in ledger
 * order ({@code section} {@code ENTRY}), then one row per step recorded later ({@code RECORDED_LATER}). Every field of
 * an entry has a column, agencies and actor flattened; a field the step does not carry is empty. Instants are ISO-8601
 * in UTC ({@code 2009-03-02T09:15:00Z}), {@code lateBy} an ISO-8601 duration ({@code PT72H}), the actor's roles are
 * separated by {@code ;}, {@code dueMet} is {@code true} or {@code false}. A cell that a spreadsheet would run (its
 * text starts, after any leading spaces, with {@code = + - @}, a tab or a carriage return) is prefixed with a single
 * quote; numbers and booleans are written as they are ({@link Csv}).
 *
 * <p>The text is also the timeline's canonical form: the PDF prints the SHA-256 of its UTF-8 bytes (no byte-order
 * mark), and the downloads carry it as {@code X-Timeline-Digest}, so the same answer must always give the same bytes.
 * The digest covers the CSV exactly as downloaded, the defusing quotes included: a reader hashes the file as it is.
 * Add columns only at the end.
 */
final class TimelineCsv {

    static final List<String> HEADER = List.of(
            "section",
            "eventId",
            "position",
            "requestId",
            "step",
            "description",
            "recordedAt",
            "occurredAt",
            "lateBy",
            "requestingAgencyId",
            "requestingAgencyName",
            "requestingAgencySector",
            "holdingAgencyId",
            "holdingAgencyName",
            "holdingAgencySector",
            "actorUsername",
            "actorDisplayName",
            "actorRoles",
            "actorAgencyId",
            "caseReference",
            "purpose",
            "purposeDetail",
            "lawfulBasis",
            "consentStatus",
            "consentDetail",
            "urgency",
            "informationSought",
            "dueBy",
            "scope",
            "informationShared",
            "method",
            "rationale",
            "withheldReasonCode",
            "withheldReasonText",
            "reasonCode",
            "reasonText",
            "adviceSought",
            "dueMet",
            "stage",
            "outcome");

    private TimelineCsv() {}

    static String render(Timeline timeline) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(HEADER));
        for (Entry entry : timeline.entries()) {
            rows.add(row("ENTRY", entry));
        }
        for (Entry entry : timeline.recordedLater()) {
            rows.add(row("RECORDED_LATER", entry));
        }
        if (timeline.eventsAtCheckpoint() != null) {
            List<Object> count = new ArrayList<>(Collections.nCopies(HEADER.size(), null));
            count.set(0, "EVENTS_AT_CHECKPOINT");
            count.set(2, timeline.eventsAtCheckpoint());
            count.set(5, inWords(timeline));
            rows.add(count);
        }
        return Csv.write(rows);
    }

    /** The count of the subject's steps at the export's checkpoint, as a sentence (the CSV, PDF and FHIR forms). */
    static String inWords(Timeline timeline) {
        long count = timeline.eventsAtCheckpoint();
        return "At the checkpoint of this export the ledger holds " + count + (count == 1 ? " step" : " steps")
                + " about this subject (recorded by the time asked, or happened by then and recorded later), "
                + "counted from its events; this export lists every one of them.";
    }

    private static List<Object> row(String section, Entry e) {
        AgencyRef requesting = e.requestingAgency();
        AgencyRef holding = e.holdingAgency();
        ActorRef actor = e.actor();
        return list(
                section,
                e.eventId(),
                e.position(),
                e.requestId(),
                e.step(),
                e.description(),
                e.recordedAt(),
                e.occurredAt(),
                e.lateBy(),
                requesting == null ? null : requesting.agencyId(),
                requesting == null ? null : requesting.name(),
                requesting == null ? null : requesting.sector(),
                holding == null ? null : holding.agencyId(),
                holding == null ? null : holding.name(),
                holding == null ? null : holding.sector(),
                actor == null ? null : actor.username(),
                actor == null ? null : actor.displayName(),
                actor == null || actor.roles() == null ? null : String.join(";", actor.roles()),
                actor == null ? null : actor.agencyId(),
                e.caseReference(),
                e.purpose(),
                e.purposeDetail(),
                e.lawfulBasis(),
                e.consent() == null ? null : e.consent().status(),
                e.consent() == null ? null : e.consent().detail(),
                e.urgency(),
                e.informationSought(),
                e.dueBy(),
                e.scope(),
                e.informationShared(),
                e.method(),
                e.rationale(),
                code(e.withheldReason()),
                words(e.withheldReason()),
                code(e.reason()),
                words(e.reason()),
                e.adviceSought(),
                e.dueMet(),
                e.stage(),
                e.outcome());
    }

    private static String code(Code code) {
        return code == null ? null : code.code();
    }

    private static String words(Code code) {
        return code == null ? null : code.text();
    }

    private static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
