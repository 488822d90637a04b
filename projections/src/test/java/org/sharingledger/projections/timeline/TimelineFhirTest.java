package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.sharingledger.projections.timeline.SampleTimelines.CSC;
import static org.sharingledger.projections.timeline.SampleTimelines.POLICE;
import static org.sharingledger.projections.timeline.SampleTimelines.T0;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;
import org.sharingledger.projections.timeline.Timeline.Code;
import org.sharingledger.projections.timeline.Timeline.Consent;
import org.sharingledger.projections.timeline.Timeline.Entry;
import org.sharingledger.projections.timeline.Timeline.Summary;

/** The FHIR R4 export: one BALP-style AuditEvent per timeline entry, valid against the R4 specification offline. */
class TimelineFhirTest {

    /** Loading the R4 profiles and terminology takes seconds: one validator for the class. */
    private static final FhirValidator VALIDATOR = validator(TimelineFhir.context());

    private static final AgencyRef HEALTH = new AgencyRef("ashcombe-health", "Ashcombe Healthcare NHS Trust", "HEALTH");
    private static final AgencyRef SCHOOL = new AgencyRef("hill-school", "Hill Primary School", "EDUCATION");

    @Test
    void refusedEscalatedSharedIsOneAuditEventPerEntryInOrder() {
        Timeline timeline = SampleTimelines.refusedEscalatedShared();

        String json = TimelineFhir.toJson(timeline);
        Bundle bundle = parse(json);

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getIdentifier().getValue()).isEqualTo(timeline.grantId());
        assertThat(bundle.getTimestamp()).isEqualTo(Date.from(timeline.generatedAt()));
        List<AuditEvent> events = auditEvents(bundle);
        assertThat(events)
                .extracting(TimelineFhirTest::step)
                .containsExactly("REQUESTED", "REFUSED", "ESCALATED", "ESCALATION_RESOLVED");
        assertThat(events).extracting(TimelineFhirTest::eventId).containsExactly("e1", "e2", "e3", "e4");
        assertThat(events).extracting(e -> detail(e, "position")).containsExactly("101", "102", "140", "141");
        assertThat(events)
                .allSatisfy(event -> assertThat(event.getEntityFirstRep()
                                .getWhat()
                                .getIdentifier()
                                .getValue())
                        .isEqualTo(SampleTimelines.REQUEST));
        assertThat(events)
                .extracting(AuditEvent::getOutcome)
                .containsExactly(
                        AuditEventOutcome._0, AuditEventOutcome._8, AuditEventOutcome._0, AuditEventOutcome._0);

