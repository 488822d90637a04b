package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.sharingledger.evidence.NoteVectors.ASHCOMBE_KEY;
import static org.sharingledger.evidence.NoteVectors.ASHCOMBE_SIGNATURE;
import static org.sharingledger.evidence.NoteVectors.ENOCH_KEY;
import static org.sharingledger.evidence.NoteVectors.ENOCH_SIGNATURE;
import static org.sharingledger.evidence.NoteVectors.TEXT;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.sharingledger.verifier.Checkpoint;
import org.sharingledger.verifier.InvalidStatement;
import org.sharingledger.verifier.InvalidStatement.Reason;
import org.sharingledger.verifier.Merkle;
import org.sharingledger.verifier.SignedNote;
import org.sharingledger.verifier.VerifierKey;

class SignedCheckpointsTest {

    private static final LedgerKey KEY = LedgerKey.fromSeed("ledger.example.org/audit", seed(1));
    private static final Checkpoint CHECKPOINT = new Checkpoint(
            "ledger.example.org/audit", 1042, Merkle.leafHash(new byte[] {42}), Instant.parse("2026-11-25T20:00:00Z"));

    @Test
    void signingGivesGosSignatureForGosText() {
        // note_test.go TestSign, with the key renamed (see NoteVectors): the signature bytes are Go's
        assertThat(SignedNote.sign(TEXT, NoteVectors.ashcombe().verifier(), NoteVectors.ashcombe()::sign))
                .isEqualTo(TEXT + "\n" + ASHCOMBE_SIGNATURE);
    }

    @Test
    void gosNotesOpenWithEitherKeyAndTheOtherSignatureIsIgnored() {
        // note_test.go TestOpen: a note signed by two keys (EnochRoot's signature is Go's published one)
        String note = TEXT + "\n" + ASHCOMBE_SIGNATURE + ENOCH_SIGNATURE;
        assertThat(SignedNote.open(note, VerifierKey.parse(ASHCOMBE_KEY))).isEqualTo(TEXT);
        assertThat(SignedNote.open(note, VerifierKey.parse(ENOCH_KEY))).isEqualTo(TEXT);
        assertThat(reasonOpening(TEXT + "\n" + ENOCH_SIGNATURE, VerifierKey.parse(ASHCOMBE_KEY)))
                .isEqualTo(Reason.NOT_SIGNED_BY_KEY);
    }

