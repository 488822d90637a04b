package org.sharingledger.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.sharingledger.verifier.Checkpoint;
import org.sharingledger.verifier.VerifierKey;

/**
 * The last checkpoint this ledger signed, kept outside the database: a file holding its signed statement, beside the
 * signing key in the data folder ({@code checkpoint-head.txt}) or where {@code ledger.evidence.head-file} says. The
 * checkpointer signs a new tree only if it extends this head (a consistency proof against the tree in the database),
 * so a database restored from an old backup, or rewritten under the ledger, is refused rather than signed. The file
 * is replaced atomically (written beside it, forced to disk, renamed), so a crash leaves the old head or the new one.
 */
final class SignedHead {

    /** The default file name, in the data folder. */
    static final String FILE = "checkpoint-head.txt";

    private final Path file;

    SignedHead(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    Path file() {
        return file;
    }

    /** The statement in the file, if there is one yet. */
    Optional<String> statement() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signed head " + file, e);
        }
    }

    /**
     * The checkpoint in the file, once its signature by this ledger's key is checked.
     *
     * @throws InvalidStatement when the file holds anything but a checkpoint signed by the key
     */
    Optional<Checkpoint> checkpoint(VerifierKey key) {
        return statement().map(statement -> SignedCheckpoints.open(statement, key));
    }

    /** Replaces the head with a newly signed statement. */
    void write(String statement) {
        try {
            Path folder = file.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Path temporary = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            try (FileChannel channel =
                    FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(statement.getBytes(StandardCharsets.UTF_8));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signed head " + file, e);
        }
    }
}
