package org.sharingledger.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What the database server itself does on this machine, measured in the same run as the ledger's figures, so that
 * each figure in {@link BenchmarkTable} can be read against the hardware: durable single-row inserts of an
 * event-shaped row (as pgbench would, one transaction each, synchronous commit), and a sequential scan of the event
 * table. Each is measured once per run and then remembered.
 */
public final class RawPostgres {

    private static volatile Double insertsPerSecond;
    private static volatile Double scannedPerSecond;

    private RawPostgres() {}

    /** Durable single-row inserts per second with 16 clients, each on its own connection, over 10 seconds. */
    public static double insertsPerSecond(DataSource dataSource) {
        if (insertsPerSecond == null) {
            synchronized (RawPostgres.class) {
                if (insertsPerSecond == null) {
                    insertsPerSecond = measureInserts(dataSource, 16, 10_000);
                }
            }
        }
        return insertsPerSecond;
    }

    /** The same as words for the table, e.g. "4,100 durable inserts/s (16 clients)". */
    public static String inserts(DataSource dataSource) {
        return BenchmarkTable.figure(insertsPerSecond(dataSource), "durable inserts/s (16 clients)");
    }

    /**
     * Rows of {@code domain_event_entry} read per second by a sequential scan that reads every payload (the floor
     * any rebuild starts from), measured once on whatever the table holds when first asked; give it a table of at
     * least some 100,000 events.
     */
    public static double scannedPerSecond(DataSource dataSource) {
        if (scannedPerSecond == null) {
            synchronized (RawPostgres.class) {
                if (scannedPerSecond == null) {
                    scannedPerSecond = measureScan(dataSource);
                }
            }
        }
        return scannedPerSecond;
    }

    /** The same as words for the table, e.g. "410,000 events/s (sequential scan)". */
    public static String scan(DataSource dataSource) {
        return BenchmarkTable.figure(scannedPerSecond(dataSource), "events/s (sequential scan)");
    }

    private static double measureInserts(DataSource dataSource, int clients, long millis) {
        String table = "raw_insert_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create table " + table + " (global_index bigserial primary key, event_identifier "
                    + "varchar(255) not null unique, aggregate_identifier varchar(255) not null, sequence_number "
                    + "bigint not null, type varchar(255), time_stamp varchar(255) not null, payload bytea not null, "
                    + "payload_type varchar(255) not null, meta_data bytea, unique (aggregate_identifier, "
                    + "sequence_number))");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        byte[] payload = new byte[600];
        byte[] metaData = new byte[400];
        AtomicLong inserted = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long end = System.nanoTime() + millis * 1_000_000;
            List<Future<?>> clientsRunning = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                clientsRunning.add(pool.submit(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.setAutoCommit(true);
                        try (PreparedStatement insert = connection.prepareStatement("insert into " + table
                                + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                                + "payload, payload_type, meta_data) values (?, ?, 0, 'Request', ?, ?, "
                                + "'org.sharingledger.request.api.InformationRequested', ?)")) {
                            while (System.nanoTime() < end) {
                                String id = UUID.randomUUID().toString();
                                insert.setString(1, id);
                                insert.setString(2, id);
                                insert.setString(3, java.time.Instant.now().toString());
                                insert.setBytes(4, payload);
                                insert.setBytes(5, metaData);
                                insert.executeUpdate();
                                inserted.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            for (Future<?> client : clientsRunning) {
                client.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return inserted.get() / seconds;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("drop table " + table);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static double measureScan(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long rows = 0;
            long start = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(5_000);
                try (var result = statement.executeQuery(
                        "select global_index, payload_type, payload, meta_data from domain_event_entry")) {
                    while (result.next()) {
                        result.getBytes(3);
                        result.getBytes(4);
                        rows++;
                    }
                }
            }
            connection.commit();
            return rows / ((System.nanoTime() - start) / 1e9);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
