package org.sharingledger.evidence;

import org.sharingledger.verifier.Merkle;

/**
 * The root of a Merkle tree (RFC 9162 section 2.1.1) computed while reading the leaves once, in order, keeping only
 * the hashes of the complete subtrees on the tree's right edge (a "compact range"): at most 64 hashes whatever the
 * number of leaves. For a verifier reading millions of events that needs their root but no proofs.
 *
 * <p>Not thread-safe: one reader appends, then asks for the root.
 */
public final class RootAccumulator {

    /** {@code stack[k]}: the hash of the complete subtree of {@code 2^k} leaves when bit {@code k} of size is set. */
    private final byte[][] stack = new byte[64][];

    private long size;

    public RootAccumulator() {}

    /** Adds the next leaf; as in {@link MerkleTree#append}, the tree holds {@link Merkle#leafHash} of it. */
    public void append(byte[] leafData) {
        byte[] hash = Merkle.leafHash(leafData);
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full");
        }
        int level = 0;
        while ((size & (1L << level)) != 0) {
            hash = Merkle.nodeHash(stack[level], hash);
            stack[level] = null;
            level++;
        }
        stack[level] = hash;
        size++;
    }

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /** The root of the tree of every leaf appended so far; {@link Merkle#emptyRoot()} when there is none. */
    public byte[] root() {
        if (size == 0) {
            return Merkle.emptyRoot();
        }
        byte[] root = null;
        for (int level = 0; level < stack.length; level++) {
            if ((size & (1L << level)) != 0) {
                root = root == null ? stack[level].clone() : Merkle.nodeHash(stack[level], root);
            }
        }
        return root;
    }

    @Override
    public String toString() {
        return "RootAccumulator[size=" + size + "]";
    }
}
