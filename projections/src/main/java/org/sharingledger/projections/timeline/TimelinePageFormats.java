package org.sharingledger.projections.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.sharingledger.projections.pages.Vocabulary;
import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;

/**
 * How the reviewers' timeline page writes times (always UTC, and says so), delays, agencies and people (their roles
 * in the {@link Vocabulary}'s words). A missing value is a dash.
 */
final class TimelinePageFormats {

    static final String NONE = "–";
    private static final char NO_BREAK = '\u00A0';

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private final Vocabulary words;

    TimelinePageFormats(Vocabulary words) {
        this.words = words;
    }

    /* The methods are public for the templates (SpEL calls only public methods). */

    /** A moment as {@code 3 June 2026, 14:05 UTC}. */
    public String at(Instant instant) {
        return instant == null ? NONE : AT.format(instant) + NO_BREAK + "UTC";
    }

    /** A moment to the second, for the page's header: {@code 3 June 2026, 14:05:09 UTC}. */
    public String exactly(Instant instant) {
        return instant == null ? NONE : AT.format(instant) + SECONDS.format(instant).substring(5) + NO_BREAK + "UTC";
    }

    /** For a {@code <time datetime>} attribute. */
    public String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Whether a step was recorded at another minute than it happened (so both are worth showing). */
    public boolean recordedApart(Timeline.Entry entry) {
        return entry.recordedAt() != null && entry.occurredAt() != null
                && !AT.format(entry.recordedAt()).equals(AT.format(entry.occurredAt()));
    }

    /** A delay in days and hours ({@code 5 days 3 hours}), or hours and minutes under a day. */
    public String delay(Duration duration) {
        if (duration == null) {
            return NONE;
        }
        long days = duration.toDays();
        long hours = duration.toHoursPart();
        long minutes = duration.toMinutesPart();
        if (days > 0) {
            return plural(days, "day") + (hours > 0 ? " " + plural(hours, "hour") : "");
        }
        return plural(hours, "hour") + (minutes > 0 ? " " + plural(minutes, "minute") : "");
    }

    /** Hours to one decimal, and days too once it is more than two days. */
    public String hours(Double hours) {
        if (hours == null) {
            return NONE;
        }
        String text = String.format(Locale.UK, "%.1f", hours) + NO_BREAK + "h";
        if (hours >= 48) {
            text += " (" + String.format(Locale.UK, "%.1f", hours / 24) + NO_BREAK + "days)";
        }
        return text;
    }

    public String count(long value) {
        return String.format(Locale.UK, "%,d", value);
    }

    public String agency(AgencyRef agency) {
        if (agency == null) {
            return NONE;
        }
        return agency.name() != null ? agency.name() : agency.agencyId();
    }

    /** Who took a step: their name, their roles, and for which of the two agencies. */
    public String actor(ActorRef actor, AgencyRef requesting, AgencyRef holding) {
        if (actor == null) {
            return NONE;
        }
        if ("system".equals(actor.username())) {
            return "The ledger itself (automatically)";
        }
        StringBuilder text = new StringBuilder(actor.displayName() != null ? actor.displayName() : actor.username());
        text.append(" (").append(actor.username()).append(')');
        List<String> roles = actor.roles() == null ? List.of() : actor.roles();
        if (!roles.isEmpty()) {
            text.append(", ").append(String.join(", ", roles.stream().map(role -> words.label("Role", role)).toList()));
        }
        if (actor.agencyId() != null) {
            AgencyRef agency = requesting != null && actor.agencyId().equals(requesting.agencyId()) ? requesting
                    : holding != null && actor.agencyId().equals(holding.agencyId()) ? holding : null;
            text.append(", for ").append(agency != null ? agency(agency) : actor.agencyId());
        }
        return text.toString();
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
