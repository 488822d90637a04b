package org.sharingledger.platform.web;

/**
 * What text the ledger takes from outside: any character a person can type, and tab, line feed and carriage return,
 * but no other control character (U+0000 above all, which PostgreSQL refuses to store), no unpaired surrogate and no
 * noncharacter U+FFFE or U+FFFF (which no XML document, such as the timeline's PDF, may hold). Checked in every
 * string of every JSON body ({@link BodyStrings}) and in every request parameter and path variable
 * ({@link ParameterText}).
 */
public final class BodyText {

    /** The problem a field with such a character is reported with. */
    public static final String PROBLEM = "must not contain control characters";

    private BodyText() {}

    /** Whether the text holds a character the ledger does not take; null holds none. */
    public static boolean refused(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return true;
            }
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}
