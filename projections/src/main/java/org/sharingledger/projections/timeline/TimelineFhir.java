package org.sharingledger.projections.timeline;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;
import org.sharingledger.projections.timeline.Timeline.Entry;

/**
 * A timeline as an HL7 FHIR R4 {@code Bundle} (type {@code collection}) of one {@code AuditEvent} per entry, in the
 * entries' order.
 *
 * <p>Each AuditEvent follows IHE Basic Audit Log Patterns (BALP), "Privacy Disclosure at Source"
 * (https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PrivacyDisclosure.Source): type DICOM
 * {@code 110106 Export}, subtype ISO 21089 {@code disclose}, action {@code R}, the holding agency as
 * {@code 110153 Source Role ID} and the requesting agency as {@code 110152 Destination Role ID} (both
 * {@code requestor=false}), the person who asked as the requestor, and the ledger as the observing application
 * server. A decision that shares is outcome 0; a refusal (or an upheld refusal) is 8 with the reason and rationale in
 * {@code outcomeDesc}; a missed deadline is 4. The requesting side's steps (request, escalation, withdrawal) are
 * DICOM {@code 110112 Query}, action {@code E}. The step itself is in {@code subtype} under
 * {@code urn:sharing-ledger:step}, and the entity (the request) carries the ledger's event id and position so that
 * every AuditEvent can be checked against the ledger. No child identifier is exported.
 *
 * <p>A {@code collection}, not a {@code searchset}: the timeline is a document assembled for a review, not the
 * answer to a FHIR search (a searchset would call for {@code entry.search.mode}, a {@code total} and a self link).
 */
final class TimelineFhir {

    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String LIFECYCLE = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
    static final String STEP_SYSTEM = "urn:sharing-ledger:step";
    static final String AGENCY_SYSTEM = "urn:sharing-ledger:agency";
    static final String USER_SYSTEM = "urn:sharing-ledger:user";
    static final String REQUEST_SYSTEM = "urn:sharing-ledger:request";
    static final String GRANT_SYSTEM = "urn:sharing-ledger:timeline-grant";
    static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    static final String AS_OF = "urn:sharing-ledger:timeline:as-of";
    static final String REVIEW = "urn:sharing-ledger:timeline:review";
    static final String REVIEWER = "urn:sharing-ledger:timeline:reviewer";
    static final String EVENTS_AT_CHECKPOINT = "urn:sharing-ledger:timeline:events-at-checkpoint";

    private TimelineFhir() {}

    /** Creating a FhirContext scans the whole R4 model (about a second): one, on first use. */
    private static final class Context {
        static final FhirContext R4 = FhirContext.forR4();
    }

    static FhirContext context() {
        return Context.R4;
    }

    static String toJson(Timeline timeline) {
        return context().newJsonParser().setPrettyPrint(true).encodeResourceToString(toBundle(timeline));
    }

    static Bundle toBundle(Timeline timeline) {
        Bundle bundle = new Bundle()
                .setType(Bundle.BundleType.COLLECTION)
                .setIdentifier(new Identifier().setSystem(GRANT_SYSTEM).setValue(timeline.grantId()));
        bundle.setTimestampElement(instant(timeline.generatedAt()));
        bundle.getMeta().addExtension(new Extension(AS_OF, instant(timeline.asOf())));
        if (timeline.review() != null) {
            bundle.getMeta().addExtension(new Extension(REVIEW, new StringType(timeline.review())));
        }
        if (timeline.reviewer() != null) {
            bundle.getMeta().addExtension(new Extension(REVIEWER, new StringType(timeline.reviewer())));
        }
        if (timeline.eventsAtCheckpoint() != null) {
            bundle.getMeta()
                    .addExtension(new Extension(
                            EVENTS_AT_CHECKPOINT,
                            new StringType(
                                    timeline.recordedLater().isEmpty()
                                            ? TimelineCsv.inWords(timeline)
                                            : TimelineCsv.inWords(timeline) + " This bundle holds the "
                                                    + timeline.entries().size() + " recorded by then; the other "
                                                    + timeline.recordedLater().size()
                                                    + " (recorded later) are in the JSON, CSV and PDF forms.")));
        }
        for (Entry entry : timeline.entries()) {
            bundle.addEntry().setFullUrl(fullUrl(entry)).setResource(auditEvent(entry));
        }
        return bundle;
    }

