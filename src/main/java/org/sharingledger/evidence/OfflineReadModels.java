package org.sharingledger.evidence;

import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.sharingledger.evidence.api.Verification;
import org.sharingledger.platform.storage.LedgerEventSchema;
import org.sharingledger.platform.storage.Reconciled;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The read models' reconciliation for the {@code verify} command line, without the running ledger: a small context
 * holding only the database, Axon's event store reader, and the handlers marked {@link Reconciled} (which write
 * nothing but their scratch tables here). No processor, scheduler or mail runs, and everything is rolled back.
 */
public final class OfflineReadModels {

    private OfflineReadModels() {}

    /** The verification of the event tables, with the read models' problems added. */
    public static Verification including(Verification events, DataSource dataSource) {
        try (AnnotationConfigApplicationContext context = context(dataSource)) {
            return context.getBean(ReadModelReconciliation.class).including(events);
        }
    }

    private static AnnotationConfigApplicationContext context(DataSource dataSource) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        // As the ledger stores them (axon.serializer.*=jackson3), with Axon's token types allowed as there.
        Serializer serializer = Jackson3Serializer.builder()
                .jsonMapperBuilderCustomizer(
                        mapper -> mapper.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                                .allowIfSubType("org.axonframework.")
                                .build()))
                .build();
        context.registerBean(DataSource.class, () -> dataSource);
        context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
        context.registerBean(PlatformTransactionManager.class, () -> transactions);
        context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build());
        context.registerBean("serializer", Serializer.class, () -> serializer);
        context.registerBean(
                EventStorageEngine.class,
                () -> JdbcEventStorageEngine.builder()
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .transactionManager(new SpringTransactionManager(transactions))
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .schema(LedgerEventSchema.of())
                        .build());
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Reconciled.class));
        scanner.scan("org.sharingledger");
        context.registerBean(ReadModelReconciliation.class);
        context.refresh();
        return context;
    }
}
