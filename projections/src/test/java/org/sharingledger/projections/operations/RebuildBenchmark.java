package org.sharingledger.projections.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.agency.api.NominatedRepresentative;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.kernel.Role;
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
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.RawPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark}. Stores {@code -Drebuild.events} events (default
 * 120,000: requests among a dozen agencies, with decisions, escalations, withdrawals and overdue steps, each request's
 * steps spread over the store as they are in life), then rebuilds every replayable read model the way an
 * administrator does ({@link ReadModels#rebuild}) and times it to the end; then stops each streaming read model, stores
 * more events, starts it again and times its catch-up. Each figure goes into {@link BenchmarkTable} beside a
 * sequential scan of the event table measured in the same run.
 */
class RebuildBenchmark extends IntegrationTest {

    private static final int EVENTS = Integer.getInteger("rebuild.events", 120_000);
    private static final int CATCH_UP_EVENTS = Integer.getInteger("rebuild.catch-up-events", 30_000);
    private static final double GOAL = 20_000;
    private static final Sector[] SECTORS = Sector.values();

    @Autowired
    EventStore eventStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DataSource dataSource;

    private final Random random = new Random(42);
    private final List<String> agencies = new ArrayList<>();
    private final List<String> users = new ArrayList<>();

    @Test
    void rebuildsAndCatchUps() {
        // The notifier mails every new request (to an SMTP server in this JVM): paused while this benchmark runs, so
        // that it neither competes with the read models timed here nor holds up waiting for them. It catches up at the
        // end, mailing what it missed, as after any pause.
        List<StreamingEventProcessor> paused = readModels.streaming().values().stream()
                .filter(processor -> !processor.supportsReset())
                .toList();
        paused.forEach(StreamingEventProcessor::shutDown);
        try {
            run();
        } finally {
            paused.forEach(StreamingEventProcessor::start);
        }
    }

    private void run() {
        Instant storing = Instant.now();
        long stored = store(EVENTS, true);
        System.out.printf("%nRebuildBenchmark: stored %,d events in %.1f s%n", stored, seconds(storing));
        caughtUp();
        String scan = RawPostgres.scan(dataSource);

        List<String> replayable = replayable();
        for (String name : replayable) {
            rebuild(name, scan);
        }
        readModels.streaming().entrySet().stream()
                .filter(entry -> !entry.getValue().supportsReset())
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(name -> BenchmarkTable.row(
                        "Rebuild",
                        "read model " + name,
                        "not replayable (it mails; @DisallowReplay)",
                        "applies to replayable read models only",
                        scan,
                        true));
        for (String name : replayable) {
            catchUp(name, scan);
        }
    }

    private List<String> replayable() {
        return readModels.streaming().entrySet().stream()
                .filter(entry -> entry.getValue().supportsReset())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private void rebuild(String name, String scan) {
        readModels.rebuild(name);
        Awaitility.await()
                .atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    ReadModels.RebuildProgress progress = readModels.one(name).rebuild();
                    return progress != null && progress.finishedAt() != null;
                });
        ReadModels.RebuildProgress progress = readModels.one(name).rebuild();
        double seconds = Math.max(
                0.001,
                Duration.between(progress.startedAt(), progress.finishedAt()).toMillis() / 1000.0);
        double rate = progress.eventsTotal() / seconds;
        System.out.printf(
                "RebuildBenchmark: %s rebuilt %,d events in %.1f s: %,.0f events/s%n",
                name, progress.eventsTotal(), seconds, rate);
        BenchmarkTable.row(
                "Rebuild",
                String.format("read model %s, %,d events (ReadModels rebuild)", name, progress.eventsTotal()),
                BenchmarkTable.figure(rate, "events/s"),
                "at least 20,000 events/s",
                scan,
                progress.failure() == null && rate >= GOAL);
    }

    /** Stops the read model, stores events while it is stopped, starts it again and times it to the head. */
    private void catchUp(String name, String scan) {
        StreamingEventProcessor processor = readModels.streaming().get(name);
        processor.shutDown();
        store(CATCH_UP_EVENTS, false);
        long head = readModels.head();
        Instant start = Instant.now();
        processor.start();
        Awaitility.await()
                .atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> readModels.hasProcessed(name, head));
        double seconds = Math.max(0.001, seconds(start));
        double rate = CATCH_UP_EVENTS / seconds;
        System.out.printf(
                "RebuildBenchmark: %s caught up %,d events in %.1f s: %,.0f events/s%n",
                name, CATCH_UP_EVENTS, seconds, rate);
        BenchmarkTable.row(
                "Rebuild",
                String.format("read model %s, live catch-up of %,d events from a cold start", name, CATCH_UP_EVENTS),
                BenchmarkTable.figure(rate, "events/s"),
                "at least 20,000 events/s",
                scan,
                rate >= GOAL);
        caughtUp();
    }

    /** As {@code awaitReadModels} for the replayable read models, with time to catch up with many events. */
    private void caughtUp() {
        List<String> replayable = replayable();
        Awaitility.await()
                .atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> replayable.stream()
                        .allMatch(name -> readModels.one(name).lag() == 0));
    }

    /**
     * Stores about {@code count} events in transactions of 250 (the subscribing read models run in them). Requests are made in waves, and each request's
     * decision, escalation and resolution come some waves later, so a rebuild meets them as it would in a real
     * ledger: interleaved with other requests' steps, not next to their request.
     */
    private long store(int count, boolean withAgencies) {
        Instant now = Instant.now();
        List<EventMessage<?>> batch = new ArrayList<>();
        if (withAgencies || agencies.isEmpty()) {
            for (int i = 0; i < 12; i++) {
                String agency =
                        "rebuild-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
                agencies.add(agency);
                batch.add(event(
                        "Agency",
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
                                now),
                        "admin",
                        null));
                for (int u = 0; u < 3; u++) {
                    String username = "rb-" + UUID.randomUUID().toString().substring(0, 12);
                    users.add(username);
                    batch.add(event(
                            "User",
                            username,
                            0,
                            new UserRegistered(username, "User " + u, agency, List.of(Role.PRACTITIONER), now),
                            "admin",
                            null));
                }
            }
        }
        List<List<EventMessage<?>>> pending = new ArrayList<>();
        for (int wave = 0; wave < 4; wave++) {
            pending.add(new ArrayList<>());
        }
        long stored = 0;
        TransactionTemplate tx = new TransactionTemplate(transactions);
        int wave = 0;
        while (stored + batch.size() < count) {
            // this wave: the steps scheduled for it, then new requests
            List<EventMessage<?>> due = pending.set(wave % 4, new ArrayList<>());
            batch.addAll(due);
            for (int r = 0; r < 150 && stored + batch.size() < count; r++) {
                newRequest(now, batch, pending, wave);
            }
            if (batch.size() >= 1000) {
                stored += publish(tx, batch);
                batch = new ArrayList<>();
            }
            wave++;
        }
        for (List<EventMessage<?>> rest : pending) {
            batch.addAll(rest);
        }
        stored += publish(tx, batch);
        return stored;
    }

    private long publish(TransactionTemplate tx, List<EventMessage<?>> events) {
        for (int from = 0; from < events.size(); from += 250) {
            List<EventMessage<?>> part = events.subList(from, Math.min(events.size(), from + 250));
            tx.executeWithoutResult(status -> eventStore.publish(part));
        }
        return events.size();
    }

    private void newRequest(Instant now, List<EventMessage<?>> batch, List<List<EventMessage<?>>> pending, int wave) {
        String id = UUID.randomUUID().toString();
        String requester = agencies.get(random.nextInt(agencies.size()));
        String holder = agencies.get(random.nextInt(agencies.size()));
        while (holder.equals(requester)) {
            holder = agencies.get(random.nextInt(agencies.size()));
        }
        String asker = users.get(random.nextInt(users.size()));
        String decider = users.get(random.nextInt(users.size()));
        Instant requested = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
        Instant due = requested.plus(Duration.ofDays(10));
        batch.add(event(
                "SharingRequest",
                id,
                0,
                new InformationRequested(
                        id,
                        requester,
                        holder,
                        "p".repeat(64),
                        SubjectKind.NHS_NUMBER,
                        random.nextBoolean() ? "case-" + random.nextInt(5000) : null,
                        pick(Purpose.values()),
                        "d",
                        LawfulBasis.PUBLIC_TASK,
                        new Consent(ConsentStatus.NOT_SOUGHT, "x"),
                        Urgency.ROUTINE,
                        "s",
                        requested,
                        due,
                        null,
                        null),
                asker,
                requester));
        List<EventMessage<?>> later = pending.get((wave + 1 + random.nextInt(3)) % 4);
        Instant decided = requested.plus(Duration.ofMinutes(1 + random.nextInt(20 * 24 * 60)));
        boolean late = decided.isAfter(due);
        long seq = 1;
        if (late && random.nextInt(3) == 0) {
            later.add(event(
                    "SharingRequest",
                    id,
                    seq++,
                    new RequestBecameOverdue(id, requester, holder, due, due),
                    "system",
                    null));
        }
        int roll = random.nextInt(100);
        if (roll < 55) {
            later.add(event(
                    "SharingRequest",
                    id,
                    seq,
                    new InformationShared(
                            id,
                            requester,
                            holder,
                            roll < 40 ? Scope.FULL : Scope.PARTIAL,
                            "x",
                            Method.POST,
                            "y",
                            roll < 40 ? null : Reason.THIRD_PARTY_CONFIDENTIALITY,
                            null,
                            decided,
                            decided,
                            late,
                            random.nextInt(10) < 8),
                    decider,
                    holder));
        } else if (roll < 90) {
            later.add(event(
                    "SharingRequest",
                    id,
                    seq++,
                    new InformationRefused(
                            id, requester, holder, pick(Reason.values()), "z", null, decided, decided, late, null),
                    decider,
                    holder));
            if (roll < 75) {
                Stage stage = pick(Stage.values());
                later.add(event(
                        "SharingRequest",
                        id,
                        seq++,
                        new RefusalEscalated(id, requester, holder, stage, "r", decided),
                        asker,
                        requester));
                later.add(event(
                        "SharingRequest",
                        id,
                        seq,
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
                                random.nextBoolean()),
                        decider,
                        holder));
            }
        } else if (roll < 97) {
            later.add(event(
                    "SharingRequest",
                    id,
                    seq,
                    new RequestWithdrawn(id, requester, holder, "no longer needed", decided),
                    asker,
                    requester));
        }
    }

    private static GenericDomainEventMessage<?> event(
            String type, String aggregate, long sequence, Object payload, String username, String agency) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(ActorMetaData.USERNAME, username);
        if (agency != null) {
            metaData.put(ActorMetaData.AGENCY_ID, agency);
            metaData.put(ActorMetaData.ROLES, "PRACTITIONER");
        }
        metaData.put(ActorMetaData.CORRELATION_ID, UUID.randomUUID().toString());
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload, MetaData.from(metaData));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
