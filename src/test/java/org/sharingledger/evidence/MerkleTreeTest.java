package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharingledger.evidence.ReferenceMerkle.flipBit;
import static org.sharingledger.evidence.ReferenceMerkle.hex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.sharingledger.verifier.Merkle;

/** The tree against the RFC 9162 definitions written out naively in {@link ReferenceMerkle}, for every small size. */
class MerkleTreeTest {

    private static final List<byte[]> LEAVES = ReferenceMerkle.eventLeaves(70);
    private static final int PROOF_SIZES = 40;

    @Test
    void everyRootUpTo70LeavesIsTheReferenceRoot() {
        MerkleTree whole = ReferenceMerkle.treeOf(LEAVES);
        MerkleTree growing = new MerkleTree();
        for (int size = 0; size <= LEAVES.size(); size++) {
            String expected = hex(ReferenceMerkle.mth(LEAVES.subList(0, size)));
            assertThat(growing.size()).isEqualTo(size);
            assertThat(hex(growing.root(size)))
                    .as("root after %d appends", size)
                    .isEqualTo(expected);
            assertThat(hex(whole.root(size)))
                    .as("root(%d) of the tree of 70", size)
                    .isEqualTo(expected);
            if (size < LEAVES.size()) {
                growing.append(LEAVES.get(size));
            }
        }
    }

