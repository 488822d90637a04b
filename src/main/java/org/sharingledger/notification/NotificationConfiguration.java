package org.sharingledger.notification;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The notifications processor (pooled, in application.properties) starts, the first time, at the newest event. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /**
     * On a ledger that already holds events, the first start of the notifications processor must not mail every step
     * ever recorded: it starts at the head of the store. After that its token carries it on from where it stopped.
     */
    @Bean
    ConfigurerModule notificationsStartAtTheHead() {
        return configurer ->
                configurer.eventProcessing(processing -> processing.registerPooledStreamingEventProcessorConfiguration(
                        Notifier.PROCESSING_GROUP,
                        (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken)));
    }
}
