package org.sharingledger.projections.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.sharingledger.projections.pages.Figures;
import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;
import org.sharingledger.projections.timeline.Timeline.Code;

/**
 * How a timeline writes times (always UTC, and says so), delays, figures, agencies, people and codes (in the
 * {@link Vocabulary}'s words), the same on the reviewers' page and in the PDF; a missing value is a dash. Every text
 * it gives passes through one last step: none on the page, and in the PDF what the standard PDF fonts can show
 * ({@link TimelinePdf#printable}), so that the entries fragment the two share never writes a character the PDF
 * would lose.
 */
class TimelinePageFormats {

    static final String NONE = Vocabulary.NONE;
    private static final char NO_BREAK = '\u00A0';

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK).withZone(ZoneOffset.UTC);

    private final Vocabulary words;
    private final UnaryOperator<String> shown;

    /** For the page: texts as they are (the template escapes them). */
    TimelinePageFormats(Vocabulary words) {
        this(words, UnaryOperator.identity());
    }

    /** With the last step every text passes through before the template escapes it. */
    TimelinePageFormats(Vocabulary words, UnaryOperator<String> shown) {
        this.words = words;
        this.shown = shown;
    }

    /* The methods are public for the templates (SpEL calls only public methods). */

    /** A text as given (a reason written by a practitioner, an id), or null for none. */
    public String text(Object text) {
        return text == null ? null : shown.apply(String.valueOf(text));
    }

    /** The text, or a dash for none. */
    public String orNone(Object text) {
        return text == null ? shown(NONE) : text(text);
    }

    /** A code in the shared vocabulary's words ({@code label("Sector", "EARLY_YEARS")}: "Early years"). */
    public String label(String family, Object code) {
        return shown(words.label(family, code));
    }

    /** A reason's text as the timeline gives it, else its code in words. */
    public String reason(Code reason) {
        if (reason == null) {
            return shown(NONE);
        }
        return reason.text() != null ? text(reason.text()) : label("Reason", reason.code());
    }

    /** A moment as {@code 3 June 2026, 14:05 UTC}. */
    public String at(Instant instant) {
        return shown(instant == null ? NONE : AT.format(instant) + NO_BREAK + "UTC");
    }

    /** A moment to the second, for a header: {@code 3 June 2026, 14:05:09 UTC}. */
    public String exactly(Instant instant) {
        return shown(
                instant == null
                        ? NONE
                        : AT.format(instant) + SECONDS.format(instant).substring(5) + NO_BREAK + "UTC");
    }

    /** For a {@code <time datetime>} attribute, or to quote a moment exactly: ISO 8601. */
    public String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Whether a step was recorded at another minute than it happened (so both are worth showing). */
    public boolean recordedApart(Timeline.Entry entry) {
        return entry.recordedAt() != null
                && entry.occurredAt() != null
                && !AT.format(entry.recordedAt()).equals(AT.format(entry.occurredAt()));
    }

    /** A delay in days and hours ({@code 5 days 3 hours}), or hours and minutes under a day. */
    public String delay(Duration duration) {
        if (duration == null) {
            return shown(NONE);
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return shown(plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : ""));
        }
        return shown(plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : ""));
    }

    /** Hours to one decimal, and days too once it is more than two days. */
    public String hours(Double hours) {
        return shown(Figures.hours(hours));
    }

    /** A count with thousands separators. */
    public String count(long value) {
        return Figures.count(value);
    }

    /** An agency's name, or its id if the timeline does not know its name. */
    public String agency(AgencyRef agency) {
        if (agency == null) {
            return shown(NONE);
        }
        return text(agency.name() != null ? agency.name() : agency.agencyId());
    }

    /** An agency with its sector and id: {@code Hilltop School (Education; id hilltop)}. */
    public String agencyInFull(AgencyRef agency) {
        if (agency == null) {
            return shown(NONE);
        }
        return text((agency.name() != null ? agency.name() : agency.agencyId()) + " ("
                + words.label("Sector", agency.sector()) + "; id " + agency.agencyId() + ")");
    }

    /** Who took a step: their name, their roles, and for which of the two agencies. */
    public String actor(ActorRef actor, AgencyRef requesting, AgencyRef holding) {
        if (actor == null) {
            return shown(NONE);
        }
        if ("system".equals(actor.username())) {
            return shown("The ledger itself (automatically)");
        }
        StringBuilder text = new StringBuilder(actor.displayName() != null ? actor.displayName() : actor.username());
        text.append(" (").append(actor.username()).append(')');
        List<String> roles = actor.roles() == null ? List.of() : actor.roles();
        if (!roles.isEmpty()) {
            text.append(", ")
                    .append(String.join(
                            ", ",
                            roles.stream()
                                    .map(role -> words.label("Role", role))
                                    .toList()));
        }
        if (actor.agencyId() != null) {
            AgencyRef agency = requesting != null && actor.agencyId().equals(requesting.agencyId())
                    ? requesting
                    : holding != null && actor.agencyId().equals(holding.agencyId()) ? holding : null;
            text.append(", for ").append(agency != null && agency.name() != null ? agency.name() : actor.agencyId());
        }
        return text(text);
    }

    private String shown(String text) {
        return shown.apply(text);
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
