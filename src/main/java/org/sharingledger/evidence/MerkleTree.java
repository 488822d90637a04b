package org.sharingledger.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sharingledger.verifier.Merkle;

/**
 * An append-only Merkle tree in memory, as defined in RFC 9162 section 2.1: it gives the root of the tree at any size
 * it has reached (2.1.1), inclusion proofs (2.1.3.1) and consistency proofs (2.1.4.1) between any two such sizes.
 *
 * <p>It keeps the hash of every complete subtree: level 0 holds the leaf hashes, level {@code k} the hash of each
 * aligned block of {@code 2^k} leaves, so about {@code 2n} hashes of 32 bytes for {@code n} leaves (64 MB for a
 * million). Any root or proof is then put together from at most {@code O(log^2 n)} stored hashes, never by rehashing
 * leaves. Appending costs two hashes on average.
 *
 * <p>Thread-safe: any number of readers work alongside one appender (a read-write lock); a reader sees every append
 * completed before its call.
 */
public final class MerkleTree {

    /** Hashes per storage chunk: 4096 x 32 bytes = 128 KiB, small enough to stay out of humongous allocations. */
    private static final int CHUNK_BITS = 12;

    private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_HASHES - 1;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** {@code levels.get(k)}: the chunks of level {@code k}, which holds {@code size >>> k} hashes. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    private long size;

    public MerkleTree() {}

