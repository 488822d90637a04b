package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.agency.api.NominatedRepresentative;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.request.api.Consent;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.EscalationResolved;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.InformationShared;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.Method;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.Purpose;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.RefusalEscalated;
import org.sharingledger.request.api.RequestBecameOverdue;
import org.sharingledger.request.api.RequestWithdrawn;
import org.sharingledger.request.api.Scope;
import org.sharingledger.request.api.Stage;
import org.sharingledger.request.api.Urgency;
import org.sharingledger.subject.api.SubjectKind;
import org.sharingledger.support.BatchedEvents;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Given events, the rows the dashboards keep: each handler called directly, inside a transaction that is rolled
 * back afterwards, so nothing is left that the event store does not explain.
 */
class DashboardProjectionTest extends IntegrationTest {

    private static final Instant REQUESTED = Instant.parse("2009-03-02T09:00:00Z");
    private static final Instant DUE = REQUESTED.plusSeconds(24 * 3600);

    @Autowired
    DashboardProjection projection;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    private TransactionStatus tx;
    private String id;

    @BeforeEach
    void begin() {
        tx = transactions.getTransaction(new DefaultTransactionDefinition());
        id = UUID.randomUUID().toString();
        projection.on(requested(id));
    }

    @AfterEach
    void rollBack() {
        transactions.rollback(tx);
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("select * from dashboard_request where request_id = ?::uuid", id);
    }

    @Test
    void aRequestIsReceivedAwaitingDecision() {
        assertThat(row())
                .containsEntry("requesting_agency_id", "csc")
                .containsEntry("holding_agency_id", "police")
                .containsEntry("status", "AWAITING_DECISION")
                .containsEntry("decision", null)
                .containsEntry("became_overdue", false);
    }

    @Test
    void agenciesAreKeptWithTheirSector() {
        String agency = UUID.randomUUID().toString();
        projection.on(new AgencySigned(
                agency,
                "Ashcombe Police",
                Sector.POLICE,
                null,
                new NominatedRepresentative("A", "a@b.example"),
                LocalDate.of(2008, 3, 1),
                "1",
                REQUESTED));
        assertThat(jdbc.queryForMap("select name, sector from dashboard_agency where agency_id = ?", agency))
                .containsEntry("name", "Ashcombe Police")
                .containsEntry("sector", "POLICE");
    }

    @Test
    void aFullShareIsTheFirstDecision() {
        projection.on(new InformationShared(
                id,
                "csc",
                "police",
                Scope.FULL,
                "log",
                Method.SECURE_EMAIL,
                "why",
                null,
                null,
                REQUESTED.plusSeconds(3600),
                REQUESTED.plusSeconds(1800),
                false,
                null));
        assertThat(row())
                .containsEntry("decision", "SHARED")
                .containsEntry("status", "SHARED")
                .containsEntry("decided_late", false);
        assertThat(((Timestamp) row().get("decided_at")).toInstant())
                .as("when it really happened")
                .isEqualTo(REQUESTED.plusSeconds(1800));
    }

    @Test
    void aPartialShareCountsAsPartiallyShared() {
        projection.on(new InformationShared(
                id,
                "csc",
                "police",
                Scope.PARTIAL,
                "part",
                Method.POST,
                "why",
                Reason.THIRD_PARTY_CONFIDENTIALITY,
                null,
                REQUESTED.plusSeconds(60),
                REQUESTED.plusSeconds(60),
                false,
                null));
        assertThat(row()).containsEntry("decision", "PARTIALLY_SHARED").containsEntry("refusal_reason", null);
    }

    @Test
    void aLateRefusalKeepsItsReasonAndLateness() {
        projection.on(new RequestBecameOverdue(id, "csc", "police", DUE, DUE));
        projection.on(new InformationRefused(
                id,
                "csc",
                "police",
                Reason.STATUTORY_BAR,
                "law",
                null,
                DUE.plusSeconds(60),
                DUE.plusSeconds(60),
                true,
                null));
        assertThat(row())
                .containsEntry("decision", "REFUSED")
                .containsEntry("refusal_reason", "STATUTORY_BAR")
                .containsEntry("decided_late", true)
                .containsEntry("became_overdue", true);
    }

