package org.sharingledger.evidence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.evidence.api.ReadModelReplay;
import org.sharingledger.evidence.api.ReadModelReplay.Requests;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.evidence.api.Verification.Problem;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.platform.storage.Reconciled;
import org.sharingledger.request.api.InformationRefused;
import org.sharingledger.request.api.InformationRequested;
import org.sharingledger.request.api.InformationShared;
import org.sharingledger.request.api.RequestBecameOverdue;
import org.sharingledger.request.api.RequestWithdrawn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles the read models that decide access or feed an export with the stored events: every handler marked
 * {@link Reconciled} is replayed, through its own code, into empty scratch copies of its tables (temporary tables,
 * which PostgreSQL finds before the real ones), and each scratch table is compared with the real one. A row the events
 * do not give (added), a row they give that is not there (missing) or a row whose columns differ (changed) is a
 * {@link Verification.Kind#READ_MODEL_MISMATCH} naming the table and the row's key. The decision deadlines of open
 * requests are checked against {@code scheduled_tasks} too (by task name and due time, never by their serialized data).
 *
 * <p>All of it reads one snapshot (repeatable read) and is rolled back. A read model kept in the events' own
 * transaction (a subscribing processor) is compared with every event in that snapshot; one kept by a streaming
 * processor only with the events its token, in the same snapshot, says it has processed. So a read model that merely
 * lags is never reported.
 */
@Component
class ReadModelReconciliation implements ReadModelReplay {

    /** Events handed to the read models in one unit of work while replaying: their processors' batch size. */
    private static final int REPLAY_BATCH = 500;

    /** db-scheduler task names of Axon's deadlines: binary, or human-readable (JSON) data. */
    private static final String DEADLINE_TASKS = "AxonDeadline%";

    private static final int MAX_PROBLEMS = LedgerVerifier.MAX_PROBLEMS;
    private static final Logger log = LoggerFactory.getLogger(ReadModelReconciliation.class);

    private final ApplicationContext context;
    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;

    ReadModelReconciliation(ApplicationContext context, PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.context = context;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** The verification of the event tables, with the read models' problems added. */
    Verification including(Verification events) {
        List<Problem> found = reconcile();
        if (found.isEmpty()) {
            return events;
        }
        List<Problem> problems = new ArrayList<>(events.problems());
        long notListed = events.problemsNotListed();
        for (Problem problem : found) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            } else {
                notListed++;
            }
        }
        return new Verification(
                false,
                events.events(),
                events.eventsPerSecond(),
                events.checkpoint(),
                events.checkpoints(),
                events.uncheckpointedEvents(),
                List.copyOf(problems),
                notListed,
                events.checkedAt(),
                events.durationMillis(),
                events.verifierKey());
    }

    /** Every mismatch between the reconciled read models and the events, in table then key order. */
    List<Problem> reconcile() {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        long started = System.nanoTime();
        List<Problem> problems = snapshot.execute(status -> {
            status.setRollbackOnly();
            return new Run().reconcile();
        });
        log.info(
                "Read models reconciled with the events in {} ms: {} problem(s)",
                (System.nanoTime() - started) / 1_000_000,
                problems == null ? 0 : problems.size());
        return problems == null ? List.of() : problems;
    }

    @Override
    public <T> T atCheckpoint(String processingGroup, long treeSize, Supplier<T> query) {
        return replayed(processingGroup, () -> checkpointed(treeSize), null, query);
    }

    @Override
    public <T> T atCheckpoint(String processingGroup, long treeSize, Requests requests, Supplier<T> query) {
        return replayed(processingGroup, () -> event -> true, () -> concerning(requests, treeSize), query);
    }

    /** Replays the whole store ({@code events} null) or just those events, through the group's reconciled handlers. */
    private <T> T replayed(
            String processingGroup,
            Supplier<Coverage> coverage,
            Supplier<Stream<? extends TrackedEventMessage<?>>> events,
            Supplier<T> query) {
        TransactionTemplate snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return snapshot.execute(status -> {
            status.setRollbackOnly();
            List<Replayed> models = new ArrayList<>();
            Coverage covered = coverage.get();
            for (Object bean : context.getBeansWithAnnotation(Reconciled.class).values()) {
                Replayed model = new Replayed(bean, covered);
                if (model.group.equals(processingGroup)) {
                    models.add(model);
                }
            }
            if (models.isEmpty()) {
                throw new IllegalArgumentException("no reconciled read model " + processingGroup);
            }
            String schema = jdbc.queryForObject("select current_schema()", String.class);
            // Chosen before the scratch tables shadow anything: the selection reads the event tables only.
            Stream<? extends TrackedEventMessage<?>> selected = events == null ? null : events.get();
            shadow(schema, models);
            if (selected == null) {
                replay(models, null);
            } else {
                try (selected) {
                    inBatches(selected, event -> models.forEach(model -> model.on(event)));
                }
            }
            return query.get();
        });
    }

    /**
     * The events a query about these requests can read, among those the checkpoint of {@code treeSize} covers, in
     * store order. The requests are found in the events' own payloads ({@code InformationRequested}), so a request
     * whose every read model row was deleted is still found.
     */
    private Stream<TrackedEventMessage<?>> concerning(Requests requests, long treeSize) {
        if (treeSize <= 0) {
            return Stream.empty();
        }
        // The payload types are written into the statement, not bound, so that PostgreSQL plans with the partial
        // expression indexes of Flyway V2026.12.03.50 (ledger_payload) whatever plan it caches for the statement.
        String subject;
        Object[] subjectArguments;
        if (requests.subjectPseudonym() != null) {
            subject = "ledger_payload(payload) ->> 'subjectPseudonym' = ?";
            subjectArguments = new Object[] {requests.subjectPseudonym()};
        } else {
            subject = "ledger_payload(payload) ->> 'caseReference' = ? "
                    + "and ledger_payload(payload) ->> 'requestingAgencyId' = ?";
            subjectArguments = new Object[] {requests.caseReference(), requests.caseAgencyId()};
        }
        List<Object> arguments = new ArrayList<>(List.of(subjectArguments));
        arguments.add(treeSize);
        List<Long> positions = jdbc.queryForList(
                """
                with requested as (
                    select aggregate_identifier, ledger_payload(payload) as p
                    from domain_event_entry where payload_type = '%1$s' and %2$s),
                steps as (
                    select global_index, meta_data from domain_event_entry
                    where aggregate_identifier in (select aggregate_identifier from requested)),
                agencies as (
                    select p ->> 'requestingAgencyId' as agency_id from requested
                    union select p ->> 'holdingAgencyId' from requested),
                actors as (
                    select distinct convert_from(meta_data, 'UTF8')::jsonb ->> '%3$s' as username from steps),
                chosen as (
                    select global_index from steps
                    union all
                    select global_index from domain_event_entry
                    where payload_type = '%4$s'
                      and ledger_payload(payload) ->> 'agencyId' in (select agency_id from agencies)
                    union all
                    select global_index from domain_event_entry
                    where payload_type = '%5$s'
                      and ledger_payload(payload) ->> 'username' in (select username from actors))
                select c.global_index from chosen c
                where exists (select 1 from ledger_leaf l where l.global_index = c.global_index and l.leaf_index < ?)
                order by 1""".formatted(
                                InformationRequested.class.getName(),
                                subject,
                                ActorMetaData.USERNAME.replace("'", "''"),
                                AgencySigned.class.getName(),
                                UserRegistered.class.getName()),
                Long.class,
                arguments.toArray());
        if (positions.isEmpty()) {
            return Stream.empty();
        }
        List<TrackedDomainEventData<byte[]>> data = new ArrayList<>();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement("""
                            select global_index, type, aggregate_identifier, sequence_number, event_identifier,
                                time_stamp, payload_type, payload_revision, payload, meta_data
                            from domain_event_entry where global_index = any(?) order by global_index""");
                    statement.setArray(1, con.createArrayOf("bigint", positions.toArray()));
                    return statement;
                },
                row -> {
                    data.add(new TrackedDomainEventData<>(
                            GapAwareTrackingToken.newInstance(row.getLong(1), Set.of()),
                            new StoredEvent(
                                    row.getString(2),
                                    row.getString(3),
                                    row.getLong(4),
                                    row.getString(5),
                                    Instant.parse(row.getString(6)),
                                    new SimpleSerializedObject<>(
                                            row.getBytes(9), byte[].class, row.getString(7), row.getString(8)),
                                    new SerializedMetaData<>(row.getBytes(10), byte[].class))));
                });
        return EventUtils.upcastAndDeserializeTrackedEvents(
                data.stream(), eventSerializer(), NoOpEventUpcaster.INSTANCE);
    }

    /** One stored event as the store holds it (Axon's own entry classes carry JPA annotations javac warns about). */
    private record StoredEvent(
            String getType,
            String getAggregateIdentifier,
            long getSequenceNumber,
            String getEventIdentifier,
            Instant getTimestamp,
            SerializedObject<byte[]> getPayload,
            SerializedObject<byte[]> getMetaData)
            implements DomainEventData<byte[]> {}

    /** The serializer the events are stored with. */
    private Serializer eventSerializer() {
        return context.containsBean("eventSerializer")
                ? context.getBean("eventSerializer", Serializer.class)
                : context.getBean("serializer", Serializer.class);
    }

    /** The events the checkpoint of this tree size covers: its leaves, by store position. */
    private Coverage checkpointed(long treeSize) {
        if (treeSize <= 0) {
            return event -> false;
        }
        Long last = jdbc.queryForObject(
                "select max(global_index) from ledger_leaf where leaf_index < ?", Long.class, treeSize);
        Set<Long> passedOver = new java.util.HashSet<>(jdbc.queryForList("""
                select e.global_index from domain_event_entry e
                where e.global_index <= ? and not exists (
                    select 1 from ledger_leaf l where l.global_index = e.global_index and l.leaf_index < ?)""", Long.class, last, treeSize));
        return event -> {
            OptionalLong position = event.trackingToken() == null
                    ? OptionalLong.empty()
                    : event.trackingToken().position();
            return last != null
                    && position.isPresent()
                    && position.getAsLong() <= last
                    && !passedOver.contains(position.getAsLong());
        };
    }

    private void shadow(String schema, List<Replayed> models) {
        // The scratch tables shadow the real ones for the handlers' unqualified SQL. Setting the path also makes
        // PostgreSQL re-plan statements this connection prepared against the real tables.
        jdbc.execute("set local search_path = pg_temp, " + quoted(schema));
        for (Replayed model : models) {
            for (Reconciled.Table table : model.tables) {
                jdbc.execute("create temporary table " + quoted(table.name()) + " (like " + quoted(schema) + "."
                        + quoted(table.name()) + " including all) on commit drop");
            }
        }
    }

    private void replay(List<Replayed> models, Deadlines deadlines) {
        EventStorageEngine engine = context.getBean(EventStorageEngine.class);
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            inBatches(events, event -> {
                if (deadlines != null) {
                    deadlines.on(event);
                }
                for (Replayed model : models) {
                    model.on(event);
                }
            });
        }
    }

    /**
     * Hands the events to the read models in batches of {@link #REPLAY_BATCH}, each in a unit of work, as their
     * processors do: a batched read model (the dashboards, the timelines) gathers a batch's rows and writes them at
     * the batch's commit with a few set-based statements, instead of a statement per event.
     *
     * <p>Called inside another unit of work (from a handler), it hands them over one at a time: a batch would be a
     * nested unit of work, and the read models gather their rows on the root one, so they would be written only when
     * that commits, after the query on them.
     */
    private static void inBatches(
            Stream<? extends TrackedEventMessage<?>> events, Consumer<TrackedEventMessage<?>> handler) {
        if (CurrentUnitOfWork.isStarted()) {
            events.forEach(handler);
            return;
        }
        Iterator<? extends TrackedEventMessage<?>> iterator = events.iterator();
        List<TrackedEventMessage<?>> batch = new ArrayList<>(REPLAY_BATCH);
        while (iterator.hasNext()) {
            batch.add(iterator.next());
            if (batch.size() == REPLAY_BATCH || !iterator.hasNext()) {
                ResultMessage<?> result = new BatchingUnitOfWork<>(batch)
                        .executeWithResult(
                                () -> {
                                    handler.accept((TrackedEventMessage<?>)
                                            CurrentUnitOfWork.get().getMessage());
                                    return null;
                                },
                                RollbackConfigurationType.ANY_THROWABLE);
                if (result.isExceptional()) {
                    Throwable cause = result.exceptionResult();
                    throw cause instanceof RuntimeException runtime
                            ? runtime
                            : new IllegalStateException("cannot replay events: " + cause.getMessage(), cause);
                }
                batch = new ArrayList<>(REPLAY_BATCH);
            }
        }
    }

    /** One reconciliation: one snapshot, one pass over the events. */
    private final class Run {

        private final List<Problem> problems = new ArrayList<>();
        private final String schema = jdbc.queryForObject("select current_schema()", String.class);

        List<Problem> reconcile() {
            List<Replayed> replayed = new ArrayList<>();
            for (Object bean : context.getBeansWithAnnotation(Reconciled.class).values()) {
                replayed.add(new Replayed(bean, null));
            }
            replayed.sort((a, b) -> a.group.compareTo(b.group));
            // A database holding only the event tables (a copy made to verify them) has no read models to compare.
            replayed.removeIf(model -> model.tables.stream()
                    .anyMatch(table ->
                            jdbc.queryForObject("select to_regclass(?) is null", Boolean.class, real(table.name()))));
            shadow(schema, replayed);
            Deadlines deadlines = new Deadlines(problems);
            replay(replayed, deadlines);
            for (Replayed model : replayed) {
                for (Reconciled.Table table : model.tables) {
                    compare(table);
                }
            }
            deadlines.compare();
            return problems;
        }

        private void compare(Reconciled.Table table) {
            String name = table.name();
            String keys = Arrays.stream(table.key())
                    .map(column -> quoted(column) + "::text")
                    .collect(Collectors.joining(" || '/' || "));
            List<String> actualOnly = jdbc.queryForList(
                    "select " + keys + " from (select * from " + real(name) + " except all select * from pg_temp."
                            + quoted(name) + ") d order by 1",
                    String.class);
            List<String> expectedOnly = jdbc.queryForList(
                    "select " + keys + " from (select * from pg_temp." + quoted(name) + " except all select * from "
                            + real(name) + ") d order by 1",
                    String.class);
            Set<String> changed = new LinkedHashSet<>(actualOnly);
            changed.retainAll(Set.copyOf(expectedOnly));
            for (String key : new LinkedHashSet<>(actualOnly)) {
                if (changed.contains(key)) {
                    problem(Problem.readModel(
                            name,
                            key,
                            "this row differs from what the events give, in "
                                    + String.join(", ", differingColumns(table, key))));
                } else {
                    problem(Problem.readModel(name, key, "the events give no such row: it was added or kept"));
                }
            }
            for (String key : new LinkedHashSet<>(expectedOnly)) {
                if (!changed.contains(key)) {
                    problem(Problem.readModel(
                            name, key, "the events give this row and it is not there: it was removed"));
                }
            }
        }

        /** The names (never the values) of the columns in which a changed row differs. */
        private List<String> differingColumns(Reconciled.Table table, String key) {
            String where = Arrays.stream(table.key())
                            .map(column -> quoted(column) + "::text")
                            .collect(Collectors.joining(" || '/' || "))
                    + " = ?";
            List<Map<String, Object>> actual =
                    jdbc.queryForList("select * from " + real(table.name()) + " where " + where, key);
            List<Map<String, Object>> expected =
                    jdbc.queryForList("select * from pg_temp." + quoted(table.name()) + " where " + where, key);
            if (actual.size() != 1 || expected.size() != 1) {
                return List.of(actual.size() + " rows against " + expected.size());
            }
            List<String> columns = new ArrayList<>();
            for (Map.Entry<String, Object> column : actual.get(0).entrySet()) {
                if (!Objects.equals(
                        String.valueOf(column.getValue()),
                        String.valueOf(expected.get(0).get(column.getKey())))) {
                    columns.add(column.getKey());
                }
            }
            return columns.isEmpty() ? List.of("their values") : columns;
        }

        private void problem(Problem problem) {
            problems.add(problem);
        }

        private String real(String table) {
            return quoted(schema) + "." + quoted(table);
        }
    }

    /** A reconciled handler, replaying the events its processor has processed. */
    private final class Replayed {

        final String group;
        final List<Reconciled.Table> tables;
        final AnnotationEventHandlerAdapter adapter;
        final Coverage coverage;

        /** Replays the events its processor has processed, or those {@code covered} when given. */
        Replayed(Object bean, Coverage covered) {
            Class<?> type = AopUtils.getTargetClass(bean);
            Reconciled reconciled = type.getAnnotation(Reconciled.class);
            this.tables = List.of(reconciled.value());
            this.group = reconciled.processingGroup().isEmpty()
                    ? AnnotationUtils.findAnnotationAttributes(type, ProcessingGroup.class)
                            .map(attributes -> (String) attributes.get("processingGroup"))
                            .orElse(type.getPackageName())
                    : reconciled.processingGroup();
            this.adapter = new AnnotationEventHandlerAdapter(bean);
            this.coverage = covered != null ? covered : coverage(group);
        }

        void on(TrackedEventMessage<?> event) {
            if (coverage.covers(event) && adapter.canHandle(event)) {
                try {
                    adapter.handle(event);
                } catch (SerializationException e) {
                    // An event whose stored bytes no longer read: the events' own verification reports it.
                } catch (Exception e) {
                    throw new IllegalStateException(
                            "cannot replay event " + event.getIdentifier() + " into " + group + ": " + e.getMessage(),
                            e);
                }
            }
        }
    }

    /** Which events a processing group has processed: all of them, or as far as its tokens say. */
    private Coverage coverage(String group) {
        EventProcessingConfiguration processing =
                context.getBeanProvider(EventProcessingConfiguration.class).getIfAvailable();
        boolean streaming = processing != null
                ? processing
                        .eventProcessor(group)
                        .map(processor -> processor instanceof StreamingEventProcessor)
                        .orElse(false)
                // Outside the running ledger (the verify command): only a streaming processor keeps a token.
                : Boolean.TRUE.equals(jdbc.queryForObject(
                        "select exists(select 1 from token_entry where processor_name = ?)", Boolean.class, group));
        if (!streaming) {
            return event -> true;
        }
        Serializer serializer = context.getBean("serializer", Serializer.class);
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.query(
                "select segment, token, token_type from token_entry where processor_name = ?",
                row -> {
                    byte[] bytes = row.getBytes(2);
                    tokens.put(
                            row.getInt(1),
                            bytes == null
                                    ? null
                                    : WrappedToken.unwrapLowerBound(serializer.deserialize(new SimpleSerializedObject<>(
                                            bytes, byte[].class, row.getString(3), null))));
                },
                group);
        if (tokens.isEmpty()) {
            return event -> false;
        }
        Segment[] segments = Segment.computeSegments(
                tokens.keySet().stream().mapToInt(Integer::intValue).toArray());
        return event -> {
            TrackingToken token = tokens.size() == 1
                    ? tokens.values().iterator().next()
                    : Arrays.stream(segments)
                            .filter(segment -> event instanceof DomainEventMessage<?> domain
                                    && segment.matches(domain.getAggregateIdentifier()))
                            .findFirst()
                            .map(segment -> tokens.get(segment.getSegmentId()))
                            .orElse(null);
            return covers(token, event.trackingToken());
        };
    }

    static boolean covers(TrackingToken processed, TrackingToken event) {
        if (processed == null || event == null) {
            return false;
        }
        OptionalLong at = processed.position();
        OptionalLong position = event.position();
        if (at.isEmpty() || position.isEmpty() || position.getAsLong() > at.getAsLong()) {
            return false;
        }
        return !(processed instanceof GapAwareTrackingToken gapAware)
                || !gapAware.getGaps().contains(position.getAsLong());
    }

    @FunctionalInterface
    private interface Coverage {
        boolean covers(TrackedEventMessage<?> event);
    }

    /**
     * The decision deadline of every request still awaiting its decision must be scheduled. Compared by task name and
     * due time only: the task's instance id is chosen when it is scheduled and is in no event, and its data is
     * serialized (binary or JSON) by whatever the scheduler is configured with. A deadline that has fired but whose
     * row the scheduler has not yet removed is not reported (its request is no longer open).
     */
    private final class Deadlines {

        private final Map<String, Instant> open = new LinkedHashMap<>();
        private final List<Problem> problems;

        Deadlines(List<Problem> problems) {
            this.problems = problems;
        }

        void on(TrackedEventMessage<?> event) {
            Object payload;
            try {
                payload = event.getPayload();
            } catch (SerializationException e) {
                return; // reported by the events' own verification
            }
            if (payload instanceof InformationRequested requested) {
                open.put(requested.requestId(), requested.dueBy());
            } else if (payload instanceof InformationShared shared) {
                open.remove(shared.requestId());
            } else if (payload instanceof InformationRefused refused) {
                open.remove(refused.requestId());
            } else if (payload instanceof RequestWithdrawn withdrawn) {
                open.remove(withdrawn.requestId());
            } else if (payload instanceof RequestBecameOverdue overdue) {
                open.remove(overdue.requestId());
            }
        }

        void compare() {
            Map<Instant, Integer> scheduled = new HashMap<>();
            jdbc.query(
                    "select execution_time from scheduled_tasks where task_name like ?",
                    row -> {
                        scheduled.merge(row.getTimestamp(1).toInstant(), 1, Integer::sum);
                    },
                    DEADLINE_TASKS);
            Map<Instant, List<String>> expected = new TreeMap<>();
            open.forEach((request, due) -> expected.computeIfAbsent(micros(due), at -> new ArrayList<>())
                    .add(request));
            expected.forEach((due, requests) -> {
                int missing = requests.size() - scheduled.getOrDefault(due, 0);
                if (missing > 0) {
                    SortedSet<String> keys = new TreeSet<>(requests);
                    for (String request : missing == requests.size() ? keys : Set.of(String.join(" or ", keys))) {
                        problems.add(Problem.readModel(
                                "scheduled_tasks",
                                request,
                                "the decision deadline (due " + due + ") of this request, which awaits its "
                                        + "decision, is not scheduled: it would never become overdue"));
                    }
                }
            });
        }
    }

    /** PostgreSQL keeps timestamps to the microsecond. */
    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
