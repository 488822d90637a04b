package org.sharingledger.evidence.api;

import org.sharingledger.verifier.ExportSeal;

/**
 * The ledger's signature on an export. {@code digest} is the SHA-256 (base64) of the export's canonical bytes without
 * its seal; {@code signature} is Ed25519 (base64) over the line {@code "sharing-ledger export seal v1\n" + digest +
 * "\n"} by the key {@code verifierKey} (signed-note verifier key format).
 */
public record Seal(String algorithm, String digest, String signature, String verifierKey, String keyFingerprint) {

    public static final String CONTEXT = ExportSeal.CONTEXT;

    public static byte[] message(String digest) {
        return ExportSeal.message(digest);
    }
}
