package org.sharingledger;

import org.sharingledger.access.cli.AccountCommands;
import org.sharingledger.evidence.cli.EvidenceCommands;
import org.sharingledger.platform.serialization.DeserializationFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The information-sharing ledger: every request for information about a child, every decision and every escalation,
 * recorded as immutable events.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LedgerApplication {

    public static void main(String[] args) {
        // Before anything can read a Java-serialized stream: the ledger reads none.
        DeserializationFilter.install();
        if (EvidenceCommands.handles(args)) {
            EvidenceCommands.main(args);
            return;
        }
        System.setProperty("disable-axoniq-console-message", "true");
        if (AccountCommands.handles(args)) {
            AccountCommands.main(LedgerApplication.class, args);
            return;
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
