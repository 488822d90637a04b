package org.sharingledger.platform.storage;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/** The ledger's event and snapshot tables and their snake_case columns, as the Flyway migrations create them. */
public final class LedgerEventSchema {

    private LedgerEventSchema() {}

    /** The schema Axon's JDBC storage engine reads and writes, for the running ledger and the offline tools alike. */
    public static EventSchema of() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .metaDataColumn("meta_data")
                .payloadColumn("payload")
                .payloadRevisionColumn("payload_revision")
                .payloadTypeColumn("payload_type")
                .timestampColumn("time_stamp")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .build();
    }
}
