package org.sharingledger.platform.storage;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * A read model that fails on an event must stop, visibly, and never skip it: this handler names the event in the
 * log (type, position, stream and sequence, never its payload) and rethrows, so a subscribing processor fails the
 * command that caused it and a streaming processor halts its segment and retries that same event until the cause
 * is fixed. Health and the {@code ledger.projection.errors} gauge show the halt.
 */
class StopOnErrorHandler implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(StopOnErrorHandler.class);

    private final ReadModelFailures failures;

    StopOnErrorHandler(ReadModelFailures failures) {
        this.failures = failures;
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().orElse(-1)
                : -1;
        String stream = event instanceof DomainEventMessage<?> domain
                ? domain.getAggregateIdentifier() + "#" + domain.getSequenceNumber()
                : "-";
        ProcessingGroup group = AnnotationUtils.findAnnotation(handler.getTargetType(), ProcessingGroup.class);
        String readModel =
                group != null ? group.value() : handler.getTargetType().getSimpleName();
        failures.record(
                readModel,
                new ReadModelFailures.Failure(
                        event.getPayloadType().getSimpleName(),
                        event.getIdentifier(),
                        position,
                        exception.toString(),
                        Instant.now()));
        log.error(
                "Read model {} ({}) failed on event {} ({}) at position {} in stream {}: {}. It stops here and "
                        + "retries this event until the cause is fixed; no event is skipped.",
                readModel,
                handler.getTargetType().getSimpleName(),
                event.getPayloadType().getSimpleName(),
                event.getIdentifier(),
                position,
                stream,
                exception.toString());
        throw exception;
    }
}
