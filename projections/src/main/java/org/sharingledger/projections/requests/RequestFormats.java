package org.sharingledger.projections.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the request pages write times (always UTC, and say so) and allowances. */
final class RequestFormats {

    static final RequestFormats INSTANCE = new RequestFormats();

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

    private RequestFormats() {}

    /* The methods are public for the templates (SpEL calls only public methods). */

    /** A moment as {@code 3 June 2026, 14:05 UTC}. */
    public String at(Instant instant) {
        return instant == null ? "\u2013" : AT.format(instant) + "\u00A0UTC";
    }

    /** For a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** An allowance in words: {@code 4 hours}, {@code 24 hours}, {@code 10 days} (days from two), {@code 90 seconds}. */
    public String allowance(Duration duration) {
        if (duration.toDays() >= 2 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toHours() > 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toMinutes() > 0 && duration.toSecondsPart() == 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
