package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second node's view of the suite's ledger, in a transaction rolled back (so the running node never sees it): the
 * running node counts, a node gone quiet does not, each claims its fair share of the 4 segments rounded up, and a
 * read model held by a rebuilding node is none of the others' share.
 */
class LedgerNodesIT extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void eachNodeClaimsItsFairShareAndNoneOfAHeldReadModel() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            LedgerNodes second = new LedgerNodes(jdbc, Duration.ofSeconds(2), Duration.ofSeconds(10));
            jdbc.update("insert into ledger_node (node_id, started_at, last_seen) "
                    + "values ('gone-quiet', now() - interval '1 hour', now() - interval '11 seconds')");

            second.beat();

            assertThat(second.nodes())
                    .as("this one and the suite's, not the quiet one")
                    .isEqualTo(2);
            assertThat(second.segments("dashboards")).isEqualTo(4);
            assertThat(second.maxSegments("dashboards")).isEqualTo(2);
            assertThat(second.maxSegments("no-tokens-yet")).isEqualTo(Short.MAX_VALUE);

            jdbc.update("insert into ledger_node (node_id, started_at, last_seen) values ('third', now(), now())");
            second.beat();
            assertThat(second.maxSegments("dashboards"))
                    .as("4 segments, 3 nodes")
                    .isEqualTo(2);

            jdbc.update("insert into ledger_read_model_hold (processor_name, node_id, held_until) "
                    + "values ('timelines', 'third', now() + interval '30 seconds')");
            second.beat();
            assertThat(second.maxSegments("timelines"))
                    .as("held by another node")
                    .isZero();

            jdbc.update(
                    "update ledger_read_model_hold set node_id = ? where processor_name = 'timelines'",
                    second.nodeId());
            second.beat();
            assertThat(second.maxSegments("timelines")).as("held by this node").isEqualTo(Short.MAX_VALUE);
        });
    }
}
