package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sharingledger.evidence.ReferenceMerkle.hex;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.verifier.Merkle;

class RootAccumulatorTest {

    @Test
    void everyRootUpTo70LeavesIsTheReferenceRoot() {
        List<byte[]> leaves = ReferenceMerkle.eventLeaves(70);
        RootAccumulator accumulator = new RootAccumulator();
        for (int size = 0; size <= leaves.size(); size++) {
            assertThat(accumulator.size()).isEqualTo(size);
            assertThat(hex(accumulator.root()))
                    .as("root of %d", size)
                    .isEqualTo(hex(ReferenceMerkle.mth(leaves.subList(0, size))));
            if (size < leaves.size()) {
                accumulator.append(leaves.get(size));
            }
        }
    }

    @Test
    void askingForTheRootChangesNothingAndTheRootIsACopy() {
        List<byte[]> leaves = ReferenceMerkle.eventLeaves(5);
        RootAccumulator accumulator = new RootAccumulator();
        accumulator.append(leaves.get(0));
        byte[] first = accumulator.root();
        first[0] ^= 1;
        assertThat(accumulator.root()).isEqualTo(Merkle.leafHash(leaves.get(0)));
        for (int i = 1; i < 5; i++) {
            accumulator.append(leaves.get(i));
            accumulator.root();
        }
        assertThat(hex(accumulator.root())).isEqualTo(hex(ReferenceMerkle.mth(leaves)));
    }

    @Test
    void itAgreesWithTheTreeOnALargerLog() {
        List<byte[]> leaves = ReferenceMerkle.eventLeaves(10_000);
        RootAccumulator accumulator = new RootAccumulator();
        MerkleTree tree = new MerkleTree();
        for (byte[] leaf : leaves) {
            accumulator.append(leaf);
            tree.append(leaf);
        }
        assertThat(accumulator.root()).isEqualTo(tree.root(10_000));
        assertThatThrownBy(() -> accumulator.append(null)).isInstanceOf(NullPointerException.class);
        assertThat(accumulator.size()).isEqualTo(10_000);
    }
}