    @Test
    void escalationsAreCountedWithTheirOutcomes() {
        projection.on(new InformationRefused(
                id, "csc", "police", Reason.OTHER, "no", null, REQUESTED, REQUESTED, false, null));
        projection.on(
                new RefusalEscalated(id, "csc", "police", Stage.LINE_MANAGER, "need it", REQUESTED),
                message(2, new RefusalEscalated(id, "csc", "police", Stage.LINE_MANAGER, "need it", REQUESTED)));
        assertThat(row()).containsEntry("status", "ESCALATED").containsEntry("escalation_open", true);

        projection.on(new EscalationResolved(
                id, "csc", "police", Stage.LINE_MANAGER, Outcome.REFUSAL_UPHELD, "no", null, null, REQUESTED, null));
        RefusalEscalated second =
                new RefusalEscalated(id, "csc", "police", Stage.SAFEGUARDING_PARTNERSHIP, "again", REQUESTED);
        projection.on(second, message(4, second));
        projection.on(new EscalationResolved(
                id,
                "csc",
                "police",
                Stage.SAFEGUARDING_PARTNERSHIP,
                Outcome.SHARED,
                "yes",
                "all",
                Method.MEETING,
                REQUESTED,
                null));

        assertThat(row())
                .containsEntry("status", "SHARED_AFTER_ESCALATION")
                .containsEntry("escalation_open", false)
                .as("the first decision stays the first decision")
                .containsEntry("decision", "REFUSED");
        assertThat(jdbc.queryForList(
                        "select stage, outcome from dashboard_escalation where request_id = ?::uuid " + "order by seq",
                        id))
                .containsExactly(
                        Map.of("stage", "LINE_MANAGER", "outcome", "REFUSAL_UPHELD"),
                        Map.of("stage", "SAFEGUARDING_PARTNERSHIP", "outcome", "SHARED"));
    }

    @Test
    void eachStepIsAddedToTheDailyTotalsOfTheDayTheRequestWasMade() {
        projection.on(new InformationRefused(
                id,
                "csc",
                "police",
                Reason.STATUTORY_BAR,
                "law",
                null,
                DUE.plusSeconds(60),
                DUE.plusSeconds(60),
                true,
                null));
        RefusalEscalated escalated = new RefusalEscalated(id, "csc", "police", Stage.LINE_MANAGER, "need it", DUE);
        projection.on(escalated, message(2, escalated));

        Map<String, Object> day = jdbc.queryForMap("""
                select * from dashboard_daily where day = date '2009-03-02' and holding_agency_id = 'police'
                and requesting_agency_id = 'csc'""");
        assertThat(day)
                .containsEntry("received", 1)
                .containsEntry("decided", 1)
                .containsEntry("refused", 1)
                .containsEntry("decided_late", 1)
                .containsEntry("escalations", 1)
                .containsEntry("escalations_open", 1);
        assertThat(jdbc.queryForObject(
                        "select refused from dashboard_daily_reason where day = date '2009-03-02' "
                                + "and holding_agency_id = 'police' and reason = 'STATUTORY_BAR'",
                        Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select raised from dashboard_daily_stage where day = date '2009-03-02' "
                                + "and requesting_agency_id = 'csc' and stage = 'LINE_MANAGER'",
                        Integer.class))
                .isEqualTo(1);

        projection.on(new EscalationResolved(
                id, "csc", "police", Stage.LINE_MANAGER, Outcome.REFUSAL_UPHELD, "no", null, null, DUE, null));
        assertThat(
                        jdbc.queryForMap(
                                "select escalations_open, escalations_upheld from dashboard_daily "
                                        + "where day = date '2009-03-02' and holding_agency_id = 'police' and requesting_agency_id = 'csc'"))
                .containsEntry("escalations_open", 0)
                .containsEntry("escalations_upheld", 1);
    }

    @Test
    void aDecisionByAnAccreditedUserCountsAsKnownAndAccredited() {
        projection.on(new InformationShared(
                id,
                "csc",
                "police",
                Scope.FULL,
                "log",
                Method.SECURE_EMAIL,
                "why",
                null,
                null,
                REQUESTED.plusSeconds(60),
                REQUESTED.plusSeconds(60),
                false,
                true));
        assertThat(row()).containsEntry("decided_by_accredited", true);
        assertThat(accreditation())
                .containsEntry("decided_accreditation_known", 1)
                .containsEntry("decided_accredited", 1);
    }

    @Test
    void aDecisionByAnUnaccreditedUserCountsAsKnownButNotAccredited() {
        projection.on(new InformationRefused(
                id, "csc", "police", Reason.OTHER, "no", null, REQUESTED, REQUESTED, false, false));
        assertThat(row()).containsEntry("decided_by_accredited", false);
        assertThat(accreditation())
                .containsEntry("decided_accreditation_known", 1)
                .containsEntry("decided_accredited", 0);
    }

    @Test
    void aDecisionRecordedBeforeTrainingWasTrackedCountsOnNeitherSide() {
        projection.on(new InformationRefused(
                id, "csc", "police", Reason.OTHER, "no", null, REQUESTED, REQUESTED, false, null));
        assertThat(row()).containsEntry("decided_by_accredited", null);
        assertThat(accreditation())
                .as("decided, but not in the accredited share")
                .containsEntry("decided", 1)
                .containsEntry("decided_accreditation_known", 0)
                .containsEntry("decided_accredited", 0);
    }

    @Test
    void aResolutionIsNotCountedAmongTheAgencysDecisions() {
        projection.on(new InformationRefused(
                id, "csc", "police", Reason.OTHER, "no", null, REQUESTED, REQUESTED, false, false));
        RefusalEscalated escalated = new RefusalEscalated(id, "csc", "police", Stage.LINE_MANAGER, "need it", DUE);
        projection.on(escalated, message(2, escalated));
        projection.on(new EscalationResolved(
                id, "csc", "police", Stage.LINE_MANAGER, Outcome.REFUSAL_UPHELD, "no", null, null, DUE, true));
        assertThat(accreditation())
                .containsEntry("decided_accreditation_known", 1)
                .containsEntry("decided_accredited", 0);
    }

