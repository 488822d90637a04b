package org.sharingledger.subject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import org.sharingledger.kernel.BlindDigests;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.storage.LedgerStorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The subject key: {@code LEDGER_SUBJECT_KEY} (base64, at least 32 bytes). With the embedded database and no key
 * set, one is generated on first start into the data folder; with an external database the key must be given, since
 * losing it would split every child's timeline in two, and make every child's personal details unreadable.
 */
@Configuration(proxyBeanMethods = false)
class SubjectKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SubjectKeyConfiguration.class);
    static final String KEY_FILE = "subject.key";

    @Bean
    SubjectKey subjectKey(
            @Value("${ledger.subjects.key:}") String configured,
            @Value("${spring.datasource.url:}") String externalUrl,
            LedgerStorageProperties storage)
            throws IOException {
        return new SubjectKey(key(configured, !externalUrl.isBlank(), storage.dataDir()));
    }

    @Bean
    SubjectPseudonyms subjectPseudonyms(SubjectKey key) {
        return new HmacSubjectPseudonyms(key.material());
    }

    @Bean
    BlindDigests blindDigests(SubjectKey key) {
        byte[] blinding = key.blindingKey();
        return content -> HexFormat.of().formatHex(SubjectKey.hmacSha256(blinding, content));
    }

    static byte[] key(String configured, boolean externalDatabase, Path dataDir) throws IOException {
        if (configured != null && !configured.isBlank()) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("LEDGER_SUBJECT_KEY must be base64 (e.g. `openssl rand -base64 32`)");
            }
            if (key.length < 32) {
                throw new IllegalStateException("LEDGER_SUBJECT_KEY must decode to at least 32 bytes");
            }
            return key;
        }
        if (externalDatabase) {
            throw new IllegalStateException("LEDGER_SUBJECT_KEY is not set. With an external database the subject "
                    + "key must be given (base64, at least 32 bytes, e.g. `openssl rand -base64 32`) and kept safe: "
                    + "every child's pseudonym depends on it.");
        }
        Path file = dataDir.resolve(KEY_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.info("Generated a new subject key in {}", file);
        }
        return Base64.getDecoder().decode(Files.readString(file).strip());
    }
}
