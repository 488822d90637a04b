package org.sharingledger.projections.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.sharingledger.request.api.Consent;
import org.sharingledger.request.api.ConsentStatus;
import org.sharingledger.request.api.EscalationResolved;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.LawfulBasis;
import org.sharingledger.request.api.Outcome;
import org.sharingledger.request.api.Purpose;
import org.sharingledger.request.api.Reason;
import org.sharingledger.request.api.RefusalEscalated;
import org.sharingledger.request.api.Stage;
import org.sharingledger.request.api.Urgency;
import org.sharingledger.subject.api.SubjectKind;
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Timing;
import org.sharingledger.timeline.api.TimelineSubject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark}. One child with 500 steps (100 requests refused,
 * escalated and resolved) among 150,000 other events; times reading the child's timeline and prints the figures.
 */
class TimelineBenchmark extends IntegrationTest {

    private static final int BACKGROUND_EVENTS = 150_000;

    @Autowired
    EventStore eventStore;

    @Autowired
    Timelines timelines;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChildWith500StepsAmongManyEvents() {
        String child = "c".repeat(64);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Instant start = Instant.now();
        long stored = 0;
        List<EventMessage<?>> batch = new ArrayList<>();
        int childRequests = 0;
        for (int i = 0; stored + batch.size() < BACKGROUND_EVENTS + 500; i++) {
            boolean ours = i % 300 == 0 && childRequests < 100;
            if (ours) {
                childRequests++;
            }
            addRequest(
                    batch,
                    ours ? child : UUID.randomUUID().toString().replace("-", "").repeat(2));
            if (batch.size() >= 1000) {
                List<EventMessage<?>> toStore = batch;
                tx.executeWithoutResult(status -> eventStore.publish(toStore));
                stored += toStore.size();
                batch = new ArrayList<>();
            }
        }
        List<EventMessage<?>> last = batch;
        tx.executeWithoutResult(status -> eventStore.publish(last));
        stored += last.size();
        double storeSeconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        Instant catchUp = Instant.now();
        awaitReadModel("timelines");
        double catchUpSeconds = Duration.between(catchUp, Instant.now()).toMillis() / 1000.0;

        TimelineSubject subject = TimelineSubject.child(SubjectKind.NHS_NUMBER, child);
        Instant now = Instant.now();
        int steps = timelines.steps(subject, now).entries().size();
        double[] ms = Timing.medianAndP95(() -> timelines.steps(subject, now).summary());
        System.out.printf("""

                BENCHMARK timelines (2 cores)
                  events stored by this run:  %,d in %.1f s; read models caught up %.1f s later
                  events in the store:        %,d
                  the child's timeline:       %d steps
                  timeline read + summary:    median %.1f ms, p95 %.1f ms
                %n""", stored, storeSeconds, catchUpSeconds, events(), steps, ms[0], ms[1]);
        BenchmarkTable.row(
                "Queries",
                String.format(
                        Locale.UK,
                        "A child's timeline with %d steps among %,d events: Timelines.steps + summary in the "
                                + "process, p95 (median %.1f ms)",
                        steps,
                        events(),
                        ms[0]),
                BenchmarkTable.figure(ms[1], "ms"),
                "under 50 ms",
                "",
                ms[1] < 50);
    }

    private static void addRequest(List<EventMessage<?>> batch, String pseudonym) {
        String id = UUID.randomUUID().toString();
        Instant t = Instant.now().minus(Duration.ofDays(30));
        MetaData actor = MetaData.from(Map.of("actor.username", "benchmark"));
        batch.add(new GenericDomainEventMessage<>(
                "SharingRequest",
                id,
                0,
                new InformationRequested(
                        id,
                        "a",
                        "b",
                        pseudonym,
                        SubjectKind.NHS_NUMBER,
                        null,
                        Purpose.CHILD_PROTECTION_ENQUIRY,
                        "d",
                        LawfulBasis.PUBLIC_TASK,
                        new Consent(ConsentStatus.NOT_SOUGHT, "x"),
                        Urgency.ROUTINE,
                        "s",
                        t,
                        t.plus(Duration.ofDays(10)),
                        null,
                        null),
                actor));
        batch.add(new GenericDomainEventMessage<>(
                "SharingRequest",
                id,
                1,
                new InformationRefused(
                        id, "a", "b", Reason.OTHER, "r", null, t.plusSeconds(3600), t.plusSeconds(3600), false, true),
                actor));
        batch.add(new GenericDomainEventMessage<>(
                "SharingRequest",
                id,
                2,
                new RefusalEscalated(id, "a", "b", Stage.LINE_MANAGER, "e", t.plusSeconds(7200)),
                actor));
        batch.add(new GenericDomainEventMessage<>(
                "SharingRequest",
                id,
                3,
                new EscalationResolved(
                        id,
                        "a",
                        "b",
                        Stage.LINE_MANAGER,
                        Outcome.REFUSAL_UPHELD,
                        "u",
                        null,
                        null,
                        t.plusSeconds(9000),
                        true),
                actor));
        batch.add(new GenericDomainEventMessage<>(
                "SharingRequest",
                id,
                4,
                new RefusalEscalated(id, "a", "b", Stage.SAFEGUARDING_PARTNERSHIP, "e", t.plusSeconds(9500)),
                actor));
    }
}
