package org.sharingledger.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sharingledger.evidence.api.Verification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A ledger of its own for tests that tamper with it: a fresh database on the suite's server with the write side's
 * migrations, a copy of some streams' events (rehashed by the trigger exactly as when first stored), and its own
 * checkpointer and verifier. {@link #superuser()} is one connection with triggers switched off
 * ({@code session_replication_role = replica}), as a database superuser could do.
 */
final class LedgerCopy implements AutoCloseable {

    private final JdbcTemplate main;
    private final String name;
    private final DataSource dataSource;
    private final SingleConnectionDataSource superuserConnection;
    private final Checkpointer checkpointer;
    private final LedgerVerifier verifier;
    private final LedgerKey key;
    private final Path headFile;
    private final Duration gapTimeout;

    private LedgerCopy(JdbcTemplate main, String name, DataSource dataSource, LedgerKey key, Duration gapTimeout) {
        this.main = main;
        this.name = name;
        this.dataSource = dataSource;
        try {
            this.headFile = Files.createTempDirectory("ledger-copy-").resolve(SignedHead.FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.superuserConnection =
                new SingleConnectionDataSource(((PGSimpleDataSource) dataSource).getUrl(), "postgres", "", true);
        new JdbcTemplate(superuserConnection).execute("set session_replication_role = replica");
        this.checkpointer = new Checkpointer(
                new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource),
                key,
                new SignedHead(headFile),
                new EvidenceProperties(key.name(), "", Duration.ofSeconds(30), gapTimeout, ""),
                Clock.systemUTC());
        this.verifier = new LedgerVerifier(dataSource, key.verifier(), Clock.systemUTC(), gapTimeout);
        this.key = key;
        this.gapTimeout = gapTimeout;
    }

    /** A new ledger holding every event of these streams, in their store order. */
    static LedgerCopy of(JdbcTemplate main, List<String> streams, LedgerKey key, Duration gapTimeout) {
        String name =
                "ledger_copy_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        main.execute("create database " + name);
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl("jdbc:postgresql://localhost:" + main.queryForObject("show port", String.class) + "/" + name);
        dataSource.setUser("postgres");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .skipDefaultCallbacks(true)
                .load()
                .migrate();
        LedgerCopy copy = new LedgerCopy(main, name, dataSource, key, gapTimeout);
        copy.append(streams);
        return copy;
    }

    /** Appends (through the normal path: the trigger chains them) every event of these streams from the suite's ledger. */
    void append(List<String> streams) {
        JdbcTemplate target = jdbc();
        main.query(
                """
                select event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp,
                       aggregate_identifier, sequence_number, type
                from domain_event_entry where aggregate_identifier = any(?) order by global_index""",
                row -> {
                    target.update(
                            """
                    insert into domain_event_entry (event_identifier, meta_data, payload, payload_revision,
                        payload_type, time_stamp, aggregate_identifier, sequence_number, type)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                            row.getString(1),
                            row.getBytes(2),
                            row.getBytes(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            row.getLong(8),
                            row.getString(9));
                },
                (Object) streams.toArray(String[]::new));
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** One connection that bypasses the triggers. */
    JdbcTemplate superuser() {
        return new JdbcTemplate(superuserConnection);
    }

    Checkpointer checkpointer() {
        return checkpointer;
    }

    /** Another checkpointer on this ledger (as after a restart), with its own clock and gap timeout. */
    Checkpointer checkpointer(Clock clock, Duration gapTimeout) {
        return new Checkpointer(
                new JdbcTemplate(dataSource),
                new DataSourceTransactionManager(dataSource),
                key,
                new SignedHead(headFile),
                new EvidenceProperties(key.name(), "", Duration.ofSeconds(30), gapTimeout, ""),
                clock);
    }

    /** The copy's last signed checkpoint, kept outside its database. */
    Path headFile() {
        return headFile;
    }

    /** Verification with the copy's gap timeout. */
    LedgerVerifier verifier() {
        return verifier;
    }

    /** Verification as if at another time, or with another gap timeout. */
    Verification verify(Clock clock, Duration gapTimeout) {
        return new LedgerVerifier(dataSource, key.verifier(), clock, gapTimeout).verify(LedgerVerifier.Progress.NONE);
    }

    /** Verification by a verifier that keeps only this many streams' last events in memory. */
    Verification verifyKeeping(int streams) {
        return new LedgerVerifier(dataSource, key.verifier(), Clock.systemUTC(), gapTimeout, streams)
                .verify(LedgerVerifier.Progress.NONE);
    }

    Verification verify() {
        return verifier.verify(LedgerVerifier.Progress.NONE);
    }

    long position(String stream, long sequence) {
        return jdbc().queryForObject(
                        "select global_index from domain_event_entry "
                                + "where aggregate_identifier = ? and sequence_number = ?",
                        Long.class,
                        stream,
                        sequence);
    }

    Map<String, Object> event(long position) {
        return jdbc().queryForMap("select * from domain_event_entry where global_index = ?", position);
    }

    @Override
    public void close() {
        superuserConnection.destroy();
        main.execute("drop database " + name + " with (force)");
    }
}
