package org.sharingledger.verifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.sharingledger.verifier.InvalidStatement.Reason;

/**
 * The signed-note format (c2sp.org/signed-note, as golang.org/x/mod/sumdb/note writes it) for one Ed25519 key: a
 * text ending in a newline, a blank line, then signature lines {@code "— <key name> <base64(key ID || signature)>\n"}
 * (em dash U+2014). The signature covers the text's UTF-8 bytes, final newline included.
 */
public final class SignedNote {

    public static final String SIGNATURE_PREFIX = "\u2014 ";
    /** Verifiers must accept at least 16 signatures; more than this many is refused as a malformed note. */
    static final int MAX_SIGNATURES = 100;
    /** A checkpoint is a few hundred characters; anything this long is refused before being looked at. */
    public static final int MAX_LENGTH = 1 << 20;

    private SignedNote() {}

    /**
     * {@code text}, a blank line and the key's signature line; {@code signer} makes the Ed25519 signature of the
     * text's UTF-8 bytes with the private half of {@code verifier} (the signing key never enters this package).
     */
    public static String sign(String text, VerifierKey verifier, UnaryOperator<byte[]> signer) {
        if (text.isEmpty() || !text.endsWith("\n") || Text.indexOfControl(text) >= 0 || !Text.isWellFormed(text)) {
            throw new IllegalArgumentException("a note text ends with a newline and has no other control character");
        }
        byte[] signature = signer.apply(text.getBytes(StandardCharsets.UTF_8));
        byte[] keyIdAndSignature = new byte[4 + signature.length];
        System.arraycopy(verifier.keyHash(), 0, keyIdAndSignature, 0, 4);
        System.arraycopy(signature, 0, keyIdAndSignature, 4, signature.length);
        return text + "\n" + SIGNATURE_PREFIX + verifier.name() + " " + Text.base64(keyIdAndSignature) + "\n";
    }

    /**
     * The text of {@code note}, once a signature by {@code key} has been verified. Signatures by other keys are
     * ignored, as the format requires; a signature by this key that fails to verify rejects the whole note.
     *
     * @throws InvalidStatement saying what is wrong
     */
    public static String open(String note, VerifierKey key) {
        if (note == null || note.isEmpty()) {
            throw malformed("the statement is empty");
        }
        if (note.length() > MAX_LENGTH) {
            throw malformed("the statement is longer than " + MAX_LENGTH + " characters");
        }
        int control = Text.indexOfControl(note);
        if (control >= 0) {
            throw malformed(
                    note.charAt(control) == '\r'
                            ? "the statement contains a carriage return: its lines must end with \\n alone (was it converted "
                                    + "to Windows line endings?)"
                            : String.format(
                                    "the statement contains the control character U+%04X on line %d",
                                    (int) note.charAt(control), lineOf(note, control)));
        }
        if (!Text.isWellFormed(note)) {
            throw malformed("the statement is not valid Unicode text");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw malformed("the statement has no blank line between its text and its signatures");
        }
        String text = note.substring(0, split + 1);
        String signatures = note.substring(split + 2);
        if (signatures.isEmpty()) {
            throw malformed("the statement has no signature line after its blank line");
        }
        if (!signatures.endsWith("\n")) {
            throw malformed("the statement's last signature line does not end with a newline");
        }
        int firstSignatureLine = lineOf(note, split + 2);
        String[] lines = signatures.substring(0, signatures.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw malformed("the statement has more than " + MAX_SIGNATURES + " signatures");
        }
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> others = new ArrayList<>();
        boolean verified = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNumber = firstSignatureLine + i;
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw malformed("line " + lineNumber + " is not a signature line (\u2014 <key name> <base64>)");
            }
            String rest = line.substring(SIGNATURE_PREFIX.length());
            int space = rest.indexOf(' ');
            String name = space < 0 ? rest : rest.substring(0, space);
            byte[] keyIdAndSignature = space < 0 ? null : Text.decodeBase64(rest.substring(space + 1));
            if (!Text.isValidKeyName(name) || keyIdAndSignature == null || keyIdAndSignature.length < 5) {
                throw malformed("line " + lineNumber + " is not a signature line (\u2014 <key name> <base64>)");
            }
            byte[] keyId = Arrays.copyOf(keyIdAndSignature, 4);
            String signer = name + "+" + HexFormat.of().formatHex(keyId);
            if (!name.equals(key.name()) || !Arrays.equals(keyId, key.keyHash())) {
                others.add(signer);
                continue;
            }
            byte[] signature = Arrays.copyOfRange(keyIdAndSignature, 4, keyIdAndSignature.length);
            if (!key.verify(textBytes, signature)) {
                throw new InvalidStatement(
                        Reason.BAD_SIGNATURE,
                        "the signature by " + signer + " (line "
                                + lineNumber + ") does not match the statement: the text or the signature was changed "
                                + "after signing");
            }
            verified = true;
        }
        if (!verified) {
            throw new InvalidStatement(
                    Reason.NOT_SIGNED_BY_KEY,
                    "the statement is not signed by the key "
                            + key.name() + "+" + HexFormat.of().formatHex(key.keyHash()) + "; it is signed by "
                            + String.join(", ", others));
        }
        return text;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static InvalidStatement malformed(String message) {
        return new InvalidStatement(Reason.MALFORMED, message);
    }
}
