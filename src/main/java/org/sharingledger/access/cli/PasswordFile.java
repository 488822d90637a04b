package org.sharingledger.access.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A password handed to the operator in a file of the data folder rather than on the console, where it would land in
 * container logs: the file is created readable and writable by the ledger's own user only (POSIX 0600) before the
 * password is written into it. On a file system without POSIX permissions (Windows) the file is restricted to its
 * owner as far as {@link File#setReadable(boolean, boolean)} can, and otherwise has the folder's access: keep the
 * data folder private there.
 */
public final class PasswordFile {

    private PasswordFile() {}

    /** Writes the password, with a line saying what it is, to {@code folder/name} (replacing any file there). */
    public static Path write(Path folder, String name, String what, String password) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name).toAbsolutePath().normalize();
        Files.deleteIfExists(file);
        if (posix(folder)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            File plain = file.toFile();
            boolean restricted = plain.setReadable(false, false)
                    && plain.setWritable(false, false)
                    && plain.setReadable(true, true)
                    && plain.setWritable(true, true);
            if (!restricted) {
                System.err.println("Could not restrict " + file + " to its owner: keep the data folder private.");
            }
        }
        Files.writeString(
                file,
                "# " + what + ". Delete this file once it is used.\n" + password + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    static boolean posix(Path folder) {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
