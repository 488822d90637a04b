package org.sharingledger.platform.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a PostgreSQL data folder's {@code postmaster.pid} says about the server holding it: its process and its port.
 *
 * @param pid  the postmaster's process id (first line)
 * @param port the port it listens on (fourth line), or 0 when the file does not say yet
 */
public record PostmasterPid(long pid, int port) {

    /** The file in {@code dataDir}, if there is one and it reads as PostgreSQL writes it. */
    public static Optional<PostmasterPid> read(Path dataDir) {
        Path file = dataDir.resolve("postmaster.pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int port = lines.size() > 3 && !lines.get(3).isBlank()
                    ? Integer.parseInt(lines.get(3).strip())
                    : 0;
            return Optional.of(new PostmasterPid(Long.parseLong(lines.get(0).strip()), port));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether that process is still running. */
    public boolean alive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