    @Test
    void everyInclusionProofUpTo40LeavesIsTheReferencePathVerifiesAndFailsWhenTampered() {
        MerkleTree tree = ReferenceMerkle.treeOf(LEAVES.subList(0, PROOF_SIZES));
        int checked = 0;
        for (int size = 1; size <= PROOF_SIZES; size++) {
            byte[] root = tree.root(size);
            for (int index = 0; index < size; index++) {
                byte[] leaf = LEAVES.get(index);
                List<byte[]> proof = tree.inclusionProof(index, size);
                String what = "PATH(" + index + ", D[" + size + "])";
                assertThat(hex(proof)).as(what).isEqualTo(hex(ReferenceMerkle.path(index, LEAVES.subList(0, size))));
                assertThat(Merkle.verifyInclusion(leaf, index, size, proof, root))
                        .as(what)
                        .isTrue();

                assertThat(Merkle.verifyInclusion(flipBit(leaf, index), index, size, proof, root))
                        .as("%s, leaf changed", what)
                        .isFalse();
                assertThat(Merkle.verifyInclusion(leaf, index, size, proof, flipBit(root, size)))
                        .as("%s, root changed", what)
                        .isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(i, flipBit(proof.get(i), 7 * i + index));
                    assertThat(Merkle.verifyInclusion(leaf, index, size, tampered, root))
                            .as("%s, element %d changed", what, i)
                            .isFalse();
                }
                for (int other = 0; other < size; other++) {
                    if (other != index) {
                        assertThat(Merkle.verifyInclusion(leaf, other, size, proof, root))
                                .as("%s at index %d", what, other)
                                .isFalse();
                    }
                }
                for (int otherSize = 1; otherSize <= PROOF_SIZES; otherSize++) {
                    if (otherSize != size && index < otherSize) {
                        assertThat(Merkle.verifyInclusion(leaf, index, otherSize, proof, tree.root(otherSize)))
                                .as("%s against the tree of %d", what, otherSize)
                                .isFalse();
                    }
                }
                if (!proof.isEmpty()) {
                    assertThat(Merkle.verifyInclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root))
                            .as("%s, last element removed", what)
                            .isFalse();
                    List<byte[]> swapped = new ArrayList<>(proof);
                    swapped.set(0, root);
                    assertThat(Merkle.verifyInclusion(leaf, index, size, swapped, root))
                            .as("%s, first element replaced", what)
                            .isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(Merkle.verifyInclusion(leaf, index, size, longer, root))
                        .as("%s, element added", what)
                        .isFalse();
                checked++;
            }
        }
        assertThat(checked).isEqualTo(PROOF_SIZES * (PROOF_SIZES + 1) / 2);
    }

    @Test
    void theTreeSizeIsNotBoundByAProofAloneSoItMustComeSignedWithTheRoot() {
        MerkleTree tree = ReferenceMerkle.treeOf(LEAVES.subList(0, 4));
        // PATH(0, D[3]) has the shape PATH(0, D[4]) would have, and PROOF(1, D[3]) that of PROOF(1, D[4]): RFC
        // 9162's checks then give back the same root. A verifier takes size and root from one signed checkpoint.
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 4, tree.inclusionProof(0, 3), tree.root(3)))
                .isTrue();
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 4, tree.inclusionProof(0, 3), tree.root(4)))
                .isFalse();
        assertThat(Merkle.verifyConsistency(1, 4, tree.root(1), tree.root(3), tree.consistencyProof(1, 3)))
                .isTrue();
        assertThat(Merkle.verifyConsistency(1, 4, tree.root(1), tree.root(4), tree.consistencyProof(1, 3)))
                .isFalse();
        // Where the shapes differ, the path is too short for the claimed size and the check ends with sn != 0.
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 3, tree.inclusionProof(0, 2), tree.root(2)))
                .isFalse();
        assertThat(Merkle.verifyConsistency(1, 3, tree.root(1), tree.root(2), tree.consistencyProof(1, 2)))
                .isFalse();
    }

    @Test
    void everyConsistencyProofUpTo40LeavesIsTheReferenceProofVerifiesAndFailsWhenTampered() {
        MerkleTree tree = ReferenceMerkle.treeOf(LEAVES.subList(0, PROOF_SIZES));
        int checked = 0;
        for (int size2 = 0; size2 <= PROOF_SIZES; size2++) {
            byte[] root2 = tree.root(size2);
            for (int size1 = 0; size1 <= size2; size1++) {
                byte[] root1 = tree.root(size1);
                List<byte[]> proof = tree.consistencyProof(size1, size2);
                String what = "PROOF(" + size1 + ", D[" + size2 + "])";
                if (size1 == 0 || size1 == size2) {
                    assertThat(proof).as(what).isEmpty();
                } else {
                    assertThat(hex(proof))
                            .as(what)
                            .isEqualTo(hex(ReferenceMerkle.proof(size1, LEAVES.subList(0, size2))));
                }
                assertThat(Merkle.verifyConsistency(size1, size2, root1, root2, proof))
                        .as(what)
                        .isTrue();
                checked++;
                if (size1 == 0) {
                    continue;
                }

                assertThat(Merkle.verifyConsistency(size1, size2, flipBit(root1, size2), root2, proof))
                        .as("%s, root1 changed", what)
                        .isFalse();
                assertThat(Merkle.verifyConsistency(size1, size2, root1, flipBit(root2, size1), proof))
                        .as("%s, root2 changed", what)
                        .isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> tampered = new ArrayList<>(proof);
                    tampered.set(i, flipBit(proof.get(i), 5 * i + size1));
                    assertThat(Merkle.verifyConsistency(size1, size2, root1, root2, tampered))
                            .as("%s, element %d changed", what, i)
                            .isFalse();
                }
                if (!proof.isEmpty()) {
                    assertThat(Merkle.verifyConsistency(size1, size2, root1, root2, proof.subList(0, proof.size() - 1)))
                            .as("%s, last element removed", what)
                            .isFalse();
                    assertThat(Merkle.verifyConsistency(size1, size2, root2, root1, proof))
                            .as("%s, roots swapped", what)
                            .isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root1);
                assertThat(Merkle.verifyConsistency(size1, size2, root1, root2, longer))
                        .as("%s, element added", what)
                        .isFalse();
                List<byte[]> prefixed = new ArrayList<>(proof);
                prefixed.add(0, root1);
                assertThat(Merkle.verifyConsistency(size1, size2, root1, root2, prefixed))
                        .as("%s, root1 prepended", what)
                        .isFalse();
                for (int other = 1; other <= size2; other++) {
                    if (other != size1) {
                        assertThat(Merkle.verifyConsistency(other, size2, tree.root(other), root2, proof))
                                .as("%s claimed from size %d", what, other)
                                .isFalse();
                    }
                }
                for (int other = size1; other <= PROOF_SIZES; other++) {
                    if (other != size2) {
                        assertThat(Merkle.verifyConsistency(size1, other, root1, tree.root(other), proof))
                                .as("%s claimed to size %d", what, other)
                                .isFalse();
                    }
                }
            }
        }
        assertThat(checked).isEqualTo((PROOF_SIZES + 1) * (PROOF_SIZES + 2) / 2);
    }

    @Test
    void aTreeThatKeepsOnlyItsUpperLevelsGivesTheReferenceRootsAndProofs() {
        for (int lowest = 1; lowest <= 4; lowest++) {
            List<Long> reads = new ArrayList<>();
            MerkleTree compact = new MerkleTree(lowest, (from, count) -> {
                reads.add(from);
                return LEAVES.subList((int) from, (int) Math.min(LEAVES.size(), from + count));
            });
            for (int size = 0; size <= PROOF_SIZES; size++) {
                List<byte[]> d = LEAVES.subList(0, size);
                String at = "lowest kept level " + lowest + ", tree of " + size;
                assertThat(hex(compact.root(size))).as(at).isEqualTo(hex(ReferenceMerkle.mth(d)));
                for (int s = 1; s <= size; s++) {
                    List<byte[]> ds = LEAVES.subList(0, s);
                    for (int index = 0; index < s; index++) {
                        assertThat(hex(compact.inclusionProof(index, s)))
                                .as("%s: PATH(%d, D[%d])", at, index, s)
                                .isEqualTo(hex(ReferenceMerkle.path(index, ds)));
                    }
                    for (int s1 = 1; s1 < s; s1++) {
                        assertThat(hex(compact.consistencyProof(s1, s)))
                                .as("%s: PROOF(%d, D[%d])", at, s1, s)
                                .isEqualTo(hex(ReferenceMerkle.proof(s1, ds)));
                    }
                }
                if (size < PROOF_SIZES) {
                    compact.append(LEAVES.get(size));
                }
            }
            int blockSize = 1 << lowest;
            assertThat(reads)
                    .as("only complete blocks are read, each from its first leaf")
                    .allMatch(from -> from % blockSize == 0 && from + blockSize <= PROOF_SIZES);
        }
    }

    @Test
    void aBlockWhoseLaterLeavesAreNotReadableYetServesTheProofsItCovers() {
        List<byte[]> leaves = ReferenceMerkle.eventLeaves(64);
        int readable = 37;
        MerkleTree tree =
                new MerkleTree(4, (from, count) -> leaves.subList((int) from, (int) Math.min(readable, from + count)));
        leaves.forEach(tree::append);
        MerkleTree whole = ReferenceMerkle.treeOf(leaves);
        for (int index = 0; index < readable; index++) {
            assertThat(hex(tree.inclusionProof(index, readable))).isEqualTo(hex(whole.inclusionProof(index, readable)));
        }
        assertThat(hex(tree.root(readable))).isEqualTo(hex(whole.root(readable)));
        assertThat(hex(tree.root(64))).isEqualTo(hex(whole.root(64)));
        assertThatThrownBy(() -> tree.inclusionProof(40, 64))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not readable");
    }

    @Test
    void chunkBoundariesChangeNothing() {
        // 4096 hashes per chunk: three chunks and a bit at level 0, two at level 1
        int count = 3 * 4096 + 5;
        List<byte[]> leaves = ReferenceMerkle.eventLeaves(count);
        MerkleTree tree = new MerkleTree();
        RootAccumulator accumulator = new RootAccumulator();
        List<byte[]> roots = new ArrayList<>();
        roots.add(accumulator.root());
        for (byte[] leaf : leaves) {
            tree.append(leaf);
            accumulator.append(leaf);
            roots.add(accumulator.root());
        }
        for (int size = 0; size <= count; size++) {
            assertThat(tree.root(size)).as("root(%d)", size).isEqualTo(roots.get(size));
        }
        for (long index : new long[] {0, 4095, 4096, 4097, 8191, 8192, 12287, 12288, count - 1}) {
            for (long size : new long[] {index + 1, 4096, 8192, 8193, count}) {
                if (index < size) {
                    assertThat(Merkle.verifyInclusion(
                                    leaves.get((int) index),
                                    index,
                                    size,
                                    tree.inclusionProof(index, size),
                                    roots.get((int) size)))
                            .isTrue();
                }
            }
        }
        for (long size1 : new long[] {1, 4095, 4096, 4097, 8192, 12288}) {
            for (long size2 : new long[] {8191, 8192, 12289, count}) {
                if (size1 <= size2) {
                    assertThat(Merkle.verifyConsistency(
                                    size1,
                                    size2,
                                    roots.get((int) size1),
                                    roots.get((int) size2),
                                    tree.consistencyProof(size1, size2)))
                            .isTrue();
                }
            }
        }
    }

    @Test
    void sizesOutsideTheTreeAreRefused() {
        MerkleTree tree = ReferenceMerkle.treeOf(LEAVES.subList(0, 5));
        assertThatThrownBy(() -> tree.root(6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6");
        assertThatThrownBy(() -> tree.root(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.inclusionProof(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.consistencyProof(2, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tree.append(null)).isInstanceOf(NullPointerException.class);
        assertThat(tree.size()).isEqualTo(5);
    }

    @Test
    void readersWorkAlongsideTheAppender() throws Exception {
        int count = 20_000;
        List<byte[]> leaves = ReferenceMerkle.eventLeaves(count);
        RootAccumulator accumulator = new RootAccumulator();
        List<byte[]> roots = new ArrayList<>();
        roots.add(accumulator.root());
        for (byte[] leaf : leaves) {
            accumulator.append(leaf);
            roots.add(accumulator.root());
        }
        MerkleTree tree = new MerkleTree();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                results.add(readers.submit(() -> {
                    int reads = 0;
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!done.get() || reads == 0) {
                        long size = tree.size();
                        long treeSize = size == 0 ? 0 : random.nextLong(1, size + 1);
                        assertThat(tree.root(treeSize)).isEqualTo(roots.get((int) treeSize));
                        if (treeSize > 0) {
                            long index = random.nextLong(treeSize);
                            assertThat(Merkle.verifyInclusion(
                                            leaves.get((int) index),
                                            index,
                                            treeSize,
                                            tree.inclusionProof(index, treeSize),
                                            roots.get((int) treeSize)))
                                    .isTrue();
                            long older = random.nextLong(treeSize + 1);
                            assertThat(Merkle.verifyConsistency(
                                            older,
                                            treeSize,
                                            roots.get((int) older),
                                            roots.get((int) treeSize),
                                            tree.consistencyProof(older, treeSize)))
                                    .isTrue();
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            for (byte[] leaf : leaves) {
                tree.append(leaf);
            }
            done.set(true);
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(tree.root(count)).isEqualTo(roots.get(count));
    }
}
