package org.sharingledger.verifier;

import java.util.Base64;

/** Strict text rules shared by keys, checkpoints and signed notes. */
public final class Text {

    private Text() {}

    /**
     * Standard base64 (RFC 4648 section 4) in its one canonical spelling: padded, no line breaks, no stray bits.
     * Java's decoder alone would also accept missing padding; a signed statement should have only one spelling.
     *
     * @return the bytes, or {@code null} when {@code text} is not canonical base64
     */
    public static byte[] decodeBase64(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return Base64.getEncoder().encodeToString(bytes).equals(text) ? bytes : null;
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * A key name of the signed-note format (c2sp.org/signed-note): not empty, no Unicode space, no plus sign. Control
     * characters, which a note may not contain, are refused too.
     */
    public static boolean isValidKeyName(String name) {
        if (name == null || name.isEmpty() || !isWellFormed(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '+' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** No unpaired surrogate, so the string encodes to UTF-8 and back unchanged. */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The first ASCII control character other than newline, or -1; signed notes may not contain one. */
    public static int indexOfControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                return i;
            }
        }
        return -1;
    }
}
