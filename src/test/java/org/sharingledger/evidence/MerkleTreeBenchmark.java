package org.sharingledger.evidence;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.BenchmarkTable;
import org.sharingledger.support.Timing;
import org.sharingledger.verifier.Merkle;

/**
 * Not part of the suite: {@code ./mvnw -B verify -Pbenchmark}. Appends a million 32-byte leaves to the tree and to
 * the accumulator, and times inclusion and consistency proofs at that size; then the heap a tree holds at ten million
 * leaves, keeping every level (measured at a million and multiplied: ten times as much does not fit the benchmark's
 * heap) and keeping the levels from 8 up as the ledger's checkpointer does. Prints the figures, asserts nothing.
 */
class MerkleTreeBenchmark {

    private static final int LEAVES = 1_000_000;
    private static final int PROOFS = 10_000;

    @Test
    void aMillionLeaves() {
        byte[][] leaves = new byte[LEAVES][];
        for (int i = 0; i < LEAVES; i++) {
            leaves[i] = Merkle.sha256().digest(ByteBuffer.allocate(8).putLong(i).array());
        }

        double[] tree = Timing.medianAndP95(() -> {
            MerkleTree t = new MerkleTree();
            for (byte[] leaf : leaves) {
                t.append(leaf);
            }
        });
        double[] accumulator = Timing.medianAndP95(() -> {
            RootAccumulator a = new RootAccumulator();
            for (byte[] leaf : leaves) {
                a.append(leaf);
            }
        });

        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        MerkleTree t = new MerkleTree();
        for (byte[] leaf : leaves) {
            t.append(leaf);
        }
        System.gc();
        long heldMb = (runtime.totalMemory() - runtime.freeMemory() - before) / (1024 * 1024);
        byte[] root = t.root(LEAVES);

        long[] indexes = ThreadLocalRandom.current().longs(PROOFS, 0, LEAVES).toArray();
        double[] inclusion = Timing.medianAndP95(() -> {
            for (long index : indexes) {
                t.inclusionProof(index, LEAVES);
            }
        });
        double[] verify = Timing.medianAndP95(() -> {
            for (int i = 0; i < 1000; i++) {
                long index = indexes[i];
                List<byte[]> proof = t.inclusionProof(index, LEAVES);
                if (!Merkle.verifyInclusion(leaves[(int) index], index, LEAVES, proof, root)) {
                    throw new AssertionError("proof of " + index);
                }
            }
        });
        double[] consistency = Timing.medianAndP95(() -> {
            for (int i = 0; i < 1000; i++) {
                t.consistencyProof(indexes[i] + 1, LEAVES);
            }
        });
        double[] rootTime = Timing.medianAndP95(() -> {
            for (int i = 0; i < 1000; i++) {
                t.root(indexes[i] + 1);
            }
        });

        long compactMb = heldBytes(10_000_000, 8) / (1024 * 1024);
        long fullAt10M = heldMb * 10;
        System.out.printf(
                "Merkle, 10,000,000 leaves: the tree holds about %d MB keeping every level (10 x the %,d-leaf "
                        + "figure), %d MB keeping the levels from 8 up%n",
                fullAt10M, LEAVES, compactMb);
        BenchmarkTable.row(
                "10 million events",
                "Heap held by the checkpointer's Merkle tree of 10,000,000 leaves (levels from 8 up in memory; "
                        + "before: every level, about " + fullAt10M + " MB)",
                BenchmarkTable.figure(compactMb, "MB"),
                "under 64 MB (an eighth of the 512 MB heap)",
                "",
                compactMb < 64);
        BenchmarkTable.row(
                "Evidence",
                String.format(java.util.Locale.UK, "Merkle tree of %,d leaves: inclusion proof (in memory)", LEAVES),
                BenchmarkTable.figure(inclusion[0] * 1000 / PROOFS, "µs"),
                "—",
                "",
                true);
        System.out.printf(
                "Merkle, %,d leaves: tree append all %.0f ms (p95 %.0f), accumulator append all %.0f ms "
                        + "(p95 %.0f), tree holds about %d MB%n",
                LEAVES, tree[0], tree[1], accumulator[0], accumulator[1], heldMb);
        System.out.printf(
                "Merkle, %,d leaves: inclusion proof %.2f us (p95 %.2f), proof + verify %.2f us, "
                        + "consistency proof %.2f us, root(any size) %.2f us%n",
                LEAVES,
                inclusion[0] * 1000 / PROOFS,
                inclusion[1] * 1000 / PROOFS,
                verify[0],
                consistency[0],
                rootTime[0]);
    }

    /** The heap a tree of {@code leaves} leaves keeping the levels from {@code lowest} up holds, after a GC. */
    private static long heldBytes(int leaves, int lowest) {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        MerkleTree tree = new MerkleTree(lowest, (from, count) -> {
            throw new IllegalStateException("no proof is asked for");
        });
        ByteBuffer leaf = ByteBuffer.allocate(32);
        for (int i = 0; i < leaves; i++) {
            tree.append(leaf.putLong(0, i).array());
        }
        System.gc();
        long held = runtime.totalMemory() - runtime.freeMemory() - before;
        if (tree.size() != leaves) {
            throw new AssertionError(tree);
        }
        return Math.max(0, held);
    }
}