    @Test
    void gosMalformedNotesAreMalformedHereToo() {
        VerifierKey ashcombe = VerifierKey.parse(ASHCOMBE_KEY);
        String[] malformed = {
            TEXT,
            TEXT + "\n",
            TEXT + "\n" + ASHCOMBE_SIGNATURE.substring(0, ASHCOMBE_SIGNATURE.length() - 1),
            "\u0001" + TEXT + "\n" + ASHCOMBE_SIGNATURE,
            TEXT + "\n"
                    + "\u2014 Bad Name 1m5nc/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            TEXT + "\n" + ASHCOMBE_SIGNATURE + "Unexpected line.\n",
            TEXT + "\n" + ASHCOMBE_SIGNATURE.repeat(101),
        };
        for (String note : malformed) {
            assertThat(reasonOpening(note, ashcombe)).as("%s", note).isEqualTo(Reason.MALFORMED);
        }
        String broken = ASHCOMBE_SIGNATURE.substring(0, 58) + "ABCD" + ASHCOMBE_SIGNATURE.substring(58);
        assertThat(reasonOpening(TEXT + "\n" + broken, ashcombe)).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void aSignedCheckpointOpensToItself() {
        String statement = SignedCheckpoints.sign(CHECKPOINT, KEY);
        String[] parts = statement.split("\n\n");
        assertThat(parts).hasSize(2);
        assertThat(parts[0] + "\n").isEqualTo(CHECKPOINT.body());
        assertThat(parts[1]).startsWith("\u2014 ledger.example.org/audit ").endsWith("\n");
        byte[] keyHashAndSignature = Base64.getDecoder().decode(parts[1].strip().split(" ", -1)[2]);
        assertThat(keyHashAndSignature).hasSize(68).startsWith(KEY.verifier().keyHash());

        assertThat(SignedCheckpoints.open(statement, KEY.verifier())).isEqualTo(CHECKPOINT);
        assertThat(SignedCheckpoints.open(
                        statement, VerifierKey.parse(KEY.verifier().text())))
                .isEqualTo(CHECKPOINT);
    }

    @Test
    void witnessSignaturesByOtherKeysAreIgnored() {
        LedgerKey witness = LedgerKey.fromSeed("witness.example.org", seed(2));
        String statement = SignedCheckpoints.sign(CHECKPOINT, KEY);
        String witnessLine = SignedNote.sign(CHECKPOINT.body(), witness.verifier(), witness::sign)
                .substring(CHECKPOINT.body().length() + 1);
        assertThat(SignedCheckpoints.open(statement + witnessLine, KEY.verifier()))
                .isEqualTo(CHECKPOINT);
        assertThat(SignedCheckpoints.open(statement + witnessLine, witness.verifier()))
                .isEqualTo(CHECKPOINT);
    }

    @Test
    void anyChangedCharacterOfTheBodyBreaksTheSignature() {
        String statement = SignedCheckpoints.sign(CHECKPOINT, KEY);
        String body = CHECKPOINT.body();
        for (int i = 0; i < body.length(); i++) {
            char replacement = body.charAt(i) == 'A' ? 'B' : 'A';
            String changed = statement.substring(0, i) + replacement + statement.substring(i + 1);
            InvalidStatement failure = failureOpening(changed, KEY.verifier());
            if (i == body.length() - 1) {
                // the body's last newline is half of the blank line before the signatures
                assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
                continue;
            }
            assertThat(failure.reason()).as("character %d changed", i).isEqualTo(Reason.BAD_SIGNATURE);
            assertThat(failure).hasMessageContaining("does not match");
        }
    }

    @Test
    void anyChangedCharacterOfTheSignatureIsCaught() {
        String statement = SignedCheckpoints.sign(CHECKPOINT, KEY);
        int start = statement.lastIndexOf(' ') + 1;
        int end = statement.length() - 2; // the padding '=' and the newline stay
        for (int i = start; i < end; i++) {
            char replacement = statement.charAt(i) == 'A' ? 'B' : 'A';
            String changed = statement.substring(0, i) + replacement + statement.substring(i + 1);
            Reason reason = reasonOpening(changed, KEY.verifier());
            // the first 5 characters carry the key hash; the last before '=' has bits that must be zero
            assertThat(reason)
                    .as("signature character %d changed", i - start)
                    .isIn(Reason.BAD_SIGNATURE, Reason.NOT_SIGNED_BY_KEY, Reason.MALFORMED);
            if (i - start >= 6 && i < end - 1) {
                assertThat(reason)
                        .as("signature character %d changed", i - start)
                        .isEqualTo(Reason.BAD_SIGNATURE);
            }
        }
    }

    @Test
    void aStatementByAnotherKeyIsNotSignedByThisOne() {
        String statement = SignedCheckpoints.sign(CHECKPOINT, KEY);
        // the same name but another key: the key hash differs
        LedgerKey impostor = LedgerKey.fromSeed("ledger.example.org/audit", seed(3));
        InvalidStatement failure = failureOpening(statement, impostor.verifier());
        assertThat(failure.reason()).isEqualTo(Reason.NOT_SIGNED_BY_KEY);
        assertThat(failure)
                .hasMessageContaining(
                        HexFormat.of().formatHex(impostor.verifier().keyHash()))
                .hasMessageContaining("ledger.example.org/audit+"
                        + HexFormat.of().formatHex(KEY.verifier().keyHash()));
        // the signature line renamed
        String renamed = statement.replace("\u2014 ledger.example.org/audit ", "\u2014 ledger.example.org/other ");
        assertThat(reasonOpening(renamed, KEY.verifier())).isEqualTo(Reason.NOT_SIGNED_BY_KEY);
        // the key hash in the signature changed: the line now names another key
        String base64 = statement.substring(statement.lastIndexOf(' ') + 1, statement.length() - 1);
        byte[] raw = Base64.getDecoder().decode(base64);
        raw[0] ^= 1;
        String rehashed = statement.replace(base64, Base64.getEncoder().encodeToString(raw));
        assertThat(reasonOpening(rehashed, KEY.verifier())).isEqualTo(Reason.NOT_SIGNED_BY_KEY);
    }

    @Test
    void aStatementThatIsNotASignedNoteIsMalformed() {
        String statement = SignedCheckpoints.sign(CHECKPOINT, KEY);
        assertThat(failureOpening(statement.replace("\n\n", "\n"), KEY.verifier()))
                .hasMessageContaining("no blank line")
                .extracting(InvalidStatement::reason)
                .isEqualTo(Reason.MALFORMED);
        assertThat(failureOpening(statement.replace("\n", "\r\n"), KEY.verifier()))
                .hasMessageContaining("carriage return")
                .extracting(InvalidStatement::reason)
                .isEqualTo(Reason.MALFORMED);
        assertThat(reasonOpening(statement.replace("\u2014", "-"), KEY.verifier()))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reasonOpening(statement.replace("=\n", "\n"), KEY.verifier()))
                .as("unpadded base64")
                .isEqualTo(Reason.MALFORMED);
        assertThat(reasonOpening(statement.substring(0, statement.length() - 1), KEY.verifier()))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reasonOpening("", KEY.verifier())).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOpening(null, KEY.verifier())).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOpening("x".repeat(SignedNote.MAX_LENGTH + 1), KEY.verifier()))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aSignedTextThatIsNotACheckpointIsMalformed() {
        String note = SignedNote.sign("ledger.example.org/audit\n1042\n", KEY.verifier(), KEY::sign);
        InvalidStatement failure = failureOpening(note, KEY.verifier());
        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(failure).hasMessageContaining("not a checkpoint");
    }

    @Test
    void aSecondSignatureByTheKeyThatFailsRejectsTheStatement() {
        String statement = SignedCheckpoints.sign(CHECKPOINT, KEY);
        String line = statement.substring(CHECKPOINT.body().length() + 1);
        String otherLine =
                SignedNote.sign("another text\n", KEY.verifier(), KEY::sign).substring("another text\n".length() + 1);
        assertThat(reasonOpening(statement + otherLine, KEY.verifier())).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(SignedCheckpoints.open(statement + line, KEY.verifier())).isEqualTo(CHECKPOINT);
    }

    private static Reason reasonOpening(String note, VerifierKey key) {
        return failureOpening(note, key).reason();
    }

    private static InvalidStatement failureOpening(String note, VerifierKey key) {
        InvalidStatement failure =
                catchThrowableOfType(InvalidStatement.class, () -> SignedCheckpoints.open(note, key));
        assertThat(failure).as("opening should fail: %s", note).isNotNull();
        return failure;
    }

    private static byte[] seed(int value) {
        byte[] seed = new byte[32];
        seed[0] = (byte) value;
        return seed;
    }
}
