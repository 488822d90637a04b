package org.sharingledger.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

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
        Integer port = runningPort(folder);
        if (port != null) {
            return new LedgerDatabase(local(port), null);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(folder).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setPGStartupWait(Duration.ofSeconds(60)).start();
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

    /** The port of the embedded server the application is running now, read from its postmaster.pid. */
    private static Integer runningPort(Path folder) {
        Path pidFile = folder.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).strip());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Integer.parseInt(lines.get(3).strip());
            }
        } catch (IOException | RuntimeException e) {
            // no server running: start one
        }
        return null;
    }

    private static DataSource local(int port) {
        PGSimpleDataSource local = new PGSimpleDataSource();
        local.setUrl("jdbc:postgresql://localhost:" + port + "/postgres");
        local.setUser("postgres");
        return local;
    }
}
