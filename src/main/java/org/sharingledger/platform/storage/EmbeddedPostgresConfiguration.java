package org.sharingledger.platform.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With no {@code spring.datasource.url}, the ledger runs its own PostgreSQL server (a real one, from a Maven
 * artifact) with its data in {@code <data dir>/postgres}, so that one command starts it on a fresh machine.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isBlank()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(LedgerStorageProperties storage) throws IOException {
        Path dir = storage.dataDir().resolve("postgres");
        Files.createDirectories(dir);
        stopOrphanedServer(dir);
        int port = choosePort(storage.embeddedPort());
        Instant started = Instant.now();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                // The embedded server's library starts it with fsync and synchronous_commit off (made for tests): a
                // commit could then be answered 2xx and lost in a crash, or the data folder corrupted by one.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // The server's own log goes to our console: never with statements (they carry payloads).
                .setServerConfig("log_min_error_statement", "panic")
                .start();
        log.info(
                "Embedded PostgreSQL started on port {} with its data in {} ({} ms)",
                port,
                dir,
                Duration.between(started, Instant.now()).toMillis());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, LedgerStorageProperties storage) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setMaximumPoolSize(10);
        config.setPoolName("ledger-embedded");
        HikariDataSource dataSource = new HikariDataSource(config);
        assertOwnServer(dataSource, storage.dataDir().resolve("postgres"));
        return dataSource;
    }

    /**
     * A fixed port that another server already listens on would otherwise be used silently: check that the server
     * we talk to keeps its data in our folder.
     */
    static void assertOwnServer(DataSource dataSource, Path expectedDir) {
        String serverDir = new JdbcTemplate(dataSource).queryForObject("show data_directory", String.class);
        try {
            if (serverDir == null || !Path.of(serverDir).toRealPath().equals(expectedDir.toRealPath())) {
                throw new IllegalStateException("The database server on the embedded port is not the ledger's own "
                        + "(its data is in " + serverDir + ", not " + expectedDir + "). Choose another "
                        + "LEDGER_EMBEDDED_PORT or leave it unset to pick a free one.");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot compare database data folders", e);
        }
    }

    static int choosePort(int configured) {
        try (ServerSocket socket = new ServerSocket(configured, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Port " + configured + " for the embedded database is already in use. "
                            + "Set LEDGER_EMBEDDED_PORT to a free port, or leave it unset (0) to pick one.",
                    e);
        }
    }

    /**
     * After the application was killed (kill -9), its PostgreSQL server keeps running and holds the data folder.
     * Stop it (fast shutdown) and wait, so this start can take the folder over.
     */
    static void stopOrphanedServer(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<PostmasterPid> holder = PostmasterPid.read(dataDir);
        if (holder.isEmpty()) {
            log.warn("Unreadable {}; leaving it to PostgreSQL", pidFile);
            return;
        }
        stopIfAlive(holder.get().pid(), dataDir);
    }

    private static void stopIfAlive(long pid, Path dataDir) {
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
            log.warn("A PostgreSQL server (pid {}) from an earlier run still holds {}: stopping it", pid, dataDir);
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(pid))
                        .inheritIO()
                        .start()
                        .waitFor();
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("Fast shutdown of pid {} did not finish; killing it", pid);
                process.destroyForcibly();
            }
        });
    }
}
