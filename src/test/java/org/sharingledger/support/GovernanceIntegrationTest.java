package org.sharingledger.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole ledger ({@link WholeLedgerTest}) as {@link IntegrationTest} has it, but on a database of its own, for the tests that open
 * consultations on the Code. A consultation is circulated to every agency signed at that moment, and each is mailed:
 * on the suite's shared database, with hundreds of agencies left by other tests, every opening would mail them all,
 * fill the notifier's queue for minutes and make every other test that waits for the read models or a mail wait for
 * those. So these tests share a second context (one more start for the whole suite), where the only signatories
 * are their own.
 */
public abstract class GovernanceIntegrationTest extends WholeLedgerTest {

    private static final Path GOVERNANCE_DATA = tempDir();

    @DynamicPropertySource
    static void governanceStorage(DynamicPropertyRegistry registry) {
        registry.add("ledger.storage.data-dir", GOVERNANCE_DATA::toString);
    }
}
