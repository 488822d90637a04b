package org.sharingledger.verifier;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the ledger signs: at {@code signedAt}, the tree of its first {@code treeSize} events had the root
 * {@code rootHash}. The body is a c2sp.org/tlog-checkpoint note text: the origin (the log's name), the tree size in
 * decimal, the base64 root hash, each on its own line, then one extension line {@code time <UTC instant>}:
 *
 * <pre>
 * ledger.example.org/audit
 * 1042
 * 5dlC8Rx0bVjcwJc8JVyS0RXuCBwaHhkr8J3HW/fDZHI=
 * time 2026-11-25T20:00:00Z
 * </pre>
 *
 * <p>The time is inside the signed bytes, so it cannot be changed without breaking the signature. The spec allows
 * extension lines but calls them opaque and NOT RECOMMENDED, since log monitors cannot audit them: tools built for
 * other logs will carry the time but not understand it. The time is kept to whole seconds. {@link #parseBody} reads
 * exactly this form and nothing else.
 */
@SuppressWarnings("ArrayRecordComponent") // equals and hashCode below compare the root hash by content
public record Checkpoint(String origin, long treeSize, byte[] rootHash, Instant signedAt) {

    static final String TIME_EXTENSION = "time ";

    /**
     * @throws IllegalArgumentException for an empty origin or one with a control character (a newline), a negative
     *                                  size or a root hash that is not 32 bytes
     */
    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(rootHash, "rootHash");
        Objects.requireNonNull(signedAt, "signedAt");
        if (origin.isEmpty()
                || Text.indexOfControl(origin) >= 0
                || origin.indexOf('\n') >= 0
                || !Text.isWellFormed(origin)) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line of text");
        }
        if (treeSize < 0) {
            throw new IllegalArgumentException("a tree size is not negative: " + treeSize);
        }
        if (rootHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a root hash has 32 bytes, not " + rootHash.length);
        }
        rootHash = rootHash.clone();
        signedAt = signedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A copy of the 32-byte root hash. */
    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text to sign: origin, size, base64 root and the time line, each ending with a newline. */
    public String body() {
        return origin + "\n" + treeSize + "\n" + Text.base64(rootHash) + "\n" + TIME_EXTENSION
                + DateTimeFormatter.ISO_INSTANT.format(signedAt) + "\n";
    }

    /**
     * Reads a body written by {@link #body()}: exactly four lines, each ending with a newline; a size in decimal
     * without leading zeros; the root in padded base64; the time in whole UTC seconds. Anything else, including
     * other extension lines, is refused, so that a checkpoint has one spelling only.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static Checkpoint parseBody(String body) {
        if (body == null || body.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint is empty");
        }
        if (!body.endsWith("\n")) {
            throw new IllegalArgumentException("the checkpoint's last line does not end with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has at least three lines (origin, tree size, root hash); "
                    + "this one has " + lines.length);
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the checkpoint is empty");
            }
        }
        long treeSize = parseTreeSize(lines[1]);
        byte[] rootHash = Text.decodeBase64(lines[2]);
        if (rootHash == null || rootHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("the checkpoint's root hash is not the base64 of 32 bytes: " + lines[2]);
        }
        if (lines.length != 4 || !lines[3].startsWith(TIME_EXTENSION)) {
            throw new IllegalArgumentException("after the root hash this ledger's checkpoint has exactly one line, "
                    + "\"time <UTC instant>\"; this one has " + (lines.length - 3) + " extension line(s)");
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(lines[3].substring(TIME_EXTENSION.length()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "the checkpoint's time is not a UTC instant such as " + "2026-11-25T20:00:00Z: " + lines[3]);
        }
        Checkpoint checkpoint = new Checkpoint(lines[0], treeSize, rootHash, signedAt);
        if (!checkpoint.body().equals(body)) {
            throw new IllegalArgumentException("the checkpoint is not in its canonical form (the time must be in "
                    + "whole seconds, e.g. 2026-11-25T20:00:00Z): " + lines[3]);
        }
        return checkpoint;
    }

    /**
     * The checkpoint a statement carries, once its signature by {@code key} is verified (see
     * {@link SignedNote#open}); the caller still decides whether its origin is the log it expects.
     *
     * @throws InvalidStatement malformed, not signed by this key, or a bad signature
     */
    public static Checkpoint open(String statement, VerifierKey key) {
        Objects.requireNonNull(key, "key");
        String body = SignedNote.open(statement, key);
        try {
            return parseBody(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidStatement(
                    InvalidStatement.Reason.MALFORMED, "the signed text is not a checkpoint: " + e.getMessage());
        }
    }

    private static long parseTreeSize(String line) {
        if (!line.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException(
                    "the checkpoint's tree size is not a decimal number without leading " + "zeros: " + line);
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the checkpoint's tree size is too large: " + line);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && treeSize == that.treeSize
                && origin.equals(that.origin)
                && Arrays.equals(rootHash, that.rootHash)
                && signedAt.equals(that.signedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, treeSize, Arrays.hashCode(rootHash), signedAt);
    }

    @Override
    public String toString() {
        return "Checkpoint[origin=" + origin + ", treeSize=" + treeSize + ", rootHash=" + Text.base64(rootHash)
                + ", signedAt=" + signedAt + "]";
    }
}
