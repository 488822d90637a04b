package org.sharingledger.platform.storage;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The last event each read model (processing group) halted on. A streaming processor releases its segment when a
 * handler fails, so its own status cannot tell; this can, until the read model has processed past that event.
 */
@Component
public class ReadModelFailures {

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();

    void record(String readModel, Failure failure) {
        failures.put(readModel, failure);
    }

    /** The failure that halts the read model, unless it has since processed that event ({@code position}). */
    public Optional<Failure> haltingAt(String readModel, long position) {
        Failure failure = failures.get(readModel);
        if (failure != null && failure.position() >= 0 && position >= failure.position()) {
            failures.remove(readModel, failure);
            return Optional.empty();
        }
        return Optional.ofNullable(failure);
    }

    /** What a read model failed on: the event's type, id and position, never its payload. */
    public record Failure(String eventType, String eventId, long position, String error, Instant at) {

        @Override
        public String toString() {
            return error + " on " + eventType + " " + eventId + " at position " + position + " (" + at + ")";
        }
    }
}
