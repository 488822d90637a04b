package org.sharingledger.platform.storage;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.util.List;
import java.util.Set;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What db-scheduler stores in {@code scheduled_tasks.task_data}: an Axon deadline as a flat JSON object of strings
 * (its scope, payload and metadata are themselves JSON from Axon's Jackson 3 serializer), never Java serialization.
 *
 * <p>Reading is strict, because anyone with the application's database role can write that column: only a JSON object
 * of the seven known string fields is accepted, the scope must be an aggregate's and the payload one of the ledger's
 * own types (or none), so a row can name no other class for Axon's serializer to build. Anything else, Java-serialized
 * bytes included, is refused before a single object is made from it; the task then fails and is retried, logged each
 * time, and nothing runs.
 */
final class DeadlineJson implements Serializer {

    static final String DEADLINE_SCOPE = "org.axonframework.modelling.command.AggregateScopeDescriptor";
    private static final String LEDGER_TYPES = "org.sharingledger.";
    /** Axon's name for "no payload". */
    private static final String NO_PAYLOAD = "empty";

    private static final List<String> FIELDS = List.of(
            "deadlineName",
            "scopeDescriptor",
            "scopeDescriptorClass",
            "payload",
            "payloadClass",
            "payloadRevision",
            "metaData");
    private static final Set<String> KNOWN = Set.copyOf(FIELDS);

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object data) {
        if (!(data instanceof DbSchedulerHumanReadableDeadlineDetails deadline)) {
            throw new SerializationException(
                    "Only Axon deadlines are stored as task data, not "
                            + data.getClass().getName(),
                    null);
        }
        ObjectNode node = json.createObjectNode();
        node.put("deadlineName", deadline.getDeadlineName());
        node.put("scopeDescriptor", deadline.getScopeDescriptor());
        node.put("scopeDescriptorClass", deadline.getScopeDescriptorClass());
        node.put("payload", deadline.getPayload());
        node.put("payloadClass", deadline.getPayloadClass());
        node.put("payloadRevision", deadline.getPayloadRevision());
        node.put("metaData", deadline.getMetaData());
        return json.writeValueAsBytes(node);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] data) {
        if (data == null) {
            return null;
        }
        if (type != DbSchedulerHumanReadableDeadlineDetails.class) {
            throw new SerializationException(
                    "Only Axon deadlines are read from task data, not " + type.getName(), null);
        }
        return type.cast(deadline(data));
    }

    static boolean looksLikeJson(byte[] data) {
        for (byte b : data) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }

    private DbSchedulerHumanReadableDeadlineDetails deadline(byte[] data) {
        if (!looksLikeJson(data)) {
            throw new SerializationException(
                    "Refused task data that is not a JSON object (Java-serialized data is never read)", null);
        }
        JsonNode node;
        try {
            node = json.readTree(data);
        } catch (JacksonException e) {
            throw new SerializationException("Refused task data that is not valid JSON", e);
        }
        for (String name : node.propertyNames()) {
            if (!KNOWN.contains(name)) {
                throw new SerializationException("Refused task data with an unknown field " + name, null);
            }
        }
        String[] values = new String[FIELDS.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(FIELDS.get(i));
            if (value != null && !value.isNull() && !value.isString()) {
                throw new SerializationException("Refused task data: " + FIELDS.get(i) + " is not a string", null);
            }
            values[i] = value == null || value.isNull() ? null : value.asString();
        }
        String scopeClass = values[2];
        String payloadClass = values[4];
        if (!DEADLINE_SCOPE.equals(scopeClass)) {
            throw new SerializationException("Refused task data: the scope is not an aggregate's", null);
        }
        if (payloadClass != null && !NO_PAYLOAD.equals(payloadClass) && !payloadClass.startsWith(LEDGER_TYPES)) {
            throw new SerializationException("Refused task data: the payload is not one of the ledger's types", null);
        }
        return new DbSchedulerHumanReadableDeadlineDetails(
                values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }
}
