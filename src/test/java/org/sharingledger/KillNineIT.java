package org.sharingledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger killed with -9 leaves its PostgreSQL server running and holding the data folder; the next start must
 * stop that server and come up cleanly. Runs the application as real child processes.
 */
class KillNineIT {

    @Test
    void theLedgerStartsCleanlyAfterBeingKilledWithMinusNine() throws Exception {
        Path data = Files.createTempDirectory("ledger-kill9-");
        Process first = launch(data, data.resolve("first.log"));
        try {
            awaitStarted(first, data.resolve("first.log"));
            first.destroyForcibly().waitFor();
            assertThat(Files.exists(data.resolve("postgres/postmaster.pid")))
                    .as("the killed ledger's PostgreSQL still holds the folder")
                    .isTrue();

            Process second = launch(data, data.resolve("second.log"));
            try {
                awaitStarted(second, data.resolve("second.log"));
                assertThat(Files.readString(data.resolve("second.log"))).contains("from an earlier run still holds");
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            first.destroyForcibly();
        }
    }

    private static Process launch(Path data, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(List.of(
                        java,
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LedgerApplication.class.getName(),
                        "--server.port=0",
                        "--ledger.storage.data-dir=" + data,
                        "--ledger.security.admin-password=kill-nine-password",
                        "--ledger.security.bcrypt-strength=4"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitStarted(Process process, Path log) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("the ledger exited: " + Files.readString(log))
                            .isTrue();
                    return Files.readString(log).contains("Started LedgerApplication");
                });
    }
}
