package org.sharingledger.evidence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sharingledger.platform.storage.PostmasterPid;

/**
 * The ledger's database for a command-line run: the server at a JDBC URL, or else the embedded one in the data
 * folder, reached where the running application started it, or started for the run and stopped after it.
 */
public final class LedgerDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final EmbeddedPostgres started;

    private LedgerDatabase(DataSource dataSource, EmbeddedPostgres started) {
        this.dataSource = dataSource;
        this.started = started;
    }

    public static LedgerDatabase open(String url, String username, String password, Path dataDir) throws IOException {
        if (url != null && !url.isBlank()) {
            PGSimpleDataSource external = new PGSimpleDataSource();
            external.setUrl(url);
            if (username != null) {
                external.setUser(username);
            }
            if (password != null) {
                external.setPassword(password);
            }
            return new LedgerDatabase(external, null);
        }
        Path folder = dataDir.resolve("postgres");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("no ledger database in " + folder
                    + " (set LEDGER_DATA_DIR, or SPRING_DATASOURCE_URL for a database server)");
        }
        Optional<PostmasterPid> running = PostmasterPid.read(folder).filter(PostmasterPid::alive);
        if (running.isPresent() && running.get().port() > 0) {
            return new LedgerDatabase(local(running.get().port()), null);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new LedgerDatabase(local(postgres.getPort()), postgres);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
        }
    }

    private static DataSource local(int port) {
        PGSimpleDataSource local = new PGSimpleDataSource();
        local.setUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        local.setUser("postgres");
        return local;
    }
}