        AuditEvent requested = events.get(0);
        assertThat(requested.getType().getCode()).isEqualTo("110112");
        assertThat(requested.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
        assertThat(requested.getRecorded()).isEqualTo(Date.from(T0));
        assertThat(requested.getPeriod().getStart()).isEqualTo(Date.from(T0));
        assertThat(requested.getPurposeOfEventFirstRep().getText())
                .isEqualTo("CHILD_PROTECTION_ENQUIRY: Section 47 enquiry");
        assertThat(requested.getPurposeOfEventFirstRep().getCoding())
                .extracting(Coding::getSystem, Coding::getCode)
                .containsExactly(tuple(TimelineFhir.ACT_REASON, "THREAT"));
        assertThat(requested.getText().getDiv().allText())
                .isEqualTo("County Children's Social Care asked Lowmarsh Constabulary (Ashcombe) for information");
        assertThat(agency(requested, "110153")).isEqualTo(POLICE.agencyId());
        assertThat(agency(requested, "110152")).isEqualTo(CSC.agencyId());
        AuditEventAgentComponent asker = person(requested);
        assertThat(asker.getWho().getDisplay()).isEqualTo("Tod Ferrow");
        assertThat(asker.getWho().getIdentifier().getValue()).isEqualTo("sw.ferrow");
        assertThat(asker.getRequestor()).isTrue();
        assertThat(requested.getAgent()).filteredOn(a -> a.getRequestor()).hasSize(1);

        AuditEvent refused = events.get(1);
        assertThat(refused.getType().getCode()).isEqualTo("110106");
        assertThat(refused.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(refused.getOutcomeDesc())
                .contains("Disclosure would prejudice an investigation", "A live investigation would be harmed");
        assertThat(refused.getRecorded())
                .isEqualTo(Date.from(T0.plus(Duration.ofHours(3)).plus(Duration.ofDays(3))));
        assertThat(refused.getPeriod().getStart()).isEqualTo(Date.from(T0.plus(Duration.ofHours(3))));
        assertThat(agency(refused, "110153")).isEqualTo(POLICE.agencyId());
        assertThat(agency(refused, "110152")).isEqualTo(CSC.agencyId());
        assertThat(person(refused).getWho().getIdentifier().getValue()).isEqualTo("pc.khan");
        assertThat(person(refused).getRequestor()).isFalse();

        AuditEvent resolved = events.get(3);
        assertThat(resolved.getType().getCode()).isEqualTo("110106");
        assertThat(resolved.getSubtype()).extracting(Coding::getCode).contains("ESCALATION_RESOLVED", "disclose");

        assertValid(json);
    }

    @Test
    void partialShareWithdrawalAndMissedDeadlineValidateWithTheirOutcomes() {
        Timeline timeline = otherSteps();

        String json = TimelineFhir.toJson(timeline);
        List<AuditEvent> events = auditEvents(parse(json));

        assertThat(events)
                .extracting(TimelineFhirTest::step)
                .containsExactly(
                        "REQUESTED", "OVERDUE", "PARTIALLY_SHARED", "REQUESTED", "WITHDRAWN", "REQUESTED", "SHARED");
        assertThat(events)
                .extracting(AuditEvent::getOutcome)
                .containsExactly(
                        AuditEventOutcome._0,
                        AuditEventOutcome._4,
                        AuditEventOutcome._0,
                        AuditEventOutcome._0,
                        AuditEventOutcome._0,
                        AuditEventOutcome._0,
                        AuditEventOutcome._0);

        AuditEvent requested = events.get(0);
        assertThat(requested.getPurposeOfEventFirstRep().getCoding())
                .extracting(Coding::getCode)
                .containsExactly("TREAT");
        assertThat(events.get(3).getPurposeOfEventFirstRep().getText()).isEqualTo("EDUCATION_WELFARE: Attendance");
        assertThat(events.get(3).getPurposeOfEventFirstRep().getCoding()).isEmpty();
        AuditEvent overdue = events.get(1);
        assertThat(overdue.getOutcomeDesc()).contains("No decision by");
        assertThat(overdue.getAgent())
                .extracting(a -> a.getWho().getIdentifier().getValue())
                .containsExactly(HEALTH.agencyId(), CSC.agencyId());
        AuditEvent partial = events.get(2);
        assertThat(partial.getOutcomeDesc()).contains("withheld", "Third-party information");
        assertThat(agency(partial, "110153")).isEqualTo(HEALTH.agencyId());
        AuditEvent withdrawn = events.get(4);
        assertThat(withdrawn.getType().getCode()).isEqualTo("110112");
        assertThat(person(withdrawn).getRequestor()).isTrue();
        AuditEvent shared = events.get(6);
        assertThat(shared.getType().getCode()).isEqualTo("110106");
        assertThat(agency(shared, "110153")).isEqualTo(SCHOOL.agencyId());
        assertThat(agency(shared, "110152")).isEqualTo(CSC.agencyId());

        assertValid(json);
    }

    @Test
    void theValidatorRejectsAnInventedPurposeCode() {
        String json = TimelineFhir.toJson(SampleTimelines.refusedEscalatedShared());

        List<SingleValidationMessage> errors = errors(json.replace("\"THREAT\"", "\"CHILDPROT\""));

        assertThat(errors)
                .extracting(SingleValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("CHILDPROT"));
    }

    private static void assertValid(String json) {
        List<SingleValidationMessage> errors = errors(json);
        assertThat(errors)
                .as(() -> "validation errors:\n"
                        + errors.stream()
                                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private static List<SingleValidationMessage> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    private static FhirValidator validator(FhirContext context) {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context));
        FhirValidator validator = context.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    private static Bundle parse(String json) {
        return TimelineFhir.context().newJsonParser().parseResource(Bundle.class, json);
    }

    private static List<AuditEvent> auditEvents(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    }

    private static String step(AuditEvent event) {
        return event.getSubtype().stream()
                .filter(c -> TimelineFhir.STEP_SYSTEM.equals(c.getSystem()))
                .findFirst()
                .orElseThrow()
                .getCode();
    }

    private static String eventId(AuditEvent event) {
        return detail(event, "eventId");
    }

    private static String detail(AuditEvent event, String type) {
        return event.getEntityFirstRep().getDetail().stream()
                .filter(d -> type.equals(d.getType()))
                .findFirst()
                .orElseThrow()
                .getValue()
                .primitiveValue();
    }

    /** The agency in a DICOM role: 110153 source (holding), 110152 destination (requesting). */
    private static String agency(AuditEvent event, String role) {
        AuditEventAgentComponent agent = event.getAgent().stream()
                .filter(a -> role.equals(a.getType().getCodingFirstRep().getCode()))
                .findFirst()
                .orElseThrow();
        assertThat(agent.getWho().getIdentifier().getSystem()).isEqualTo(TimelineFhir.AGENCY_SYSTEM);
        assertThat(agent.getRequestor()).isFalse();
        return agent.getWho().getIdentifier().getValue();
    }

    private static AuditEventAgentComponent person(AuditEvent event) {
        return event.getAgent().stream()
                .filter(a -> TimelineFhir.USER_SYSTEM.equals(
                        a.getWho().getIdentifier().getSystem()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Health asked for and shared in part after missing its deadline; a school request withdrawn; a school
     * request shared.
     */
    private static Timeline otherSteps() {
        ActorRef socialWorker = new ActorRef("sw.ferrow", "Tod Ferrow", List.of("PRACTITIONER"), CSC.agencyId());
        ActorRef nurse = new ActorRef("rn.patel", "Priya Patel", List.of("PRACTITIONER"), HEALTH.agencyId());
        ActorRef head = new ActorRef("head.ross", "Ms Ross", List.of("PRACTITIONER"), SCHOOL.agencyId());
        String health = "4b1d6c0e-1f6a-4e55-8d7e-0c9f3a2b1c01";
        String withdrawnRequest = "4b1d6c0e-1f6a-4e55-8d7e-0c9f3a2b1c02";
        String school = "4b1d6c0e-1f6a-4e55-8d7e-0c9f3a2b1c03";
        Instant due = T0.plus(Duration.ofHours(24));
        Instant lateDecision = due.plus(Duration.ofHours(6));
        List<Entry> entries = List.of(
                requested("f1", 201, health, HEALTH, socialWorker, "HEALTH_CARE", null, T0),
                entry(
                        "f2",
                        260,
                        health,
                        "OVERDUE",
                        "No decision by the due time",
                        due,
                        HEALTH,
                        null,
                        null,
                        null,
                        null,
                        due,
                        null),
                new Entry(
                        "f3",
                        270,
                        health,
                        "PARTIALLY_SHARED",
                        "Health shared in part",
                        lateDecision,
                        lateDecision,
                        null,
                        CSC,
                        HEALTH,
                        nurse,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        due,
                        "PARTIAL",
                        "Immunisation record",
                        "SECURE_EMAIL",
                        "Sibling's records are not ours to give",
                        new Code("THIRD_PARTY_CONFIDENTIALITY", "Third-party information"),
                        null,
                        null,
                        false,
                        null,
                        null,
                        null),
                requested(
                        "f4",
                        301,
                        withdrawnRequest,
                        SCHOOL,
                        socialWorker,
                        "EDUCATION_WELFARE",
                        "Attendance",
                        T0.plus(Duration.ofDays(1))),
                entry(
                        "f5",
                        305,
                        withdrawnRequest,
                        "WITHDRAWN",
                        "Withdrawn: asked the wrong school",
                        T0.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)),
                        SCHOOL,
                        socialWorker,
                        null,
                        null,
                        null,
                        null,
                        null),
                requested(
                        "f6",
                        320,
                        school,
                        SCHOOL,
                        socialWorker,
                        "CHILD_IN_NEED_ASSESSMENT",
                        null,
                        T0.plus(Duration.ofDays(2))),
                new Entry(
                        "f7",
                        330,
                        school,
                        "SHARED",
                        "Hill Primary School shared",
                        T0.plus(Duration.ofDays(3)),
                        T0.plus(Duration.ofDays(3)),
                        null,
                        CSC,
                        SCHOOL,
                        head,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "FULL",
                        "Attendance and welfare notes",
                        "SECURE_EMAIL",
                        null,
                        null,
                        null,
                        null,
                        true,
                        null,
                        null,
                        null));
        Instant now = T0.plus(Duration.ofDays(10));
        return new Timeline(
                now,
                now,
                "Serious case review: Child B",
                "reviewer.smith",
                "5a7f0c1e-2d3b-4c4e-9b1a-3d2f5e6a7b8c",
                new Summary(3, 1, 1, 0, 0, 1, 3, 15.0),
                entries,
                List.of());
    }

    private static Entry requested(
            String eventId,
            long position,
            String requestId,
            AgencyRef holding,
            ActorRef actor,
            String purpose,
            String purposeDetail,
            Instant at) {
        return new Entry(
                eventId,
                position,
                requestId,
                "REQUESTED",
                "County Children's Social Care asked " + holding.name() + " for information",
                at,
                at,
                null,
                CSC,
                holding,
                actor,
                null,
                purpose,
                purposeDetail,
                "PUBLIC_TASK",
                new Consent("GIVEN", null),
                "URGENT",
                "What is known of the family",
                at.plus(Duration.ofHours(24)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static Entry entry(
            String eventId,
            long position,
            String requestId,
            String step,
            String description,
            Instant at,
            AgencyRef holding,
            ActorRef actor,
            String rationale,
            Code reason,
            String outcome,
            Instant dueBy,
            Boolean dueMet) {
        return new Entry(
                eventId,
                position,
                requestId,
                step,
                description,
                at,
                at,
                null,
                CSC,
                holding,
                actor,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                dueBy,
                null,
                null,
                null,
                rationale,
                null,
                reason,
                null,
                dueMet,
                null,
                outcome,
                null);
    }
}
