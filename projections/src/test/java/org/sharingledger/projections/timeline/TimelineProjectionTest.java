package org.sharingledger.projections.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
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
import org.sharingledger.support.BatchedEvents;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Given a batch of events, the rows the timelines keep: handled as the timelines' processor hands them over, inside
 * a transaction that is rolled back afterwards.
 */
class TimelineProjectionTest extends IntegrationTest {

    private static final Instant SIGNED = Instant.parse("2008-03-01T09:00:00Z");

    @Autowired
    TimelineProjection projection;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    private TransactionStatus tx;

    @BeforeEach
    void begin() {
        tx = transactions.getTransaction(new DefaultTransactionDefinition());
    }

    @AfterEach
    void rollBack() {
        transactions.rollback(tx);
    }

    /**
     * The streaming processors share one cached copy of each stored event, whose payload Axon deserializes lazily and
     * without a lock: a handler may be given another instance than the one its message holds by then. The event is
     * still written with its batch, in its order, so an agency's newer name is the one kept.
     */
    @Test
    void anEventGivenAsAnotherInstanceOfItsPayloadIsWrittenInItsBatchsOrder() {
        String agency = "police-" + UUID.randomUUID();
        List<EventMessage<?>> batch = List.of(
                GenericEventMessage.asEventMessage(signed(agency, "Ashcombe Police")),
                GenericEventMessage.asEventMessage(signed(agency, "Ashcombe Constabulary")));

        ResultMessage<?> result = new BatchingUnitOfWork<>(batch).executeWithResult(() -> {
            AgencySigned signed =
                    (AgencySigned) CurrentUnitOfWork.get().getMessage().getPayload();
            projection.on(signed.name().equals("Ashcombe Police") ? signed : anotherInstance(signed));
            return null;
        });

        assertThat(result.isExceptional()).as(String.valueOf(result)).isFalse();
        assertThat(jdbc.queryForObject("select name from timeline_agency where agency_id = ?", String.class, agency))
                .isEqualTo("Ashcombe Constabulary");
    }

    private static AgencySigned signed(String agency, String name) {
        return new AgencySigned(
                agency,
                name,
                Sector.POLICE,
                null,
                new NominatedRepresentative("A", "a@b.example"),
                LocalDate.of(2008, 3, 1),
                "1",
                SIGNED);
    }

    /** Telling its batch's events apart by equality needs every event it handles to be a value: a record. */
    @Test
    void everyEventItHandlesIsARecordWithoutArrays() {
        BatchedEvents.assertEveryHandledEventIsAValue(TimelineProjection.class);
    }

    private <T> T anotherInstance(T event) {
        return BatchedEvents.anotherInstance(eventSerializer, event);
    }
}
