package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;

/**
 * Every foreign key has an index that starts with its columns. Without one, each row deleted from the referenced table
 * makes PostgreSQL scan the whole referencing table (its dead rows too): emptying {@code timeline_request} for a
 * rebuild of the timelines, after deleting their entries, took minutes over 120,000 events.
 */
class ForeignKeyIndexIT extends IntegrationTest {

    @Test
    void everyForeignKeyHasAnIndexOnItsColumns() {
        List<String> unindexed = jdbc.queryForList("""
                select c.conrelid::regclass::text || '.' || c.conname
                from pg_constraint c
                where c.contype = 'f'
                  and c.connamespace = current_schema()::regnamespace
                  and not exists (
                      select 1 from pg_index i
                      where i.indrelid = c.conrelid
                        and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] = c.conkey)
                order by 1""", String.class);
        assertThat(unindexed)
                .as("foreign keys without an index on their columns")
                .isEmpty();
    }
}
