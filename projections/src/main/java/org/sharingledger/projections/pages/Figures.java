package org.sharingledger.projections.pages;

import java.util.Locale;

/**
 * How every page and document writes a figure: counts with thousands separators, hours to one decimal (and days too
 * from two days). A missing value is a dash; a no-break space keeps a number and its unit on one line.
 */
public final class Figures {

    private static final char NO_BREAK = '\u00A0';

    private Figures() {}

    /** A count with thousands separators: {@code 1,234}. */
    public static String count(long value) {
        return String.format(Locale.UK, "%,d", value);
    }

    /** Hours to one decimal, and days too once it is two days or more: {@code 50.0 h (2.1 days)}. */
    public static String hours(Double hours) {
        if (hours == null) {
            return Vocabulary.NONE;
        }
        String text = String.format(Locale.UK, "%.1f", hours) + NO_BREAK + "h";
        if (hours >= 48) {
            text += " (" + String.format(Locale.UK, "%.1f", hours / 24) + NO_BREAK + "days)";
        }
        return text;
    }
}
