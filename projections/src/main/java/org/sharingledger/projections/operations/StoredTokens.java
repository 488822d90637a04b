package org.sharingledger.projections.operations;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every segment's token of a streaming read model as stored, whichever node holds it: a node sees only its own
 * segments in Axon's processing status, and with several nodes the others' are in {@code token_entry}. A segment's
 * token is stored in the transaction of each batch it processes, so for the events it handled it is never behind.
 */
@Component
class StoredTokens {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    StoredTokens(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Each segment's stored token (null before its first), by segment id. */
    Map<Integer, TrackingToken> of(String processor) {
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        jdbc.query(
                "select segment, token, token_type from token_entry where processor_name = ?",
                row -> {
                    byte[] bytes = row.getBytes(2);
                    tokens.put(
                            row.getInt(1),
                            bytes == null
                                    ? null
                                    : serializer.deserialize(
                                            new SimpleSerializedObject<>(bytes, byte[].class, row.getString(3), null)));
                },
                processor);
        return tokens;
    }

    /**
     * The segment, among these segment ids, that handles the event at a store position: the one its request (its
     * aggregate) hashes to, as Axon's sequencing per aggregate does. Empty when no event is committed there.
     */
    Optional<Integer> segmentOf(long position, int[] segmentIds) {
        return jdbc
                .queryForList(
                        "select aggregate_identifier from domain_event_entry where global_index = ?",
                        String.class,
                        position)
                .stream()
                .findFirst()
                .flatMap(aggregate -> {
                    for (Segment segment : Segment.computeSegments(segmentIds)) {
                        if (segment.matches(aggregate)) {
                            return Optional.of(segment.getSegmentId());
                        }
                    }
                    return Optional.empty();
                });
    }
}
