package org.sharingledger.kernel;

/**
 * A keyed digest (HMAC-SHA-256 under a key derived from the subject key) of content that may hold a child's
 * identifier and is only ever compared, never read back: the body of a request kept for idempotent retries, say. A
 * plain SHA-256 of such content could be reversed by trying every NHS number; this cannot, without the key.
 */
public interface BlindDigests {

    /** 64 hex characters. */
    String of(byte[] content);
}
