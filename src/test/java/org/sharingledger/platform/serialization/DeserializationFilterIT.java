package org.sharingledger.platform.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;

/** The running ledger (here: the suite's shared context) refuses Java deserialization of anything, JVM-wide. */
class DeserializationFilterIT extends IntegrationTest {

    @Test
    void aGadgetLikeClassIsRefusedByTheJvmWideFilter() throws IOException {
        assertThat(DeserializationFilter.installed()).isTrue();
        byte[] bytes = serialized(new Gadget());

        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("REJECTED");
        assertThat(Gadget.RAN).as("the gadget's code ran").isFalse();
    }

    @Test
    void evenThePlainestJdkCollectionIsRefused() throws IOException {
        HashMap<String, String> map = new HashMap<>();
        map.put("a", "b");
        byte[] bytes = serialized(map);

        assertThatThrownBy(() -> read(bytes)).isInstanceOf(InvalidClassException.class);
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    private static byte[] serialized(Object object) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(object);
        }
        return out.toByteArray();
    }

    /** Stands for a deserialization gadget: reading it runs its code. */
    static final class Gadget implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        static final AtomicBoolean RAN = new AtomicBoolean();

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            RAN.set(true);
        }
    }
}
