package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.LedgerApplication;
import org.sharingledger.projections.operations.ReadModels;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database roles of the docker-compose set-up, on a fresh database of the suite's server: the statements of
 * {@code deploy/postgres/roles.sql} (what the postgres container runs on its first start), the ledger's migrations
 * run by the owner role with the {@code afterMigrate.sql} callback, and then the runtime role, which can add history
 * but cannot change it, not even by disabling the append-only triggers.
 */
class LeastPrivilegeRolesIT extends IntegrationTest {

    private static final Path ROLES_SQL = Path.of("deploy/postgres/roles.sql");
    private static final List<String> EVIDENCE =
            List.of("domain_event_entry", "ledger_leaf", "ledger_checkpoint", "ledger_gap");
    private static final String PERMISSION_DENIED = "42501";

    @Autowired
    DataSource suiteDataSource;

    private String database;
    private String owner;
    private String app;
    private final String ownerPassword = "owner-" + UUID.randomUUID();
    private final String appPassword = "app-" + UUID.randomUUID();

    @BeforeEach
    void freshDatabaseWithTheContainersRoles() throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        database = "roles_" + suffix;
        owner = "ledger_owner_" + suffix;
        app = "ledger_app_" + suffix;
        jdbc.execute("create database " + database);
        try (Connection superuser = DriverManager.getConnection(url(), "postgres", null);
                Statement statement = superuser.createStatement()) {
            statement.execute(psqlScript(
                    ROLES_SQL,
                    Map.of(
                            "owner_role",
                            owner,
                            "owner_password",
                            ownerPassword,
                            "app_role",
                            app,
                            "app_password",
                            appPassword,
                            "DBNAME",
                            database)));
        }
    }

    @AfterEach
    void dropDatabaseAndRoles() {
        jdbc.execute("drop database if exists " + database + " with (force)");
        jdbc.execute("drop role if exists " + app);
        jdbc.execute("drop role if exists " + owner);
    }

    @Test
    void theRuntimeRoleAddsHistoryButCannotChangeIt() throws Exception {
        migrateAsOwner(app);
        migrateAsOwner(app); // the callback runs again with nothing pending, and changes nothing

        try (Connection runtime = DriverManager.getConnection(url(), app, appPassword)) {
            assertThat(queryString(runtime, "select current_user")).isEqualTo(app);
            assertThat(queryString(runtime, "select tableowner from pg_tables where tablename = 'domain_event_entry'"))
                    .isEqualTo(owner);
            assertThat(queryString(
                            runtime,
                            "select count(*) from pg_class where relowner = "
                                    + "(select oid from pg_roles where rolname = current_user)"))
                    .isEqualTo("0");

            String id = appendEvent(runtime);
            assertThat(queryString(
                            runtime,
                            "select encode(payload, 'escape') from domain_event_entry " + "where event_identifier = '"
                                    + id + "'"))
                    .isEqualTo("{}");

            // Refused by the privileges, before the append-only trigger is even reached.
            for (String change : List.of(
                    "update domain_event_entry set payload = '\\x00' where event_identifier = '" + id + "'",
                    "delete from domain_event_entry where event_identifier = '" + id + "'",
                    "truncate domain_event_entry",
                    "truncate domain_event_entry cascade")) {
                assertRefused(runtime, change, "permission denied for table domain_event_entry");
            }
            // Only the owner may alter the table or its triggers.
            for (String escape : List.of(
                    "alter table domain_event_entry disable trigger domain_event_entry_append_only",
                    "alter table domain_event_entry disable trigger all",
                    "drop trigger domain_event_entry_append_only on domain_event_entry",
                    "alter table domain_event_entry owner to " + app,
                    "drop table domain_event_entry")) {
                assertRefused(runtime, escape, "must be owner of"); // "of table" or "of relation"
            }
            assertRefused(runtime, "delete from flyway_schema_history", "permission denied");
            assertRefused(runtime, "create table forged (x int)", "permission denied for schema public");
            assertThat(queryString(
                            runtime, "select count(*) from domain_event_entry where event_identifier = '" + id + "'"))
                    .isEqualTo("1");

            // Every evidence table that exists (the hash chain's arrive in later migrations): SELECT and INSERT only.
            for (String table : EVIDENCE) {
                if (queryString(runtime, "select to_regclass('" + table + "')") != null) {
                    assertThat(queryString(
                                    runtime,
                                    "select has_table_privilege('" + table + "', 'select')"
                                            + " and has_table_privilege('" + table + "', 'insert')"
                                            + " and not has_table_privilege('" + table
                                            + "', 'update, delete, truncate, "
                                            + "references, trigger')"))
                            .as(table)
                            .isEqualTo("t");
                }
            }

            // The read models and working tables are the application's to keep.
            update(runtime, "insert into token_entry (processor_name, segment, owner) values ('test', 0, 'me')");
            update(runtime, "update token_entry set owner = null where processor_name = 'test'");
            update(runtime, "delete from token_entry where processor_name = 'test'");
            update(
                    runtime,
                    "insert into dashboard_agency (agency_id, name, sector) values ('a', 'An agency', 'HEALTH')");
            update(runtime, "update dashboard_agency set name = 'Renamed' where agency_id = 'a'");
            update(runtime, "delete from dashboard_agency");
            assertThat(queryString(runtime, "select count(*) from dashboard_agency"))
                    .isEqualTo("0");
        }
    }

    @Test
    void theLedgerRunsAsTheRuntimeRoleWhileFlywayMigratesAsTheOwner() {
        // The ledger service's environment in docker-compose.yml, as environment variables.
        Map<String, Object> compose = new HashMap<>();
        compose.put("SPRING_DATASOURCE_URL", url());
        compose.put("SPRING_DATASOURCE_USERNAME", app);
        compose.put("SPRING_DATASOURCE_PASSWORD", appPassword);
        compose.put("SPRING_FLYWAY_USER", owner);
        compose.put("SPRING_FLYWAY_PASSWORD", ownerPassword);
        compose.put("LEDGER_DB_APP_ROLE", app);
        compose.put("LEDGER_SUBJECT_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        compose.put("LEDGER_SIGNING_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        compose.put("LEDGER_ADMIN_PASSWORD", "least-privilege-admin-password");
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, compose));

        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .environment(environment)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--ledger.security.bcrypt-strength=4")) {
            JdbcTemplate runtime = ledger.getBean(JdbcTemplate.class);
            assertThat(runtime.queryForObject("select current_user", String.class))
                    .isEqualTo(app);
            assertThat(runtime.queryForObject(
                            "select tableowner from pg_tables where tablename = 'user_account'", String.class))
                    .isEqualTo(owner);
            // The first administrator: events appended, read models kept, and the streaming ones claim their tokens.
            assertThat(runtime.queryForObject("select count(*) from user_account where username = 'admin'", Long.class))
                    .isEqualTo(1);
            ReadModels readModels = ledger.getBean(ReadModels.class);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(readModels.all())
                            .isNotEmpty()
                            .allMatch(status -> status.lag() == 0 && status.error() == null));
            assertThatThrownBy(() -> runtime.update("delete from domain_event_entry"))
                    .hasStackTraceContaining("permission denied for table domain_event_entry");
        }
    }

    @Test
    void aRuntimeRoleThatCanActAsTheOwnerIsRefused() {
        jdbc.execute("grant " + owner + " to " + app);

        assertThatThrownBy(() -> migrateAsOwner(app))
                .isInstanceOf(FlywayException.class)
                .hasStackTraceContaining("the role " + app + " could still change the evidence table");
    }

    @Test
    void withoutARuntimeRoleTheCallbackDoesNothing() throws Exception {
        migrateAsOwner("");

        try (Connection runtime = DriverManager.getConnection(url(), app, appPassword)) {
            // Only what the default privileges of roles.sql give: the callback narrowed nothing, and the append-only
            // triggers are what refuse the change.
            assertThat(queryString(runtime, "select has_table_privilege('domain_event_entry', 'update')"))
                    .isEqualTo("t");
            String id = appendEvent(runtime);
            assertRefused(
                    runtime,
                    "delete from domain_event_entry where event_identifier = '" + id + "'",
                    "the ledger is append-only");
            assertRefused(
                    runtime,
                    "alter table domain_event_entry disable trigger all",
                    "must be owner of table domain_event_entry");
        }
    }

    /** The ledger's own Flyway set-up (locations from application.properties), logged in as the owner role. */
    private void migrateAsOwner(String appRole) throws IOException {
        Properties application = new Properties();
        try (InputStream in = LedgerApplication.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        }
        assertThat(application.getProperty("spring.flyway.placeholders.app-role"))
                .isEqualTo("${LEDGER_DB_APP_ROLE:}");
        Flyway.configure()
                .dataSource(url(), owner, ownerPassword)
                .locations(application.getProperty("spring.flyway.locations").split(","))
                .placeholders(Map.of("app-role", appRole))
                .load()
                .migrate();
    }

    /** The fresh database, without the suite's "?user=postgres" (which would win over any user we log in as). */
    private String url() {
        return ((HikariDataSource) suiteDataSource).getJdbcUrl().replaceFirst("/postgres(\\?.*)?$", "/" + database);
    }

    /** Appends an event row as the given role and returns its identifier. */
    private static String appendEvent(Connection connection) throws SQLException {
        String id = UUID.randomUUID().toString();
        update(
                connection,
                "insert into domain_event_entry (event_identifier, payload, payload_type, time_stamp, "
                        + "aggregate_identifier, sequence_number, type) values ('" + id + "', '\\x7b7d', 'Test', "
                        + "'2026-11-25T12:00:00Z', 'aggregate-" + id + "', 0, 'Test')");
        return id;
    }

    private static void assertRefused(Connection connection, String sql, String message) {
        assertThatThrownBy(() -> update(connection, sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo(PERMISSION_DENIED);
            assertThat(e.getMessage()).contains(message);
        });
    }

    private static void update(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static final Pattern PSQL_VARIABLE = Pattern.compile(":(['\"])([A-Za-z_][A-Za-z0-9_]*)\\1");

    /**
     * A psql script as psql sends it to the server: comments dropped, {@code :'name'} replaced by the variable as a
     * quoted literal and {@code :"name"} as a quoted identifier. Meta-commands are refused, so the test runs exactly
     * the SQL the container runs.
     */
    static String psqlScript(Path file, Map<String, String> variables) throws IOException {
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            String code = line.replaceFirst("--.*$", "");
            if (code.stripLeading().startsWith("\\")) {
                throw new IllegalArgumentException(file + " has a psql meta-command: " + line);
            }
            Matcher variable = PSQL_VARIABLE.matcher(code);
            StringBuilder substituted = new StringBuilder();
            while (variable.find()) {
                String value = variables.get(variable.group(2));
                if (value == null) {
                    throw new IllegalArgumentException(file + " uses the psql variable " + variable.group(2));
                }
                String quoted = variable.group(1).equals("'")
                        ? "'" + value.replace("'", "''") + "'"
                        : "\"" + value.replace("\"", "\"\"") + "\"";
                variable.appendReplacement(substituted, Matcher.quoteReplacement(quoted));
            }
            variable.appendTail(substituted);
            sql.append(substituted).append('\n');
        }
        return sql.toString();
    }
}
