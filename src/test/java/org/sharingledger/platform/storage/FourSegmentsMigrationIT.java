package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flyway V2026.12.03.21 on a ledger whose streaming read models kept one segment: each gets segments 1 to 3 as copies
 * of segment 0's token, every claim is released, and a read model that already has several segments, or is not one
 * of the three, is left as it was. Run on a scratch copy of {@code token_entry} in a transaction rolled back.
 */
class FourSegmentsMigrationIT extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSingleSegmentBecomesFourCopiesOfItsTokenAndOtherProcessorsAreLeftAlone() throws Exception {
        String migration = new ClassPathResource("db/migration/V2026.12.03.21__four_segments.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            String schema = jdbc.queryForObject("select current_schema()", String.class);
            jdbc.execute("set local search_path = pg_temp, \"" + schema + "\"");
            jdbc.execute("create temporary table token_entry (like \"" + schema
                    + "\".token_entry including all) on commit drop");
            jdbc.update("""
                    insert into token_entry (processor_name, segment, token, token_type, timestamp, owner) values
                        ('dashboards', 0, 'at 41'::bytea, 'GapAwareTrackingToken', '2026-12-01T00:00:00Z', '1@old'),
                        ('timelines', 0, 'at 7'::bytea, 'GapAwareTrackingToken', '2026-12-01T00:00:00Z', null),
                        ('timelines', 1, 'at 9'::bytea, 'GapAwareTrackingToken', '2026-12-01T00:00:00Z', null),
                        ('elsewhere', 0, 'at 3'::bytea, 'GapAwareTrackingToken', '2026-12-01T00:00:00Z', '2@old')""");

            jdbc.execute(migration);

            assertThat(rows("dashboards"))
                    .containsExactly(
                            row(0, "at 41", null), row(1, "at 41", null), row(2, "at 41", null), row(3, "at 41", null));
            assertThat(rows("timelines")).containsExactly(row(0, "at 7", null), row(1, "at 9", null));
            assertThat(rows("notifications")).isEmpty();
            assertThat(rows("elsewhere")).containsExactly(row(0, "at 3", "2@old"));
        });
    }

    private List<Map<String, Object>> rows(String processor) {
        return jdbc.queryForList(
                "select segment, convert_from(token, 'UTF8') as token, owner from token_entry "
                        + "where processor_name = ? order by segment",
                processor);
    }

    private static Map<String, Object> row(int segment, String token, String owner) {
        java.util.LinkedHashMap<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("segment", segment);
        row.put("token", token);
        row.put("owner", owner);
        return row;
    }
}
