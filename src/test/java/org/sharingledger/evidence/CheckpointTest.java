package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharingledger.verifier.Checkpoint;
import org.sharingledger.verifier.Merkle;

class CheckpointTest {

    static final byte[] ROOT = Merkle.leafHash(new byte[] {42});
    static final String ROOT_BASE64 = Base64.getEncoder().encodeToString(ROOT);
    static final String BODY = "ledger.example.org/audit\n1042\n" + ROOT_BASE64 + "\ntime 2026-11-25T20:00:00Z\n";

    @Test
    void theBodyIsTheTlogCheckpointWithOneTimeLine() {
        Checkpoint checkpoint =
                new Checkpoint("ledger.example.org/audit", 1042, ROOT, Instant.parse("2026-11-25T20:00:00.987654321Z"));
        assertThat(checkpoint.body()).isEqualTo(BODY);
        assertThat(checkpoint.signedAt()).as("kept to whole seconds").isEqualTo("2026-11-25T20:00:00Z");
        assertThat(Checkpoint.parseBody(BODY)).isEqualTo(checkpoint);
        assertThat(new Checkpoint("o", 0, Merkle.emptyRoot(), Instant.EPOCH).body())
                .isEqualTo("o\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\ntime 1970-01-01T00:00:00Z\n");
    }

    @Test
    void theRootHashIsCopiedAndComparedByValue() {
        byte[] root = ROOT.clone();
        Checkpoint checkpoint = new Checkpoint("o", 1, root, Instant.EPOCH);
        root[0] ^= 1;
        checkpoint.rootHash()[1] ^= 1;
        assertThat(checkpoint.rootHash()).isEqualTo(ROOT);
        Checkpoint same = new Checkpoint("o", 1, ROOT.clone(), Instant.EPOCH);
        assertThat(checkpoint)
                .isEqualTo(same)
                .hasSameHashCodeAs(same)
                .isNotEqualTo(new Checkpoint("o", 1, root, Instant.EPOCH))
                .isNotEqualTo(new Checkpoint("o", 2, ROOT, Instant.EPOCH))
                .isNotEqualTo(new Checkpoint("p", 1, ROOT, Instant.EPOCH))
                .isNotEqualTo(new Checkpoint("o", 1, ROOT, Instant.EPOCH.plusSeconds(1)));
        assertThat(checkpoint.toString()).contains(ROOT_BASE64, "treeSize=1", "origin=o", "1970-01-01T00:00:00Z");
    }

    @Test
    void impossibleCheckpointsAreRefused() {
        assertThatThrownBy(() -> new Checkpoint("", 1, ROOT, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("a\tb", 1, ROOT, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", -1, ROOT, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, new byte[31], Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Checkpoint("o", 1, ROOT, null)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ledger\n1042\n%ROOT%\ntime 2026-11-25T20:00:00Z", // no final newline
                "ledger\n1042\n%ROOT%\n", // no time line
                "ledger\n1042\n%ROOT%\ntime 2026-11-25T20:00:00Z\nmore\n", // a second extension line
                "ledger\n1042\n%ROOT%\nwhen 2026-11-25T20:00:00Z\n", // another extension line
                "ledger\n1042\n%ROOT%\n\ntime 2026-11-25T20:00:00Z\n", // an empty line
                "\n1042\n%ROOT%\ntime 2026-11-25T20:00:00Z\n", // no origin
                "ledger\n01042\n%ROOT%\ntime 2026-11-25T20:00:00Z\n", // leading zero
                "ledger\n-1\n%ROOT%\ntime 2026-11-25T20:00:00Z\n",
                "ledger\n+1\n%ROOT%\ntime 2026-11-25T20:00:00Z\n",
                "ledger\n1 042\n%ROOT%\ntime 2026-11-25T20:00:00Z\n",
                "ledger\n9223372036854775808\n%ROOT%\ntime 2026-11-25T20:00:00Z\n",
                "ledger\n1042\nAAAA\ntime 2026-11-25T20:00:00Z\n", // 3 bytes
                "ledger\n1042\n%UNPADDED%\ntime 2026-11-25T20:00:00Z\n",
                "ledger\n1042\n%ROOT%\ntime 2026-11-25T20:00:00.5Z\n", // not whole seconds
                "ledger\n1042\n%ROOT%\ntime 2026-11-25T20:00Z\n",
                "ledger\n1042\n%ROOT%\ntime 2026-11-25T21:00:00+01:00\n",
                "ledger\n1042\n%ROOT%\ntime yesterday\n",
                "ledger\n1042\n%ROOT%\ntime  2026-11-25T20:00:00Z\n",
            })
    void anythingButTheOneSpellingIsRefused(String body) {
        String text = body.replace("%ROOT%", ROOT_BASE64).replace("%UNPADDED%", ROOT_BASE64.replace("=", ""));
        assertThatThrownBy(() -> Checkpoint.parseBody(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLargestTreeSizeReadsBack() {
        Checkpoint checkpoint = new Checkpoint("o", Long.MAX_VALUE, ROOT, Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(Checkpoint.parseBody(checkpoint.body())).isEqualTo(checkpoint);
    }
}
