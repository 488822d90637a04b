package org.sharingledger.evidence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.sharingledger.verifier.Text;
import org.sharingledger.verifier.VerifierKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's Ed25519 signing key (RFC 8032), with which it signs its checkpoints. It is made from a 32-byte seed,
 * the RFC 8032 private key, so the same seed always gives the same key; {@link #verifier()} is the public half to
 * hand to verifiers. The seed comes from {@code LEDGER_SIGNING_KEY}, or, with the embedded database only, from a file
 * in the data folder generated on first start. Thread-safe; it never prints its seed.
 */
public final class LedgerKey {

    private static final Logger log = LoggerFactory.getLogger(LedgerKey.class);

    /** The key file in the data folder, used only with the embedded database and no key configured. */
    static final String KEY_FILE = "signing.key";

    static final int SEED_SIZE = 32;

    private final String name;
    private final PrivateKey privateKey;
    private final VerifierKey verifier;

    private LedgerKey(String name, PrivateKey privateKey, VerifierKey verifier) {
        this.name = name;
        this.privateKey = privateKey;
        this.verifier = verifier;
    }

    /**
     * The key pair of a 32-byte Ed25519 seed, under a signed-note key name (no spaces, no '+'; a schema-less URL is
     * recommended, e.g. {@code ledger.example.org/audit}).
     */
    public static LedgerKey fromSeed(String name, byte[] seed32) {
        Objects.requireNonNull(seed32, "seed32");
        if (seed32.length != SEED_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed32.length);
        }
        if (!Text.isValidKeyName(name)) {
            throw new IllegalArgumentException("a key name must not be empty nor contain spaces or '+': " + name);
        }
        // JDK 17 cannot derive a public key from a private one, but its generator takes the private key (the seed)
        // from the SecureRandom it is given, exactly 32 bytes, and derives the public key as RFC 8032 5.1.5 says.
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed32));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this Java runtime", e);
        }
        VerifierKey verifier = VerifierKey.of(name, VerifierKey.rawPublicKey(pair.getPublic()));
        return new LedgerKey(name, pair.getPrivate(), verifier);
    }

    /**
     * The ledger's signing key. {@code configuredBase64} ({@code LEDGER_SIGNING_KEY}) is the base64 of a 32-byte
     * seed. When it is blank: with an external database the key must be given, and this fails; with the embedded
     * database the seed is read from {@code dataDir/signing.key}, which is generated (owner-only permissions) when
     * missing.
     *
     * @throws IllegalStateException when the key is missing where it must be given, or is not base64 of 32 bytes
     */
    public static LedgerKey load(String name, String configuredBase64, boolean externalDatabase, Path dataDir)
            throws IOException {
        if (configuredBase64 != null && !configuredBase64.isBlank()) {
            byte[] seed;
            try {
                seed = Base64.getDecoder().decode(configuredBase64.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "LEDGER_SIGNING_KEY must be base64 of 32 random bytes " + "(e.g. `openssl rand -base64 32`)");
            }
            if (seed.length != SEED_SIZE) {
                throw new IllegalStateException("LEDGER_SIGNING_KEY must decode to exactly 32 bytes (an Ed25519 "
                        + "seed, e.g. `openssl rand -base64 32`); it decodes to " + seed.length);
            }
            return fromSeedClearing(name, seed);
        }
        if (externalDatabase) {
            throw new IllegalStateException("LEDGER_SIGNING_KEY is not set. With an external database the ledger's "
                    + "signing key must be given: base64 of 32 random bytes, e.g. `openssl rand -base64 32`. Keep it "
                    + "outside the database (a secret store, not a table): whoever can rewrite the database must not "
                    + "also hold the key that signs its checkpoints. Keep it safe too: with a new key, verifiers "
                    + "must be given the new verifier key.");
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Path file = dataDir.resolve(KEY_FILE);
        boolean generated = false;
        if (!Files.exists(file)) {
            generate(dataDir, file);
            generated = true;
        }
        byte[] seed;
        try {
            seed = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The signing key file " + file + " is not base64; restore it from a "
                    + "backup, or set LEDGER_SIGNING_KEY");
        }
        if (seed.length != SEED_SIZE) {
            throw new IllegalStateException("The signing key file " + file + " does not hold 32 bytes; restore it "
                    + "from a backup, or set LEDGER_SIGNING_KEY");
        }
        LedgerKey key = fromSeedClearing(name, seed);
        if (generated) {
            log.info(
                    "Generated a new signing key in {} (verifier key {}, fingerprint {})",
                    file,
                    key.verifier().text(),
                    key.verifier().fingerprint());
        } else {
            warnIfReadableByOthers(file);
        }
        return key;
    }

    /** The key name, written before each signature. */
    public String name() {
        return name;
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        Objects.requireNonNull(message, "message");
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The public half, to hand to verifiers. */
    public VerifierKey verifier() {
        return verifier;
    }

    @Override
    public String toString() {
        return "LedgerKey[" + verifier.text() + "]";
    }

    private static LedgerKey fromSeedClearing(String name, byte[] seed) {
        try {
            return fromSeed(name, seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Writes a fresh seed to a temporary file readable by the owner alone from the start, forces it to disk, then
     * renames it into place, so a crash leaves either no key file or a whole one.
     */
    private static void generate(Path dataDir, Path file) throws IOException {
        Files.createDirectories(dataDir);
        byte[] seed = new byte[SEED_SIZE];
        new SecureRandom().nextBytes(seed);
        byte[] content = (Base64.getEncoder().encodeToString(seed) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(seed, (byte) 0);
        Path temporary = dataDir.resolve(KEY_FILE + ".new");
        Files.deleteIfExists(temporary);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel channel = posix()
                ? FileChannel.open(
                        temporary,
                        options,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : FileChannel.open(temporary, options)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } finally {
            Arrays.fill(content, (byte) 0);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        if (!posix()) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> others = EnumSet.complementOf(EnumSet.of(
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            others.retainAll(permissions);
            if (!others.isEmpty()) {
                log.warn(
                        "The signing key file {} is open to others ({}); make it rw------- (chmod 600)",
                        file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            log.warn("Could not read the permissions of the signing key file {}: {}", file, e.toString());
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Hands out the seed, once and whole, to the Ed25519 key pair generator; refuses any other request. */
    private static final class SeedRandom extends SecureRandom {

        private static final long serialVersionUID = 1L;

        SeedRandom(byte[] seed) {
            super(new SeedSpi(seed), null);
        }
    }

    private static final class SeedSpi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;

        private byte[] seed;

        SeedSpi(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
            throw new UnsupportedOperationException("the seed of a ledger key is fixed");
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length
                        + " bytes; a key is made from exactly one 32-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new UnsupportedOperationException("a ledger key generates no seeds");
        }
    }
}