    private Map<String, Object> accreditation() {
        return jdbc.queryForMap("""
                select decided, decided_accreditation_known, decided_accredited from dashboard_daily
                where day = date '2009-03-02' and holding_agency_id = 'police' and requesting_agency_id = 'csc'""");
    }

    @Test
    void aWithdrawnRequestHasNoDecision() {
        projection.on(new RequestWithdrawn(id, "csc", "police", "moved away", REQUESTED));
        assertThat(row()).containsEntry("status", "WITHDRAWN").containsEntry("decision", null);
    }

    @Test
    void replayingAnEventChangesNothing() {
        projection.on(new InformationRequested(
                id,
                "x",
                "y",
                "p".repeat(64),
                SubjectKind.NHS_NUMBER,
                null,
                Purpose.OTHER,
                "d",
                LawfulBasis.PUBLIC_TASK,
                new Consent(ConsentStatus.GIVEN, null),
                Urgency.ROUTINE,
                "s",
                REQUESTED,
                DUE,
                null,
                null));
        assertThat(row()).containsEntry("requesting_agency_id", "csc");
    }

    /**
     * The streaming processors share one cached copy of each stored event, whose payload Axon deserializes lazily and
     * without a lock: a handler may be given another instance than the one its message holds by then. The event is
     * still written with its batch, in its order: the refusal after the request's row, the resolution after the
     * escalation.
     */
    @Test
    void anEventGivenAsAnotherInstanceOfItsPayloadIsWrittenInItsBatchsOrder() {
        String other = UUID.randomUUID().toString();
        RefusalEscalated escalated =
                new RefusalEscalated(other, "csc", "police", Stage.LINE_MANAGER, "need", REQUESTED);
        List<DomainEventMessage<?>> batch = List.of(
                new GenericDomainEventMessage<>("SharingRequest", other, 0, requested(other)),
                new GenericDomainEventMessage<>(
                        "SharingRequest",
                        other,
                        1,
                        new InformationRefused(
                                other, "csc", "police", Reason.OTHER, "no", null, REQUESTED, REQUESTED, false, null)),
                new GenericDomainEventMessage<>("SharingRequest", other, 2, escalated),
                new GenericDomainEventMessage<>(
                        "SharingRequest",
                        other,
                        3,
                        new EscalationResolved(
                                other,
                                "csc",
                                "police",
                                Stage.LINE_MANAGER,
                                Outcome.SHARED,
                                "yes",
                                "all",
                                Method.MEETING,
                                REQUESTED,
                                null)));

        ResultMessage<?> result = new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            DomainEventMessage<?> message =
                    (DomainEventMessage<?>) CurrentUnitOfWork.get().getMessage();
            Object payload = message.getPayload();
            if (payload instanceof InformationRequested requested) {
                projection.on(requested);
            } else if (payload instanceof InformationRefused refused) {
                projection.on(anotherInstance(refused));
            } else if (payload instanceof RefusalEscalated raised) {
                projection.on(raised, message);
            } else {
                projection.on(anotherInstance((EscalationResolved) payload));
            }
            return null;
        });

        assertThat(result.isExceptional()).as(String.valueOf(result)).isFalse();
        assertThat(jdbc.queryForMap("select * from dashboard_request where request_id = ?::uuid", other))
                .containsEntry("status", "SHARED_AFTER_ESCALATION")
                .containsEntry("decision", "REFUSED")
                .containsEntry("escalation_open", false);
        assertThat(jdbc.queryForList(
                        "select stage, outcome from dashboard_escalation where request_id = ?::uuid", other))
                .containsExactly(Map.of("stage", "LINE_MANAGER", "outcome", "SHARED"));
    }

    /** Telling its batch's events apart by equality needs every event it handles to be a value: a record. */
    @Test
    void everyEventItHandlesIsARecordWithoutArrays() {
        BatchedEvents.assertEveryHandledEventIsAValue(DashboardProjection.class);
    }

    private <T> T anotherInstance(T event) {
        return BatchedEvents.anotherInstance(eventSerializer, event);
    }

    private static InformationRequested requested(String requestId) {
        return new InformationRequested(
                requestId,
                "csc",
                "police",
                "p".repeat(64),
                SubjectKind.NHS_NUMBER,
                null,
                Purpose.CHILD_PROTECTION_ENQUIRY,
                "s47",
                LawfulBasis.PUBLIC_TASK,
                new Consent(ConsentStatus.NOT_SOUGHT, "risk"),
                Urgency.URGENT,
                "call-outs",
                REQUESTED,
                DUE,
                null,
                null);
    }

    private GenericDomainEventMessage<RefusalEscalated> message(long sequence, RefusalEscalated event) {
        return new GenericDomainEventMessage<>("SharingRequest", id, sequence, event);
    }
}
