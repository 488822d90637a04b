package org.sharingledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.Serializer;

/**
 * For the read models that write a batch of events at its commit and tell its events apart by value: the processors
 * share one cached copy of each stored event, whose payload Axon deserializes lazily without a lock, so a handler may
 * be given another instance of its event than the one its message holds.
 */
public final class BatchedEvents {

    private BatchedEvents() {}

    /** Every event the projection handles (but its catch-all) is a record without arrays, so equal copies are equal. */
    public static void assertEveryHandledEventIsAValue(Class<?> projection) {
        List<Class<?>> events = Arrays.stream(projection.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventHandler.class))
                .<Class<?>>map(method -> method.getParameterTypes()[0])
                .filter(type -> type != Object.class)
                .toList();
        assertThat(events).isNotEmpty().allSatisfy(type -> {
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            assertThat(type.getRecordComponents())
                    .as(type + " has no array component (arrays are equal only to themselves)")
                    .noneMatch(component -> component.getType().isArray());
        });
    }

    /** An equal copy of an event, as a second deserialization of its stored payload gives. */
    public static <T> T anotherInstance(Serializer serializer, T event) {
        T copy = serializer.deserialize(serializer.serialize(event, byte[].class));
        assertThat(copy).isEqualTo(event).isNotSameAs(event);
        return copy;
    }
}
