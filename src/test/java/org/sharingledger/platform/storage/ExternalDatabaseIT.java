package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.sharingledger.LedgerApplication;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With SPRING_DATASOURCE_URL set, the ledger uses that server (here: a fresh database on the suite's PostgreSQL)
 * and starts no server of its own; without a subject key it refuses to start.
 */
class ExternalDatabaseIT extends IntegrationTest {

    @Autowired
    DataSource suiteDataSource;

    private String freshDatabaseUrl() {
        String name = "external_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.execute("create database " + name);
        String url = ((HikariDataSource) suiteDataSource).getJdbcUrl();
        return url.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    @Test
    void runsOnAnExternalServerWithSpringTransactions() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.datasource.url=" + freshDatabaseUrl(),
                        "--spring.datasource.username=postgres",
                        "--ledger.subjects.key=" + key,
                        "--ledger.evidence.signing-key=" + key,
                        "--ledger.security.admin-password=external-admin-password",
                        "--ledger.security.bcrypt-strength=4")) {
            assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            assertThat(app.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
            assertThat(app.getBean(JdbcTemplate.class)
                            .queryForObject("select count(*) from user_account where username = 'admin'", Long.class))
                    .isEqualTo(1);
        }
    }

    @Test
    void refusesToStartWithoutASubjectKey() {
        String url = freshDatabaseUrl();
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=postgres",
                                "--ledger.subjects.key=",
                                "--ledger.evidence.signing-key="
                                        + Base64.getEncoder().encodeToString(new byte[32])))
                .hasStackTraceContaining("LEDGER_SUBJECT_KEY is not set");
    }

    @Test
    void refusesToStartWithoutASigningKey() {
        String url = freshDatabaseUrl();
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> new SpringApplicationBuilder(LedgerApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=postgres",
                                "--ledger.subjects.key=" + key,
                                "--ledger.evidence.signing-key="))
                .hasStackTraceContaining("LEDGER_SIGNING_KEY");
    }
}
