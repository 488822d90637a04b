package org.sharingledger.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sharingledger.verifier.Merkle;

/**
 * An append-only Merkle tree, as defined in RFC 9162 section 2.1: it gives the root of the tree at any size it has
 * reached (2.1.1), inclusion proofs (2.1.3.1) and consistency proofs (2.1.4.1) between any two such sizes.
 *
 * <p>It keeps the hash of every complete subtree from a lowest kept level {@code K} up: level {@code k} holds the
 * hash of each aligned block of {@code 2^k} leaves, so about {@code 2n / 2^K} hashes of 32 bytes for {@code n}
 * leaves. With {@code K = 0} (the {@linkplain #MerkleTree() default}) every leaf hash is kept: 64 MB for a million
 * leaves, too much for a ledger of ten million events. With {@code K > 0} the tree also keeps every level of the
 * block of {@code 2^K} leaves still being filled, and asks a {@link LeafSource} for the leaves of any complete block
 * a proof needs below level {@code K} (the ledger reads them from {@code ledger_leaf}: one indexed range of
 * {@code 2^K} rows), keeping the levels of the blocks it read most recently. Any root or proof is put together from
 * at most {@code O(log^2 n)} node hashes, each stored or computed within one block; appending costs two hashes on
 * average.
 *
 * <p>Thread-safe: any number of readers work alongside one appender (a read-write lock); a reader sees every append
 * completed before its call.
 */
public final class MerkleTree {

    /**
     * The leaves a tree no longer keeps in memory: the leaf data (not the leaf hashes) of positions {@code from},
     * {@code from + 1}, ... in order, at most {@code count} of them. It may give fewer than asked when the later ones
     * are not readable yet (an appender's transaction not yet committed); the tree then uses what it got and does
     * not keep it.
     */
    @FunctionalInterface
    public interface LeafSource {
        List<byte[]> leaves(long from, int count);
    }

    /** Hashes per storage chunk: 4096 x 32 bytes = 128 KiB, small enough to stay out of humongous allocations. */
    private static final int CHUNK_BITS = 12;

    private static final int CHUNK_HASHES = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_HASHES - 1;
    /** Blocks read from the source whose levels are kept, the most recently used first out last. */
    private static final int CACHED_BLOCKS = 256;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** {@code levels.get(k - lowest)}: the chunks of level {@code k}, which holds {@code size >>> k} hashes. */
    private final List<List<byte[]>> levels = new ArrayList<>();

    private final int lowest;
    private final LeafSource source;
    /** Every level of the block being filled: the leaves from {@code (size >>> lowest) << lowest}. */
    private Block filling;

