package org.sharingledger.platform.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger keeps its local files.
 *
 * @param dataDir      the folder for the embedded database and generated keys ({@code LEDGER_DATA_DIR}, default
 *                     {@code ./data})
 * @param embeddedPort the embedded database's port; 0 picks a free one ({@code LEDGER_EMBEDDED_PORT})
 */
@ConfigurationProperties(prefix = "ledger.storage")
public record LedgerStorageProperties(Path dataDir, int embeddedPort) {

    public LedgerStorageProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }
}
