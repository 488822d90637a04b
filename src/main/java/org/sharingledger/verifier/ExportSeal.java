package org.sharingledger.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The ledger's seal on an export: {@code digest} is the SHA-256 (base64) of the export's {@link CanonicalJson
 * canonical bytes} without its {@code seal} member; the signature is Ed25519 over the line
 * {@code "sharing-ledger export seal v1\n" + digest + "\n"}.
 */
public final class ExportSeal {

    public static final String CONTEXT = "sharing-ledger export seal v1\n";

    private ExportSeal() {}

    /** What the ledger signs for an export whose canonical bytes have this digest. */
    public static byte[] message(String digest) {
        return (CONTEXT + digest + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The base64 SHA-256 of canonical bytes. */
    public static String digest(byte[] canonicalContent) {
        return Base64.getEncoder().encodeToString(Merkle.sha256().digest(canonicalContent));
    }
}