    private final Map<Long, Block> readBlocks = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Block> eldest) {
            return size() > CACHED_BLOCKS;
        }
    };

    private long size;

    /** A tree that keeps every node in memory. */
    public MerkleTree() {
        this(0, (from, count) -> {
            throw new IllegalStateException("a tree that keeps every level never reads leaves");
        });
    }

    /**
     * A tree that keeps the levels from {@code lowestKeptLevel} up, and reads the leaves of a complete block of
     * {@code 2^lowestKeptLevel} leaves from {@code source} when a proof needs a node below that level.
     */
    public MerkleTree(int lowestKeptLevel, LeafSource source) {
        if (lowestKeptLevel < 0 || lowestKeptLevel > 20) {
            throw new IllegalArgumentException("lowest kept level " + lowestKeptLevel + " is not between 0 and 20");
        }
        this.lowest = lowestKeptLevel;
        this.source = Objects.requireNonNull(source, "source");
        this.filling = new Block(lowestKeptLevel);
    }

    /**
     * Appends one leaf. In the ledger the leaf is an event's 32-byte hash; any byte string is accepted, as in the RFC.
     * The tree stores {@link Merkle#leafHash} of it.
     */
    public void append(byte[] leafData) {
        byte[] leafHash = Merkle.leafHash(leafData);
        lock.writeLock().lock();
        try {
            boolean blockComplete;
            if (lowest == 0) {
                blockComplete = true;
            } else {
                filling.add(leafHash);
                blockComplete = filling.complete();
            }
            if (blockComplete) {
                long index = size >>> lowest;
                int level = lowest;
                put(level, index, lowest == 0 ? leafHash : filling.top());
                while ((index & 1) == 1) {
                    byte[] parent = hashChildren(level, index - 1);
                    index >>>= 1;
                    level++;
                    put(level, index, parent);
                }
                if (lowest > 0) {
                    filling = new Block(lowest);
                }
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
     * its length, largest first, each of them a complete subtree ({@link #node}). Their hashes fold from the right.
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
        byte[] hash = node(pieceLevels[pieces - 1], pieceIndexes[pieces - 1]);
        for (int j = pieces - 2; j >= 0; j--) {
            hash = Merkle.nodeHash(node(pieceLevels[j], pieceIndexes[j]), hash);
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

    /**
     * The hash of the complete subtree of {@code 2^level} leaves that starts at leaf {@code index << level}: stored
     * when {@code level} is kept, else computed within its block (the one being filled, or one read from the source).
     */
    private byte[] node(int level, long index) {
        if (level >= lowest) {
            return get(level, index);
        }
        long block = (index << level) >>> lowest;
        long offset = index - (block << (lowest - level));
        if (block == size >>> lowest) {
            return filling.node(level, offset);
        }
        return readBlock(block).node(level, offset);
    }

    /** The levels of a complete block below the kept ones, from the cache or read from the source. */
    private Block readBlock(long block) {
        synchronized (readBlocks) {
            Block cached = readBlocks.get(block);
            if (cached != null) {
                return cached;
            }
        }
        long from = block << lowest;
        List<byte[]> leaves = source.leaves(from, 1 << lowest);
        Block read = new Block(lowest);
        for (byte[] leaf : leaves) {
            read.add(Merkle.leafHash(leaf));
        }
        if (read.complete()) {
            synchronized (readBlocks) {
                readBlocks.put(block, read);
            }
        }
        return read;
    }

    /** The node hash of the stored siblings {@code (level, leftIndex)} and {@code (level, leftIndex + 1)}. */
    private byte[] hashChildren(int level, long leftIndex) {
        List<byte[]> chunks = levels.get(level - lowest);
        long rightIndex = leftIndex + 1;
        return Merkle.nodeHash(
                chunks.get(chunkOf(leftIndex)),
                offsetOf(leftIndex),
                chunks.get(chunkOf(rightIndex)),
                offsetOf(rightIndex));
    }

    private byte[] get(int level, long index) {
        byte[] hash = new byte[Merkle.HASH_SIZE];
        System.arraycopy(levels.get(level - lowest).get(chunkOf(index)), offsetOf(index), hash, 0, Merkle.HASH_SIZE);
        return hash;
    }

    /** Stores the next hash of a kept level; {@code index} is always that level's current length. */
    private void put(int level, long index, byte[] hash) {
        if (level - lowest == levels.size()) {
            levels.add(new ArrayList<>());
        }
        List<byte[]> chunks = levels.get(level - lowest);
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

    /**
     * Every level of one block of {@code 2^height} leaves, filled from the left: level {@code j} holds the hashes of
     * the complete aligned subtrees of {@code 2^j} leaves among those added so far, level {@code height} the block's
     * hash once it is complete.
     */
    private static final class Block {

        private final int height;
        private final byte[][] levels;
        private int leaves;

        Block(int height) {
            this.height = height;
            this.levels = new byte[height + 1][];
            for (int j = 0; j <= height; j++) {
                levels[j] = new byte[(1 << (height - j)) * Merkle.HASH_SIZE];
            }
        }

        void add(byte[] leafHash) {
            if (complete()) {
                throw new IllegalStateException("the block is complete");
            }
            int index = leaves;
            System.arraycopy(leafHash, 0, levels[0], index * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
            int level = 0;
            while ((index & 1) == 1) {
                byte[] parent = Merkle.nodeHash(
                        levels[level], (index - 1) * Merkle.HASH_SIZE, levels[level], index * Merkle.HASH_SIZE);
                index >>>= 1;
                level++;
                System.arraycopy(parent, 0, levels[level], index * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
            }
            leaves++;
        }

        boolean complete() {
            return leaves == 1 << height;
        }

        byte[] top() {
            return node(height, 0);
        }

        byte[] node(int level, long index) {
            if (index < 0 || index >= leaves >>> level) {
                throw new IllegalStateException("the leaves of node " + index + " at level " + level
                        + " of this block are not readable (" + leaves + " of " + (1 << height) + ")");
            }
            byte[] hash = new byte[Merkle.HASH_SIZE];
            System.arraycopy(levels[level], (int) index * Merkle.HASH_SIZE, hash, 0, Merkle.HASH_SIZE);
            return hash;
        }
    }
}
