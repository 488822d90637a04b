package org.sharingledger.projections.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
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
import org.sharingledger.request.api.Scope;
import org.sharingledger.request.api.Stage;
import org.sharingledger.request.api.Urgency;
import org.sharingledger.subject.api.SubjectKind;
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Timing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark}. Stores 100,000 events (a year of requests among 12
 * agencies, with decisions and escalations), lets the dashboards catch up, then times both dashboard queries and
 * prints the figures. Speed targets are read from its output, never asserted.
 */
class DashboardBenchmark extends IntegrationTest {

    private static final int TARGET_EVENTS = 100_000;
    private static final Sector[] SECTORS = Sector.values();

    @Autowired
    EventStore eventStore;

    @Autowired
    Dashboards dashboards;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void dashboardQueriesWith100kEventsStored() {
        Random random = new Random(42);
        Instant now = Instant.now();
        List<String> agencies = new ArrayList<>();
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String agency = "bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            agencies.add(agency);
            batch.add(event(
                    agency,
                    0,
                    new AgencySigned(
                            agency,
                            "Agency " + i,
                            SECTORS[i % SECTORS.length],
                            null,
                            new NominatedRepresentative("R", "r@x.example"),
                            LocalDate.of(2008, 3, 1),
                            "1",
                            now)));
        }
        long stored = 0;
        Instant start = Instant.now();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        while (stored + batch.size() < TARGET_EVENTS) {
            String id = UUID.randomUUID().toString();
            String requester = agencies.get(random.nextInt(12));
            String holder = agencies.get(random.nextInt(12));
            if (holder.equals(requester)) {
                continue;
            }
            Instant requested = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
            Instant due = requested.plus(Duration.ofDays(10));
            batch.add(event(
                    id,
                    0,
                    new InformationRequested(
                            id,
                            requester,
                            holder,
                            "p".repeat(64),
                            SubjectKind.NHS_NUMBER,
                            null,
                            pick(random, Purpose.values()),
                            "d",
                            LawfulBasis.PUBLIC_TASK,
                            new Consent(ConsentStatus.NOT_SOUGHT, "x"),
                            Urgency.ROUTINE,
                            "s",
                            requested,
                            due,
                            null,
                            null)));
            Instant decided = requested.plus(Duration.ofMinutes(1 + random.nextInt(20 * 24 * 60)));
            int roll = random.nextInt(100);
            if (roll < 45) {
                batch.add(event(
                        id,
                        1,
                        new InformationShared(
                                id,
                                requester,
                                holder,
                                Scope.FULL,
                                "x",
                                Method.POST,
                                "y",
                                null,
                                null,
                                decided,
                                decided,
                                decided.isAfter(due),
                                random.nextInt(10) < 8)));
            } else if (roll < 60) {
                batch.add(event(
                        id,
                        1,
                        new InformationShared(
                                id,
                                requester,
                                holder,
                                Scope.PARTIAL,
                                "x",
                                Method.POST,
                                "y",
                                Reason.THIRD_PARTY_CONFIDENTIALITY,
                                null,
                                decided,
                                decided,
                                decided.isAfter(due),
                                random.nextInt(10) < 8)));
            } else if (roll < 90) {
                batch.add(event(
                        id,
                        1,
                        new InformationRefused(
                                id,
                                requester,
                                holder,
                                pick(random, Reason.values()),
                                "z",
                                null,
                                decided,
                                decided,
                                decided.isAfter(due),
                                random.nextInt(10) < 8)));
                if (roll < 75) {
                    Stage stage = pick(random, Stage.values());
                    batch.add(event(id, 2, new RefusalEscalated(id, requester, holder, stage, "r", decided)));
                    batch.add(event(
                            id,
                            3,
                            new EscalationResolved(
                                    id,
                                    requester,
                                    holder,
                                    stage,
                                    random.nextBoolean() ? Outcome.SHARED : Outcome.REFUSAL_UPHELD,
                                    "w",
                                    null,
                                    null,
                                    decided,
                                    random.nextBoolean())));
                }
            }
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
        double storeSeconds = seconds(start);
        Instant catchUp = Instant.now();
        awaitReadModel("dashboards");
        double projectSeconds = seconds(catchUp);
        long totalEvents = events();

        Dashboards.Period year = Dashboards.Period.of(null, null, Clock.systemUTC());
        double[] agencyMs = Timing.medianAndP95(() -> dashboards.agencyDashboard(agencies.get(0), year));
        double[] trustMs = Timing.medianAndP95(() -> dashboards.refusalPatterns(year));
        System.out.printf(
                """

                BENCHMARK dashboards (2 cores)
                  events stored by this run:  %,d in %.1f s (%,.0f events/s, with the subscribing read models)
                  events in the store:        %,d
                  dashboards caught up in:    %.1f s after the last write
                  agency dashboard query:     median %.1f ms, p95 %.1f ms (one agency, 12 months)
                  trust refusal patterns:     median %.1f ms, p95 %.1f ms (all agencies, 12 months)
                %n""",
                stored,
                storeSeconds,
                stored / storeSeconds,
                totalEvents,
                projectSeconds,
                agencyMs[0],
                agencyMs[1],
                trustMs[0],
                trustMs[1]);
        BenchmarkTable.row(
                "Queries",
                String.format(
                        Locale.UK,
                        "Agency dashboard among %,d events (one agency, 12 months, in the process), p95 (median %.1f "
                                + "ms)",
                        totalEvents,
                        agencyMs[0]),
                BenchmarkTable.figure(agencyMs[1], "ms"),
                "under 100 ms",
                "",
                agencyMs[1] < 100);
        BenchmarkTable.row(
                "Queries",
                String.format(
                        Locale.UK,
                        "Trust refusal patterns among %,d events (all agencies, 12 months, in the process), p95 "
                                + "(median %.1f ms)",
                        totalEvents,
                        trustMs[0]),
                BenchmarkTable.figure(trustMs[1], "ms"),
                "under 100 ms",
                "",
                trustMs[1] < 100);
    }

    private static GenericDomainEventMessage<?> event(String aggregate, long sequence, Object payload) {
        String type = payload instanceof AgencySigned ? "Agency" : "SharingRequest";
        return new GenericDomainEventMessage<>(
                type, aggregate, sequence, payload, MetaData.from(Map.of("actor.username", "benchmark")));
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
