package org.sharingledger.projections.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.sharingledger.projections.pages.Figures;
import org.sharingledger.projections.pages.Vocabulary;

/**
 * How the report writes its words and figures, for the PDF and the page alike: every word from the vocabulary, counts
 * with thousands separators, rates as percentages, days in words. The PDF passes {@code PdfText::printable} as the
 * last step so that nothing it writes is outside the standard fonts; the page passes the identity.
 */
public final class ReportFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter EXACTLY =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private final Vocabulary words;
    private final UnaryOperator<String> last;

    ReportFormats(Vocabulary words, UnaryOperator<String> last) {
        this.words = words;
        this.last = last;
    }

    /* The methods are public for the templates (SpEL calls only public methods). */

    /** One of the report's own words. */
    public String w(ReportText text) {
        return last.apply(words.label(text));
    }

    /** One of the report's own words, by name ({@code w('TITLE')}), as templates write it. */
    public String w(String name) {
        return w(ReportText.valueOf(name));
    }

    /** How an escalation ended: {@code SHARED} and {@code REFUSAL_UPHELD} as the API's outcomes, {@code OPEN}. */
    public String outcome(String code) {
        return "OPEN".equals(code) ? w(ReportText.STILL_OPEN) : label("Outcome", code);
    }

    /** The label of a code held as text ({@code label('Reason', 'STATUTORY_BAR')}). */
    public String label(String family, Object code) {
        return last.apply(words.label(family, code));
    }

    /** The label of an enum value. */
    public String label(Enum<?> value) {
        return last.apply(words.label(value));
    }

    /** Any other text (a name, a title), as it may be shown. */
    public String text(Object value) {
        return last.apply(value == null ? Vocabulary.NONE : String.valueOf(value));
    }

    public String count(long value) {
        return last.apply(Figures.count(value));
    }

    /** The sum of a map's counts (escalations over every stage, say). */
    public String total(Map<String, Long> counts) {
        return count(counts.values().stream().mapToLong(Long::longValue).sum());
    }

    /** A rate as a percentage with one decimal, or a dash when there is none. */
    public String percent(Double rate) {
        return rate == null ? Vocabulary.NONE : String.format(Locale.UK, "%.1f %%", rate * 100);
    }

    public String hours(Double hours) {
        return last.apply(Figures.hours(hours));
    }

    public String day(LocalDate day) {
        return day == null ? Vocabulary.NONE : DAY.format(day);
    }

    public String exactly(Instant instant) {
        return instant == null ? Vocabulary.NONE : EXACTLY.format(instant);
    }

    /** The period in words: "1 April 2008 to 31 March 2009". */
    public String period(LocalDate from, LocalDate to) {
        return day(from) + " " + w(ReportText.UNTIL) + " " + day(to);
    }
}
