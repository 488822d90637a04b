package org.sharingledger.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle tree hashes and proof checks of RFC 9162 (Certificate Transparency version 2.0), section 2.1, the same
 * tree as RFC 6962: a leaf is hashed as {@code SHA-256(0x00 || data)}, an inner node as
 * {@code SHA-256(0x01 || left || right)}, so a leaf can never pass for a node. Anyone holding a root can check, with
 * these methods alone, that an event is in the tree (an inclusion proof, 2.1.3.2) and that a later tree only added
 * events to an earlier one (a consistency proof, 2.1.4.2).
 *
 * <p>The proofs do not carry the tree size: take the size and the root together from one signed checkpoint.
 * Every method is thread-safe; the verifiers return {@code false} for any malformed proof and never throw for one.
 */
public final class Merkle {

    /** SHA-256 output length, the size of every hash here. */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = sha256().digest();

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Merkle::sha256);

    private Merkle() {}

    /** {@code SHA-256(0x00 || leafData)}, the hash of one leaf (RFC 9162 2.1.1). */
    public static byte[] leafHash(byte[] leafData) {
        Objects.requireNonNull(leafData, "leafData");
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(LEAF_PREFIX);
        digest.update(leafData);
        return digest.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}, the hash of an inner node (RFC 9162 2.1.1). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** Node hash of two hashes lying in larger arrays, without copying them out first. */
    public static byte[] nodeHash(byte[] leftArray, int leftOffset, byte[] rightArray, int rightOffset) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        digest.update(NODE_PREFIX);
        digest.update(leftArray, leftOffset, HASH_SIZE);
        digest.update(rightArray, rightOffset, HASH_SIZE);
        return digest.digest();
    }

    /** The root of the empty tree: SHA-256 of the empty string, {@code e3b0c442...b855} (RFC 9162 2.1.1). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    /**
     * Whether {@code auditPath} proves that {@code leafData} is the leaf at {@code index} of the tree of
     * {@code treeSize} leaves whose root is {@code root}: the algorithm of RFC 9162 section 2.1.3.2, step by step.
     *
     * @param leafData  the leaf itself (hashed here with {@link #leafHash}), in the ledger a 32-byte event hash
     * @param auditPath the path from the leaf up, as {@link MerkleTree#inclusionProof} gives it
     */
    public static boolean verifyInclusion(
            byte[] leafData, long index, long treeSize, List<byte[]> auditPath, byte[] root) {
        Objects.requireNonNull(leafData, "leafData");
        if (index < 0 || index >= treeSize || !isHash(root) || !allHashes(auditPath)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash(leafData);
        for (byte[] p : auditPath) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * Whether {@code proof} proves that the tree of {@code size2} leaves with root {@code root2} extends the tree of
     * {@code size1} leaves with root {@code root1} by appending only: RFC 9162 section 2.1.4.2, step by step, for
     * {@code 0 < size1 < size2}.
     *
     * <p>The RFC leaves two cases out; here they are decided so: when {@code size1 == size2} the proof must be empty
     * and the roots equal; when {@code size1 == 0} the proof must be empty and {@code root1} must be
     * {@link #emptyRoot()} (the empty tree is a prefix of every tree, so {@code root2} is not checked, except that it
     * too must be the empty root when {@code size2 == 0}). {@code size1 > size2} is always false.
     */
    public static boolean verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        if (size1 < 0 || size2 < size1 || !isHash(root1) || !isHash(root2) || !allHashes(proof)) {
            return false;
        }
        if (size1 == 0) {
            return proof.isEmpty()
                    && MessageDigest.isEqual(root1, EMPTY_ROOT)
                    && (size2 > 0 || MessageDigest.isEqual(root2, EMPTY_ROOT));
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(size1) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(root1);
            path.addAll(proof);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (int i = 1; i < path.size(); i++) {
            byte[] c = path.get(i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean allHashes(List<byte[]> hashes) {
        if (hashes == null) {
            return false;
        }
        for (byte[] hash : hashes) {
            if (!isHash(hash)) {
                return false;
            }
        }
        return true;
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
