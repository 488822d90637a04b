package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deadlines live in {@code scheduled_tasks.task_data} as JSON; a row of Java-serialized bytes is never read. */
class DeadlineDataIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @Test
    void aRequestsDeadlineIsStoredAsJson() {
        String id = routineRequest();

        JsonNode data = JSON.readTree(deadlineOf(id));
        assertThat(data.path("deadlineName").asString()).isEqualTo("decision-due");
        assertThat(data.path("scopeDescriptorClass").asString()).isEqualTo(DeadlineJson.DEADLINE_SCOPE);
        assertThat(data.path("scopeDescriptor").asString()).contains(id);
    }

    @Test
    void aRowOfJavaSerializedBytesIsNeverDeserialized() throws IOException {
        String instance = UUID.randomUUID().toString();
        jdbc.update("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                values ('AxonDeadline', ?, ?, now() - interval '1 second', false, 1)""", instance, javaSerialized(new Tripwire()));
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from scheduled_tasks where task_instance = ? "
                                            + "and (consecutive_failures > 0 or last_failure is not null)",
                                    Long.class,
                                    instance)
                            == 1);
            assertThat(Tripwire.TRIPPED).as("a planted object was deserialized").isFalse();
        } finally {
            jdbc.update("delete from scheduled_tasks where task_instance = ?", instance);
        }
    }

    @Test
    void aDeadlineStoredAsJavaSerializationBeforeIsMigratedToJsonAndStillFires() throws Exception {
        Parties p = scenario.parties();
        String id =
                scenario.request(p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
        JsonNode json = JSON.readTree(deadlineOf(id));
        // What the ledger stored before: Axon's binary deadline, Java-serialized, its parts JSON bytes.
        byte[] legacy = javaSerialized(new DbSchedulerBinaryDeadlineDetails(
                json.path("deadlineName").asString(),
                bytes(json.path("scopeDescriptor").asString()),
                json.path("scopeDescriptorClass").asString(),
                bytes(json.path("payload").asString(null)),
                json.path("payloadClass").asString(null),
                json.path("payloadRevision").asString(null),
                bytes(json.path("metaData").asString(null))));
        String planted = UUID.randomUUID().toString();
        jdbc.update("update scheduled_tasks set task_data = ? where position(?::bytea in task_data) > 0", legacy, id);
        jdbc.update("""
                insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
                values ('AxonDeadline', ?, ?, now() + interval '1 day', false, 1)""", planted, javaSerialized(new Tripwire()));

        DeadlinesAsJson.Outcome outcome;
        try (Connection connection = dataSource.getConnection()) {
            outcome = DeadlinesAsJson.convert(connection);
        }

        assertThat(outcome.converted()).isGreaterThanOrEqualTo(1);
        assertThat(Tripwire.TRIPPED).as("a planted object was deserialized").isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where task_instance = ?", Long.class, planted))
                .as("the planted row is deleted")
                .isZero();
        assertThat(JSON.readTree(deadlineOf(id))).isEqualTo(json);

        jdbc.update("update scheduled_tasks set execution_time = now() where position(?::bytea in task_data) > 0", id);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(p.holderPractitioner())
                        .get("/api/requests/" + id)
                        .json()
                        .path("overdue")
                        .asBoolean());
    }

    @Test
    void theMigrationsFilterAdmitsOnlyTheOldDeadlineClass() throws Exception {
        assertThat(canRead(javaSerialized(new DbSchedulerBinaryDeadlineDetails(
                        "d", bytes("{}"), DeadlineJson.DEADLINE_SCOPE, null, "empty", null, bytes("{}")))))
                .isTrue();
        assertThat(canRead(javaSerialized(new Tripwire()))).isFalse();
        assertThat(canRead(javaSerialized(Map.of("a", "b")))).isFalse();
        assertThat(Tripwire.TRIPPED).isFalse();
    }

    private String routineRequest() {
        Parties p = scenario.parties();
        return scenario.request(p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "ROUTINE"));
    }

    private byte[] deadlineOf(String requestId) {
        return jdbc.queryForObject(
                "select task_data from scheduled_tasks where task_name = 'AxonDeadline' "
                        + "and position(?::bytea in task_data) > 0",
                byte[].class,
                requestId);
    }

    private static boolean canRead(byte[] bytes) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(DeadlinesAsJson.OLD_DEADLINE);
            in.readObject();
            return true;
        } catch (java.io.InvalidClassException | ClassNotFoundException e) {
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] javaSerialized(Object object) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(object);
        }
        return out.toByteArray();
    }

    /** Stands for a gadget: reading it back runs its code. */
    static final class Tripwire implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        static final AtomicBoolean TRIPPED = new AtomicBoolean();

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            TRIPPED.set(true);
        }
    }
}
