package org.sharingledger.projections.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sharingledger.projections.pages.Figures;
import org.sharingledger.projections.pages.Vocabulary;

/**
 * How the web pages write numbers and dates: rates as {@code 23.5 %}, hours to one decimal, counts with thousands
 * separators. A missing value (nothing decided) is a dash. The words for codes are the {@code Vocabulary}'s.
 */
final class Formats {

    static final Formats INSTANCE = new Formats();
    static final String NONE = Vocabulary.NONE;
    /** Between a number and its unit, so that {@code 23.5 %} never breaks across lines. */
    private static final char NO_BREAK = '\u00A0';

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.UK);

    private Formats() {}

    /* The methods are public for the templates (SpEL calls only public methods). */

    /** A rate from 0 to 1 as a percentage with one decimal: {@code 23.5 %}. */
    public String percent(Double rate) {
        return rate == null ? NONE : String.format(Locale.UK, "%.1f", rate * 100) + NO_BREAK + "%";
    }

    /** Two rates as a range of percentages: {@code 4.7–56.9 %}. */
    public String range(double lower, double upper) {
        return String.format(Locale.UK, "%.1f–%.1f", lower * 100, upper * 100) + NO_BREAK + "%";
    }

    /** A count with thousands separators. */
    public String count(long value) {
        return Figures.count(value);
    }

    /** Hours to one decimal, and days too once it is more than two days. */
    public String hours(Double hours) {
        return Figures.hours(hours);
    }

    /** A date as {@code 31 March 2009}. */
    public String day(LocalDate date) {
        return date == null ? NONE : DAY.format(date);
    }

    /** A month key ({@code 2009-03}) as {@code March 2009}. */
    public String month(String month) {
        return MONTH.format(YearMonth.parse(month));
    }

    /** A month key as {@code Mar}. */
    public String shortMonth(String month) {
        return SHORT_MONTH.format(YearMonth.parse(month));
    }

    /** The CSS class of a funnel flag (for its colour), or of no flag. */
    public String flagClass(Funnel funnel) {
        return funnel == null
                ? "flag-none"
                : "flag-" + funnel.flag().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
