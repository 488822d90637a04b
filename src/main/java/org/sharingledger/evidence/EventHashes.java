package org.sharingledger.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash of one stored event, chained to the previous event of its stream: SHA-256 over the canonical encoding
 * (version 1) that the database trigger {@code ledger_chain_event} also computes (see
 * {@code V2026.11.25.61__event_hash_chain.sql}). The verifier recomputes every stored hash with this class.
 * One instance per thread: it reuses its digest.
 */
public final class EventHashes {

    /** The "previous hash" of the first event of a stream: 32 zero bytes (a new array each time). */
    static byte[] genesis() {
        return new byte[32];
    }

    private final MessageDigest sha256;
    private final byte[] number = new byte[8];

    public EventHashes() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] hash(
            byte[] previous,
            String eventIdentifier,
            String aggregateIdentifier,
            long sequenceNumber,
            String type,
            String timeStamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {
        sha256.reset();
        sha256.update(previous);
        text(eventIdentifier);
        text(aggregateIdentifier);
        int8(sequenceNumber);
        text(type);
        text(timeStamp);
        text(payloadType);
        text(payloadRevision);
        field(payload);
        field(metaData);
        return sha256.digest();
    }

    private void text(String value) {
        field(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void field(byte[] value) {
        if (value == null) {
            int4(-1);
        } else {
            int4(value.length);
            sha256.update(value);
        }
    }

    private void int4(int value) {
        number[0] = (byte) (value >>> 24);
        number[1] = (byte) (value >>> 16);
        number[2] = (byte) (value >>> 8);
        number[3] = (byte) value;
        sha256.update(number, 0, 4);
    }

    private void int8(long value) {
        for (int i = 0; i < 8; i++) {
            number[i] = (byte) (value >>> (56 - 8 * i));
        }
        sha256.update(number, 0, 8);
    }
}