    private static AuditEvent auditEvent(Entry entry) {
        Kind kind = Kind.of(entry);
        AuditEvent event = new AuditEvent();
        if (entry.description() != null) {
            XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
            div.addText(entry.description());
            event.getText().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
        }
        event.setType(new Coding(DICOM, kind.code, kind.display));
        event.addSubtype(new Coding(STEP_SYSTEM, entry.step(), null));
        if (kind == Kind.EXPORT) {
            event.addSubtype(new Coding(LIFECYCLE, "disclose", "Disclose Record Lifecycle Event"));
        }
        event.setAction(kind.action);
        event.setRecordedElement(instant(entry.recordedAt()));
        if (entry.occurredAt() != null) {
            event.setPeriod(new Period().setStartElement(dateTime(entry.occurredAt())));
        }
        outcome(event, entry);
        if (entry.purpose() != null) {
            event.addPurposeOfEvent(purpose(entry));
        }

        if (entry.holdingAgency() != null) {
            event.addAgent(agency(entry.holdingAgency(), "110153", "Source Role ID"));
        }
        if (entry.requestingAgency() != null) {
            event.addAgent(agency(entry.requestingAgency(), "110152", "Destination Role ID"));
        }
        if (entry.actor() != null) {
            event.addAgent(person(entry));
        }
        event.getSource()
                .setObserver(new Reference().setDisplay("Information-sharing ledger"))
                .addType(new Coding(
                        "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server"));

        AuditEventEntityComponent request = event.addEntity()
                .setWhat(new Reference()
                        .setIdentifier(
                                new Identifier().setSystem(REQUEST_SYSTEM).setValue(entry.requestId())))
                .setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
                .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "24", "Query"));
        detail(request, "eventId", entry.eventId());
        detail(request, "position", Long.toString(entry.position()));
        detail(request, "step", entry.step());
        return event;
    }

    /** Shares and requests succeed (0); a refusal fails (8) with its reason and rationale; a missed deadline is 4. */
    private static void outcome(AuditEvent event, Entry entry) {
        switch (entry.step()) {
            case "REFUSED" ->
                failed(
                        event,
                        AuditEventOutcome._8,
                        words(entry.reason() == null ? null : entry.reason().text(), entry.rationale()));
            case "ESCALATION_RESOLVED" -> {
                if ("REFUSAL_UPHELD".equals(entry.outcome())) {
                    failed(event, AuditEventOutcome._8, words("Refusal upheld", entry.rationale()));
                } else {
                    event.setOutcome(AuditEventOutcome._0);
                }
            }
            case "PARTIALLY_SHARED" -> {
                event.setOutcome(AuditEventOutcome._0);
                if (entry.withheldReason() != null) {
                    event.setOutcomeDesc(words(
                            "Shared in part; withheld: "
                                    + entry.withheldReason().text(),
                            entry.rationale()));
                }
            }
            case "OVERDUE" ->
                failed(
                        event,
                        AuditEventOutcome._4,
                        entry.dueBy() == null ? "No decision by the due time" : "No decision by " + entry.dueBy());
            default -> event.setOutcome(AuditEventOutcome._0);
        }
    }

    private static void failed(AuditEvent event, AuditEventOutcome outcome, String description) {
        event.setOutcome(outcome);
        event.setOutcomeDesc(description);
    }

    /**
     * The ledger's purpose (and its detail) as text, with a v3 PurposeOfUse code only where one truly fits: child
     * protection is {@code THREAT} ("to prevent injury or disease to living subjects who may be the target of
     * violence") and health care is {@code TREAT}. The other purposes have no v3 equivalent (the codes are health
     * care's), so they stay text; a code system of our own next to a v3 code makes the validator warn that none of
     * the codings is in the value set.
     */
    private static CodeableConcept purpose(Entry entry) {
        CodeableConcept purpose = new CodeableConcept().setText(words(entry.purpose(), entry.purposeDetail()));
        switch (entry.purpose()) {
            case "CHILD_PROTECTION_ENQUIRY" -> purpose.addCoding(new Coding(ACT_REASON, "THREAT", "threat"));
            case "HEALTH_CARE" -> purpose.addCoding(new Coding(ACT_REASON, "TREAT", "treatment"));
            default -> {}
        }
        return purpose;
    }

    private static AuditEventAgentComponent agency(AgencyRef agency, String code, String display) {
        return new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(DICOM, code, display)))
                .setWho(new Reference()
                        .setDisplay(agency.name())
                        .setIdentifier(new Identifier().setSystem(AGENCY_SYSTEM).setValue(agency.agencyId())))
                .setRequestor(false);
    }

    /** The person who took the step; the requestor when they act for the requesting agency. */
    private static AuditEventAgentComponent person(Entry entry) {
        Timeline.ActorRef actor = entry.actor();
        boolean asked = entry.requestingAgency() != null
                && entry.requestingAgency().agencyId().equals(actor.agencyId());
        AuditEventAgentComponent agent = new AuditEventAgentComponent()
                .setType(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/extra-security-role-type", "humanuser", "human user")))
                .setWho(new Reference()
                        .setDisplay(actor.displayName())
                        .setIdentifier(new Identifier().setSystem(USER_SYSTEM).setValue(actor.username())))
                .setRequestor(asked);
        if (actor.roles() != null) {
            actor.roles().forEach(role -> agent.addRole().setText(role));
        }
        return agent;
    }

    private static void detail(AuditEventEntityComponent entity, String type, String value) {
        if (value != null) {
            entity.addDetail().setType(type).setValue(new StringType(value));
        }
    }

    private static String words(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + ": " + second;
    }

    /** A stable urn:uuid per ledger event, so that the same timeline exports the same Bundle. */
    private static String fullUrl(Entry entry) {
        return "urn:uuid:"
                + UUID.nameUUIDFromBytes(("sharing-ledger:event:" + entry.eventId()).getBytes(StandardCharsets.UTF_8));
    }

    private static InstantType instant(Instant value) {
        InstantType instant = new InstantType(Date.from(value));
        instant.setTimeZoneZulu(true);
        return instant;
    }

    private static DateTimeType dateTime(Instant value) {
        DateTimeType dateTime = new DateTimeType(Date.from(value), TemporalPrecisionEnum.MILLI);
        dateTime.setTimeZoneZulu(true);
        return dateTime;
    }

    /** Which DICOM audit event a step is. */
    private enum Kind {
        EXPORT("110106", "Export", AuditEventAction.R),
        QUERY("110112", "Query", AuditEventAction.E),
        /** a step this exporter does not know yet: recorded, but not claimed as a disclosure or a query */
        ACTIVITY("110100", "Application Activity", AuditEventAction.E);

        final String code;
        final String display;
        final AuditEventAction action;

        Kind(String code, String display, AuditEventAction action) {
            this.code = code;
            this.display = display;
            this.action = action;
        }

        static Kind of(Entry entry) {
            return switch (entry.step()) {
                case "REQUESTED", "ESCALATED", "WITHDRAWN" -> QUERY;
                case "SHARED", "PARTIALLY_SHARED", "REFUSED", "ESCALATION_RESOLVED", "OVERDUE" -> EXPORT;
                default -> ACTIVITY;
            };
        }
    }
}
