package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sharingledger.evidence.ReferenceMerkle.hex;
import static org.sharingledger.evidence.ReferenceMerkle.unhex;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.verifier.Merkle;

/**
 * Known answers from the transparency-dev/merkle Go module (the Certificate Transparency test vectors):
 * testonly/constants.go (LeafInputs, RootHashes) and proof/verify_test.go (inclusionProofs, consistencyProofs; their
 * leaf numbers there are 1-based), https://github.com/transparency-dev/merkle.
 */
class MerkleTest {

    static final List<byte[]> LEAVES =
            unhex("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    /** Roots of the trees of the first 0..8 of LEAVES. */
    static final List<String> ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void theEmptyRootIsTheHashOfNothing() {
        assertThat(hex(Merkle.emptyRoot())).isEqualTo(ROOTS.get(0));
        assertThat(hex(new MerkleTree().root(0))).isEqualTo(ROOTS.get(0));
        assertThat(hex(new RootAccumulator().root())).isEqualTo(ROOTS.get(0));
        Merkle.emptyRoot()[0] = 1;
        assertThat(hex(Merkle.emptyRoot())).as("a copy each time").isEqualTo(ROOTS.get(0));
    }

    @Test
    void leafAndNodeHashesAreDomainSeparated() {
        // NodeHashes level 0 of constants.go: the leaf hash of the empty leaf and of 0x00
        assertThat(hex(Merkle.leafHash(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(hex(Merkle.leafHash(new byte[] {0})))
                .isEqualTo("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7");
        // level 1: the node of those two leaves
        assertThat(hex(Merkle.nodeHash(Merkle.leafHash(new byte[0]), Merkle.leafHash(new byte[] {0}))))
                .isEqualTo("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
    }

    @Test
    void rootsMatchTheKnownAnswersForEverySize() {
        MerkleTree tree = new MerkleTree();
        RootAccumulator accumulator = new RootAccumulator();
        for (int size = 1; size <= LEAVES.size(); size++) {
            tree.append(LEAVES.get(size - 1));
            accumulator.append(LEAVES.get(size - 1));
            assertThat(hex(accumulator.root())).as("accumulator at %d", size).isEqualTo(ROOTS.get(size));
            assertThat(hex(ReferenceMerkle.mth(LEAVES.subList(0, size)))).isEqualTo(ROOTS.get(size));
        }
        for (int size = 0; size <= LEAVES.size(); size++) {
            assertThat(hex(tree.root(size))).as("tree at %d", size).isEqualTo(ROOTS.get(size));
        }
    }

    @Test
    void inclusionProofsMatchTheKnownAnswers() {
        MerkleTree tree = ReferenceMerkle.treeOf(LEAVES);
        assertInclusion(tree, 0, 1);
        assertInclusion(
                tree,
                0,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertInclusion(
                tree,
                5,
                8,
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertInclusion(tree, 2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertInclusion(
                tree,
                1,
                5,
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void consistencyProofsMatchTheKnownAnswers() {
        MerkleTree tree = ReferenceMerkle.treeOf(LEAVES);
        assertConsistency(tree, 1, 1);
        assertConsistency(
                tree,
                1,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertConsistency(
                tree,
                6,
                8,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertConsistency(
                tree,
                2,
                5,
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertConsistency(
                tree,
                6,
                7,
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void inclusionOutsideTheTreeOrWithMalformedHashesNeverVerifies() {
        byte[] leaf = LEAVES.get(1);
        byte[] root = unhex(ROOTS.get(1));
        byte[] leafRoot = Merkle.leafHash(leaf);
        assertThat(Merkle.verifyInclusion(leaf, 0, 1, List.of(), leafRoot)).isTrue();
        assertThat(Merkle.verifyInclusion(leaf, 0, 0, List.of(), leafRoot))
                .as("empty tree")
                .isFalse();
        assertThat(Merkle.verifyInclusion(leaf, 1, 1, List.of(), leafRoot))
                .as("index = size")
                .isFalse();
        assertThat(Merkle.verifyInclusion(leaf, -1, 1, List.of(), leafRoot))
                .as("negative index")
                .isFalse();
        assertThat(Merkle.verifyInclusion(leaf, 0, 1, List.of(), root))
                .as("another root")
                .isFalse();
        assertThat(Merkle.verifyInclusion(leaf, 0, 1, List.of(), new byte[31]))
                .as("short root")
                .isFalse();
        assertThat(Merkle.verifyInclusion(leaf, 0, 1, null, leafRoot))
                .as("no path")
                .isFalse();
        List<byte[]> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(Merkle.verifyInclusion(leaf, 0, 2, withNull, leafRoot)).isFalse();
        assertThat(Merkle.verifyInclusion(leaf, 0, 2, List.of(new byte[0]), leafRoot))
                .isFalse();
        assertThat(Merkle.verifyInclusion(leaf, 0, 1, List.of(leafRoot), leafRoot))
                .as("path too long")
                .isFalse();
    }

    @Test
    void consistencyEdgeCasesAreDecidedAsDocumented() {
        byte[] empty = Merkle.emptyRoot();
        byte[] one = unhex(ROOTS.get(1));
        byte[] two = unhex(ROOTS.get(2));
        // size1 == 0: the empty tree is a prefix of every tree; the proof is empty and root1 the empty root
        assertThat(Merkle.verifyConsistency(0, 0, empty, empty, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(0, 2, empty, two, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(0, 2, one, two, List.of()))
                .as("root1 not empty")
                .isFalse();
        assertThat(Merkle.verifyConsistency(0, 0, empty, one, List.of()))
                .as("root2 of size 0")
                .isFalse();
        assertThat(Merkle.verifyConsistency(0, 2, empty, two, List.of(one)))
                .as("non-empty proof")
                .isFalse();
        // size1 == size2: an empty proof and the same root
        assertThat(Merkle.verifyConsistency(2, 2, two, two, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(2, 2, two, one, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(2, 2, two, two, List.of(one))).isFalse();
        // going back in time, an empty proof between different sizes, malformed input
        assertThat(Merkle.verifyConsistency(2, 1, two, one, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(1, 2, one, two, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(-1, 2, one, two, List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(1, 2, one, new byte[3], List.of(two)))
                .isFalse();
        assertThat(Merkle.verifyConsistency(1, 2, one, two, null)).isFalse();
    }

    private static void assertInclusion(MerkleTree tree, long index, long size, String... expected) {
        List<byte[]> proof = tree.inclusionProof(index, size);
        assertThat(hex(proof)).as("PATH(%d, D[%d])", index, size).containsExactly(expected);
        assertThat(Merkle.verifyInclusion(LEAVES.get((int) index), index, size, proof, unhex(ROOTS.get((int) size))))
                .isTrue();
    }

    private static void assertConsistency(MerkleTree tree, long size1, long size2, String... expected) {
        List<byte[]> proof = tree.consistencyProof(size1, size2);
        assertThat(hex(proof)).as("PROOF(%d, D[%d])", size1, size2).containsExactly(expected);
        assertThat(Merkle.verifyConsistency(
                        size1, size2, unhex(ROOTS.get((int) size1)), unhex(ROOTS.get((int) size2)), proof))
                .isTrue();
    }
}
