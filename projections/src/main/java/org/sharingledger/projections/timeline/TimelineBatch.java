package org.sharingledger.projections.timeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The timelines' rows from one batch of events (one unit of work), written at its commit: each statement once, with
 * all its rows (a JDBC batch), requests before the entries that copy their details. The statements are those a single
 * event would run, in the events' order, so the result is the same as applying the events one by one.
 */
final class TimelineBatch {

    private static final String UPSERT_AGENCY = """
            insert into timeline_agency (agency_id, name, sector) values (?, ?, ?)
            on conflict (agency_id) do update set name = excluded.name, sector = excluded.sector""";

    private static final String UPSERT_ACTOR = """
            insert into timeline_actor (username, display_name) values (?, ?)
            on conflict (username) do update set display_name = excluded.display_name""";

    private static final String INSERT_REQUEST = """
            insert into timeline_request (request_id, subject_pseudonym, case_reference, requesting_agency_id,
                holding_agency_id, due_by)
            values (?, ?, ?::varchar, ?, ?, ?) on conflict (request_id) do nothing""";

    private static final String INSERT_ENTRY = """
            insert into timeline_entry (event_id, position, request_id, subject_pseudonym, case_reference,
                case_agency_id, step, recorded_at, occurred_at, actor_username, actor_agency_id, actor_roles,
                details)
            select ?, (select global_index from domain_event_entry where event_identifier = ?), request_id,
                subject_pseudonym, case_reference,
                case when case_reference is null then null else requesting_agency_id end,
                ?, ?, ?, ?::varchar, ?::varchar, ?::varchar, ?::jsonb
            from timeline_request where request_id = ?
            on conflict (event_id) do nothing""";

    private final Map<String, Object[]> agencies = new LinkedHashMap<>();
    private final Map<String, Object[]> actors = new LinkedHashMap<>();
    private final List<Object[]> requests = new ArrayList<>();
    private final List<Object[]> entries = new ArrayList<>();

    /** The newest name and sector of an agency in this batch. */
    void agency(String agencyId, String name, String sector) {
        agencies.put(agencyId, new Object[] {agencyId, name, sector});
    }

    /** The newest display name of a user in this batch. */
    void actor(String username, String displayName) {
        actors.put(username, new Object[] {username, displayName});
    }

    /** A request's row: the parameters of {@link #INSERT_REQUEST}. */
    void request(Object[] row) {
        requests.add(row);
    }

    /** A step's entry: the parameters of {@link #INSERT_ENTRY}. */
    void entry(Object[] row) {
        entries.add(row);
    }

    void flush(JdbcTemplate jdbc) {
        if (!agencies.isEmpty()) {
            jdbc.batchUpdate(UPSERT_AGENCY, new ArrayList<>(agencies.values()));
        }
        if (!actors.isEmpty()) {
            jdbc.batchUpdate(UPSERT_ACTOR, new ArrayList<>(actors.values()));
        }
        if (!requests.isEmpty()) {
            jdbc.batchUpdate(INSERT_REQUEST, requests);
        }
        if (!entries.isEmpty()) {
            jdbc.batchUpdate(INSERT_ENTRY, entries);
        }
    }
}
