package org.sharingledger.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole ledger ({@link WholeLedgerTest}) on the suite's shared database. Every integration test extends this with
 * the same configuration, so the suite shares one application context and one database server; tests stay
 * independent by using agencies and users of their own ({@link Scenario}).
 */
public abstract class IntegrationTest extends WholeLedgerTest {

    private static final Path DATA = tempDir();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("ledger.storage.data-dir", DATA::toString);
    }
}
