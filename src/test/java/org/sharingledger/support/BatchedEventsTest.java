package org.sharingledger.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;

/** The value check of {@link BatchedEvents} fails on each kind of event that equality cannot tell apart. */
class BatchedEventsTest {

    record Value(String id, int count) {}

    record WithArray(String id, byte[] hash) {}

    static final class NotARecord {}

    static final class OnValues {
        @EventHandler
        void on(Value event) {}

        @EventHandler
        void on(Object anyOther) {}
    }

    static final class OnArrays {
        @EventHandler
        void on(WithArray event) {}
    }

    static final class OnClasses {
        @EventHandler
        void on(NotARecord event) {}
    }

    @Test
    void recordsOfValuesPass() {
        assertThatCode(() -> BatchedEvents.assertEveryHandledEventIsAValue(OnValues.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aRecordWithAnArrayFails() {
        assertThatThrownBy(() -> BatchedEvents.assertEveryHandledEventIsAValue(OnArrays.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no array component");
    }

    @Test
    void aClassThatIsNotARecordFails() {
        assertThatThrownBy(() -> BatchedEvents.assertEveryHandledEventIsAValue(OnClasses.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is a record");
    }
}
