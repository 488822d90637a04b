package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresConfigurationTest {

    @Test
    void aTakenPortIsAClearErrorNotASilentConnectionToAStranger() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresConfiguration.choosePort(taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("LEDGER_EMBEDDED_PORT");
        }
    }

    @Test
    void portZeroPicksAFreePort() {
        assertThat(EmbeddedPostgresConfiguration.choosePort(0)).isPositive();
    }

    @Test
    void anOrphanedServerFromAKilledRunIsStoppedAndAStrangerIsRecognised() throws IOException {
        Path dir = Files.createTempDirectory("pg-orphan-");
        // Started and never closed: what a kill -9 of the application leaves behind.
        EmbeddedPostgres orphan = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        long pid = Long.parseLong(
                Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(pid)).get().matches(ProcessHandle::isAlive);

        assertThatThrownBy(() -> EmbeddedPostgresConfiguration.assertOwnServer(
                        orphan.getPostgresDatabase(), Files.createTempDirectory("not-its-data-")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the ledger's own");
        EmbeddedPostgresConfiguration.assertOwnServer(orphan.getPostgresDatabase(), dir);

        EmbeddedPostgresConfiguration.stopOrphanedServer(dir);

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aStalePidFileOfADeadProcessIsLeftToPostgres() throws IOException {
        Path dir = Files.createTempDirectory("pg-stale-");
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n" + dir + "\n");
        EmbeddedPostgresConfiguration.stopOrphanedServer(dir);
        assertThat(dir.resolve("postmaster.pid")).exists();
    }
}
