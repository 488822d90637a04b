package org.sharingledger.evidence;

import java.io.IOException;
import org.sharingledger.platform.storage.LedgerStorageProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing key: never in the database; from {@code LEDGER_SIGNING_KEY} or, embedded, the data folder. */
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
}
