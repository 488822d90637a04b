package org.sharingledger.evidence;

import java.io.IOException;
import java.nio.file.Path;
import org.sharingledger.platform.storage.LedgerStorageProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signing key: never in the database; from {@code LEDGER_SIGNING_KEY} or, embedded, the data folder. The last
 * signed checkpoint: never only in the database; in the data folder too, or at {@code LEDGER_HEAD_FILE}.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

    @Bean
    LedgerKey ledgerKey(
            EvidenceProperties properties,
            @Value("${spring.datasource.url:}") String externalUrl,
            LedgerStorageProperties storage)
            throws IOException {
        return LedgerKey.load(properties.origin(), properties.signingKey(), !externalUrl.isBlank(), storage.dataDir());
    }

    @Bean
    SignedHead signedHead(EvidenceProperties properties, LedgerStorageProperties storage) {
        return new SignedHead(
                properties.headFile() == null || properties.headFile().isBlank()
                        ? storage.dataDir().resolve(SignedHead.FILE)
                        : Path.of(properties.headFile()));
    }
}
