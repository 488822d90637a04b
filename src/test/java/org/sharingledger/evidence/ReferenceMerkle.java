package org.sharingledger.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.sharingledger.verifier.Merkle;

/**
 * The Merkle tree of RFC 9162 section 2.1 written as the RFC defines it, recursively over the list of leaves, slow
 * and obviously right: MTH (2.1.1), PATH (2.1.3.1) and PROOF/SUBPROOF (2.1.4.1). Tests compare the real classes
 * with it.
 */
final class ReferenceMerkle {

    private ReferenceMerkle() {}

    /** MTH(D[n]). */
    static byte[] mth(List<byte[]> d) {
        int n = d.size();
        if (n == 0) {
            return Merkle.sha256().digest();
        }
        if (n == 1) {
            return Merkle.leafHash(d.get(0));
        }
        int k = largestPowerOfTwoBelow(n);
        return Merkle.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, n)));
    }

    /** PATH(m, D[n]). */
    static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (n == 1) {
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(path(m - k, d.subList(k, n)));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), for 0 < m <= n. */
    static List<byte[]> proof(int m, List<byte[]> d) {
        return subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        int n = d.size();
        List<byte[]> result = new ArrayList<>();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    /** The largest power of two strictly below n, for n > 1. */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** Leaves like the ledger's: 32-byte hashes, here of "event i". */
    static List<byte[]> eventLeaves(int count) {
        List<byte[]> leaves = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            leaves.add(Merkle.sha256().digest(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    static MerkleTree treeOf(List<byte[]> leaves) {
        MerkleTree tree = new MerkleTree();
        leaves.forEach(tree::append);
        return tree;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(ReferenceMerkle::hex).toList();
    }

    static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static List<byte[]> unhex(String... hexes) {
        List<byte[]> result = new ArrayList<>();
        for (String h : hexes) {
            result.add(unhex(h));
        }
        return result;
    }

    static byte[] flipBit(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8 % copy.length] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
