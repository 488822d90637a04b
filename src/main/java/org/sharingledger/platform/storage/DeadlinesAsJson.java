package org.sharingledger.platform.storage;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway migration V2026.12.01.30: the deadlines stored before they were JSON become JSON ({@link DeadlineJson}).
 *
 * <p>The old rows are Java-serialized {@link DbSchedulerBinaryDeadlineDetails}. They are read once, here, through an
 * {@link ObjectInputFilter} that admits that one class and byte arrays and nothing else, within small limits, so no
 * other class is ever loaded or instantiated from them. Their parts were already JSON (Axon's Jackson 3 serializer)
 * and are carried over as they are. A row that is not such a deadline, or whose parts {@link DeadlineJson} would
 * refuse, is deleted and named in a warning: it was not written by the ledger.
 */
final class DeadlinesAsJson implements JavaMigration {

    static final String TASK = "AxonDeadline";
    private static final Logger LOG = LoggerFactory.getLogger(DeadlinesAsJson.class);
    private static final int MAX_BYTES = 1 << 20;

    /** Exactly what the old rows hold: one deadline object and its byte arrays. */
    static final ObjectInputFilter OLD_DEADLINE = info -> {
        if (info.depth() > 2 || info.references() > 16 || info.streamBytes() > MAX_BYTES) {
            return ObjectInputFilter.Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        return type == DbSchedulerBinaryDeadlineDetails.class || type == byte[].class
                ? ObjectInputFilter.Status.ALLOWED
                : ObjectInputFilter.Status.REJECTED;
    };

    record Outcome(int converted, int deleted) {}

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2026.12.01.30");
    }

    @Override
    public String getDescription() {
        return "deadlines as json";
    }

    @Override
    public Integer getChecksum() {
        return 20261201;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Outcome outcome = convert(context.getConnection());
        if (outcome.converted() + outcome.deleted() > 0) {
            LOG.info(
                    "Deadlines as JSON: {} converted, {} deleted as not the ledger's",
                    outcome.converted(),
                    outcome.deleted());
        }
    }

    /** Converts every deadline row that is not JSON yet. */
    static Outcome convert(Connection connection) throws SQLException {
        DeadlineJson json = new DeadlineJson();
        List<String> instances = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select task_instance, task_data from scheduled_tasks where task_name = ? and task_data is not null")) {
            select.setString(1, TASK);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    instances.add(rows.getString(1));
                    data.add(rows.getBytes(2));
                }
            }
        }
        int converted = 0;
        int deleted = 0;
        for (int i = 0; i < instances.size(); i++) {
            if (DeadlineJson.looksLikeJson(data.get(i))) {
                continue;
            }
            byte[] replacement;
            try {
                DbSchedulerHumanReadableDeadlineDetails deadline = readable(readOld(data.get(i)));
                replacement = json.serialize(deadline);
                json.deserialize(DbSchedulerHumanReadableDeadlineDetails.class, replacement);
            } catch (IOException | ClassNotFoundException | ClassCastException | SerializationException e) {
                LOG.warn(
                        "Deleted scheduled task {} {}: its data is not a deadline the ledger wrote ({})",
                        TASK,
                        instances.get(i),
                        e.toString());
                try (PreparedStatement delete = connection.prepareStatement(
                        "delete from scheduled_tasks where task_name = ? and task_instance = ?")) {
                    delete.setString(1, TASK);
                    delete.setString(2, instances.get(i));
                    delete.executeUpdate();
                }
                deleted++;
                continue;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update scheduled_tasks set task_data = ? where task_name = ? and task_instance = ?")) {
                update.setBytes(1, replacement);
                update.setString(2, TASK);
                update.setString(3, instances.get(i));
                update.executeUpdate();
            }
            converted++;
        }
        return new Outcome(converted, deleted);
    }

    private static DbSchedulerBinaryDeadlineDetails readOld(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(OLD_DEADLINE);
            Object read = in.readObject();
            if (!(read instanceof DbSchedulerBinaryDeadlineDetails old)) {
                throw new InvalidClassException(String.valueOf(read), "not a deadline");
            }
            return old;
        }
    }

    private static DbSchedulerHumanReadableDeadlineDetails readable(DbSchedulerBinaryDeadlineDetails old) {
        return new DbSchedulerHumanReadableDeadlineDetails(
                old.getD(), text(old.getS()), old.getSc(), text(old.getP()), old.getPc(), old.getR(), text(old.getM()));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