    /**
     * Appends one leaf. In the ledger the leaf is an event's 32-byte hash; any byte string is accepted, as in the RFC.
     * The tree stores {@link Merkle#leafHash} of it.
     */
    public void append(byte[] leafData) {
        byte[] leafHash = Merkle.leafHash(leafData);
        lock.writeLock().lock();
        try {
            long index = size;
            put(0, index, leafHash);
            int level = 0;
            while ((index & 1) == 1) {
                byte[] parent = hashChildren(level, index - 1);
                index >>>= 1;
                level++;
                put(level, index, parent);
            }
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number of leaves appended so far. */
    public long size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@code MTH(D[0:treeSize])}, the root of the tree made of the first {@code treeSize} leaves (RFC 9162 2.1.1);
     * {@link Merkle#emptyRoot()} for 0.
     *
     * @throws IllegalArgumentException unless {@code 0 <= treeSize <= size()}
     */
    public byte[] root(long treeSize) {
        lock.readLock().lock();
        try {
            requireSize(treeSize, "treeSize");
            return treeSize == 0 ? Merkle.emptyRoot() : rangeHash(0, treeSize);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@code PATH(index, D[0:treeSize])}, the audit path of RFC 9162 section 2.1.3.1, ordered from the leaf's
     * sibling up to the root's child, as {@link Merkle#verifyInclusion} takes it.
     *
     * @throws IllegalArgumentException unless {@code 0 <= index < treeSize <= size()}
     */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        lock.readLock().lock();
        try {
            requireSize(treeSize, "treeSize");
            if (index < 0 || index >= treeSize) {
                throw new IllegalArgumentException("index " + index + " is not in a tree of " + treeSize + " leaves");
            }
            List<byte[]> fromTop = new ArrayList<>();
            long lo = 0;
            long hi = treeSize;
            while (hi - lo > 1) {
                long k = largestPowerOfTwoBelow(hi - lo);
                if (index < lo + k) {
                    fromTop.add(rangeHash(lo + k, hi));
                    hi = lo + k;
                } else {
                    fromTop.add(rangeHash(lo, lo + k));
                    lo += k;
                }
            }
            Collections.reverse(fromTop);
            return Collections.unmodifiableList(fromTop);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@code PROOF(size1, D[0:size2])}, the consistency proof of RFC 9162 section 2.1.4.1, as
     * {@link Merkle#verifyConsistency} takes it. Empty when {@code size1 == size2} or {@code size1 == 0} (cases the
     * RFC leaves out; see {@link Merkle#verifyConsistency}).
     *
     * @throws IllegalArgumentException unless {@code 0 <= size1 <= size2 <= size()}
     */
    public List<byte[]> consistencyProof(long size1, long size2) {
        lock.readLock().lock();
        try {
            requireSize(size2, "size2");
            if (size1 < 0 || size1 > size2) {
                throw new IllegalArgumentException("size1 " + size1 + " must be between 0 and size2 " + size2);
            }
            if (size1 == 0 || size1 == size2) {
                return List.of();
            }
            // SUBPROOF(m, D[lo:hi], b), unrolled; m counts the old leaves within [lo, hi).
            List<byte[]> fromTop = new ArrayList<>();
            long m = size1;
            long lo = 0;
            long hi = size2;
            boolean wholeOldTree = true;
            while (m != hi - lo) {
                long k = largestPowerOfTwoBelow(hi - lo);
                if (m <= k) {
                    fromTop.add(rangeHash(lo + k, hi));
                    hi = lo + k;
                } else {
                    fromTop.add(rangeHash(lo, lo + k));
                    m -= k;
                    lo += k;
                    wholeOldTree = false;
                }
            }
            if (!wholeOldTree) {
                fromTop.add(rangeHash(lo, hi));
            }
            Collections.reverse(fromTop);
            return Collections.unmodifiableList(fromTop);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "MerkleTree[size=" + size() + "]";
    }

    /**
     * {@code MTH(D[lo:hi])} for a range the RFC's recursion produces: {@code lo} is a multiple of the largest power
     * of two not above {@code hi - lo}, so the range splits into the complete subtrees given by the binary digits of
     * its length, largest first, each of them stored. Their hashes fold from the right.
     */
    private byte[] rangeHash(long lo, long hi) {
        long n = hi - lo;
        int pieces = Long.bitCount(n);
        int[] pieceLevels = new int[pieces];
        long[] pieceIndexes = new long[pieces];
        long position = lo;
        int i = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(n); level >= 0; level--) {
            if ((n & (1L << level)) != 0) {
                assert (position & ((1L << level) - 1)) == 0 : "unaligned range [" + lo + ", " + hi + ")";
                pieceLevels[i] = level;
                pieceIndexes[i] = position >>> level;
                position += 1L << level;
                i++;
            }
        }
        byte[] hash = get(pieceLevels[pieces - 1], pieceIndexes[pieces - 1]);
        for (int j = pieces - 2; j >= 0; j--) {
            hash = Merkle.nodeHash(get(pieceLevels[j], pieceIndexes[j]), hash);
        }
        return hash;
    }

    private static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void requireSize(long treeSize, String what) {
        if (treeSize < 0 || treeSize > size) {
            throw new IllegalArgumentException(what + " " + treeSize + " is not between 0 and the tree's size " + size);
        }
    }

    /** The node hash of the stored siblings {@code (level, leftIndex)} and {@code (level, leftIndex + 1)}. */
    private byte[] hashChildren(int level, long leftIndex) {
        List<byte[]> chunks = levels.get(level);
        long rightIndex = leftIndex + 1;
        return Merkle.nodeHash(
                chunks.get(chunkOf(leftIndex)),
                offsetOf(leftIndex),
                chunks.get(chunkOf(rightIndex)),
                offsetOf(rightIndex));
    }

    private byte[] get(int level, long index) {
        byte[] hash = new byte[Merkle.HASH_SIZE];
        System.arraycopy(levels.get(level).get(chunkOf(index)), offsetOf(index), hash, 0, Merkle.HASH_SIZE);
        return hash;
    }

    /** Stores the next hash of a level; {@code index} is always that level's current length. */
    private void put(int level, long index, byte[] hash) {
        if (level == levels.size()) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> chunks = levels.get(level);
        int chunk = chunkOf(index);
        if (chunk == chunks.size()) {
            chunks.add(new byte[CHUNK_HASHES * Merkle.HASH_SIZE]);
        }
        System.arraycopy(hash, 0, chunks.get(chunk), offsetOf(index), Merkle.HASH_SIZE);
    }

    private static int chunkOf(long index) {
        return Math.toIntExact(index >>> CHUNK_BITS);
    }

    private static int offsetOf(long index) {
        return (int) (index & CHUNK_MASK) * Merkle.HASH_SIZE;
    }
}
