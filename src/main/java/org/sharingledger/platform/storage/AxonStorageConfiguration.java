package org.sharingledger.platform.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.api.migration.JavaMigration;
import org.sharingledger.kernel.ActorMetaData;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Axon on PostgreSQL without Axon Server: snake_case table names (the tables come from Flyway), Spring's transaction
 * manager (so events, tokens and read-model rows commit together), handler errors that stop a processor instead of
 * silently skipping an event, and deadlines that live in the database (db-scheduler) and so survive restarts.
 * (Spring's {@code @Configuration} is written in full because Axon's {@code Configuration} is imported.)
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class AxonStorageConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    EventSchema eventSchema() {
        return LedgerEventSchema.of();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Two steps on one request at the same moment both try to append the same sequence number: PostgreSQL's unique
     * violation (SQLState 23505, possibly inside a batch) must reach Axon as a concurrency conflict (409), not an error.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return AxonStorageConfiguration::isDuplicateKey;
    }

    static boolean isDuplicateKey(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /** Axon's unit of work joins Spring's transactions: never Axon's NoTransactionManager. */
    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** A failing event handler must stop its processor and retry, never skip the event. */
    @Bean
    ConfigurerModule stopOnErrors(ReadModelFailures failures) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> new StopOnErrorHandler(failures)));
    }

    /**
     * Several nodes on one database: each pooled processor claims at most its fair share of the segments
     * ({@link LedgerNodes}), and the coordinator extends the claims of segments busy with a long batch (a mail server
     * that is slow to answer), so a live node keeps them and only a dead node's claims expire.
     */
    @Bean
    ConfigurerModule nodesShareSegments(LedgerNodes nodes) {
        return configurer -> configurer.eventProcessing(
                processing -> processing.registerPooledStreamingEventProcessorConfiguration((configuration, builder) ->
                        builder.maxSegmentProvider(nodes::maxSegments).enableCoordinatorClaimExtension()));
    }

    /**
     * Axon's per-message metrics (timers, counters, capacity, latency) for the command bus, the event store and the
     * streaming read models, but not for the read models a command updates in its own transaction (subscribing
     * processors): there they would be taken for every event by every such processor, handled or not, about a tenth
     * of a command's time, and say nothing that {@code ledger.commands} does not (issue 14).
     */
    @Bean
    ConfigurerModule noMessageMetricsInTheCommandsTransaction() {
        return configurer -> configurer.configureMessageMonitor(
                SubscribingEventProcessor.class, (configuration, type, name) -> NoOpMessageMonitor.instance());
    }

    /**
     * Axon's replay token (written when a read model is rebuilt) holds other tokens and a reset context typed as
     * Object. Jackson 3 refuses such polymorphism by default, and a rebuilt processor could then never read its token
     * again. Allow it for Axon's own types only.
     */
    @Bean
    Jackson3SerializerCustomizer axonTokenTypes() {
        return mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }

    /** Who did it and under which correlation id travel from each command into the events it causes. */
    @Bean
    CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(ActorMetaData.KEYS.toArray(String[]::new));
    }

    /**
     * The db-scheduler task that fires Axon deadlines; Axon's own db-scheduler auto-configuration is excluded. Its data
     * is JSON ({@link DeadlineJson}), never Java serialization: a row in the database must not become code run here.
     */
    @Bean
    Task<?> deadlineTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.humanReadableTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    /** Flyway V2026.12.01.30: deadlines stored as Java serialization before become JSON. */
    @Bean
    JavaMigration deadlinesAsJson() {
        return new DeadlinesAsJson();
    }

    /**
     * Every node runs the scheduler; each due deadline is picked by one of them. A node that dies while it holds a
     * picked deadline stops beating for it; after {@code missed-heartbeats} beats of {@code heartbeat} another node
     * finds the execution dead (it looks every two beats) and fires it again: within 20 s with the defaults. A
     * deadline fired twice (a slow node, not a dead one) records nothing the second time: every deadline handler
     * checks its aggregate's state first.
     */
    @Bean(destroyMethod = "")
    Scheduler deadlineScheduler(
            DataSource dataSource,
            List<Task<?>> tasks,
            DeadlineMetrics metrics,
            LedgerNodes nodes,
            @Value("${ledger.deadlines.heartbeat:PT3S}") Duration heartbeat,
            @Value("${ledger.deadlines.missed-heartbeats:4}") int missedHeartbeats) {
        // Through the transaction-aware proxy a deadline is scheduled in the same transaction as the events that
        // set it: a rolled-back request leaves no deadline behind.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .commitWhenAutocommitDisabled(false)
                .serializer(new DeadlineJson())
                .threads(2)
                .pollingInterval(Duration.ofSeconds(1))
                .addSchedulerListener(metrics)
                .schedulerName(new SchedulerName.Fixed(nodes.nodeId()))
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(missedHeartbeats)
                .build();
    }

    /** Started and stopped by Axon's lifecycle, after the aggregates it calls back are registered. */
    @Bean
    DbSchedulerDeadlineManager deadlineManager(
            Scheduler scheduler,
            Configuration configuration,
            @Qualifier("eventSerializer") Serializer serializer,
            TransactionManager transactionManager) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .useBinaryPojo(false)
                .build();
    }
}
