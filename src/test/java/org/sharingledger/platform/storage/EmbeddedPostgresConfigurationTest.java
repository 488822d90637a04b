package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void aStalePidFileOfADeadProcessIsLeftToPostgres() throws IOException {
        Path dir = Files.createTempDirectory("pg-stale-");
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n" + dir + "\n");
        EmbeddedPostgresConfiguration.stopOrphanedServer(dir);
        assertThat(dir.resolve("postmaster.pid")).exists();
    }
}
