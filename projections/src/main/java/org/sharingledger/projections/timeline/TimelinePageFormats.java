package org.sharingledger.projections.timeline;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sharingledger.projections.timeline.Timeline.ActorRef;
import org.sharingledger.projections.timeline.Timeline.AgencyRef;

/**
 * How the reviewers' timeline page writes times (always UTC, and says so), delays, agencies, people and the API's
 * codes in plain English. A missing value is a dash.
 */
final class TimelinePageFormats {

    static final TimelinePageFormats INSTANCE = new TimelinePageFormats();
    static final String NONE = "–";
    private static final char NO_BREAK = '\u00A0';

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private static final Map<String, String> LABELS = Map.ofEntries(
            // sectors
            Map.entry("CHILDRENS_SOCIAL_CARE", "Children's social care"),
            Map.entry("EARLY_YEARS", "Early years"),
            Map.entry("MENTAL_HEALTH", "Mental health"),
            Map.entry("PROBATION_YOUTH_JUSTICE", "Probation and youth justice"),
            Map.entry("COMMUNITY_SAFETY", "Community safety"),
            Map.entry("VOLUNTARY_COMMUNITY", "Voluntary and community"),
            // roles
            Map.entry("ADMIN", "Administrator"),
            Map.entry("NOMINATED_REPRESENTATIVE", "Nominated representative"),
            Map.entry("TRUST_REVIEWER", "Trust reviewer"),
            Map.entry("CASE_REVIEWER", "Case reviewer"),
            // lawful bases, UK GDPR article 6(1)
            Map.entry("CONSENT", "Consent (UK GDPR art. 6(1)(a))"),
            Map.entry("CONTRACT", "Contract (art. 6(1)(b))"),
            Map.entry("LEGAL_OBLIGATION", "Legal obligation (art. 6(1)(c))"),
            Map.entry("VITAL_INTERESTS", "Vital interests (art. 6(1)(d))"),
            Map.entry("PUBLIC_TASK", "Public task (art. 6(1)(e))"),
            Map.entry("LEGITIMATE_INTERESTS", "Legitimate interests (art. 6(1)(f))"),
            // consent
            Map.entry("GIVEN", "Given"),
            Map.entry("REFUSED", "Refused"),
            Map.entry("NOT_SOUGHT", "Not sought"),
            Map.entry("NOT_REQUIRED", "Not required"),
            // urgency
            Map.entry("EMERGENCY", "Emergency (4 hours)"),
            Map.entry("URGENT", "Urgent (24 hours)"),
            Map.entry("ROUTINE", "Routine (10 days)"),
            // how it was shared
            Map.entry("SECURE_EMAIL", "Secure email"),
            Map.entry("SECURE_PORTAL", "Secure portal"),
            Map.entry("TELEPHONE", "Telephone"),
            Map.entry("MEETING", "Meeting"),
            Map.entry("POST", "Post"),
            // scope and outcomes
            Map.entry("FULL", "In full"),
            Map.entry("PARTIAL", "In part"),
            Map.entry("SHARED", "Shared"),
            Map.entry("REFUSAL_UPHELD", "Refusal upheld"),
            // escalation stages
            Map.entry("LINE_MANAGER", "Line manager"),
            Map.entry("DATA_PROTECTION_OFFICER", "Data protection officer"),
            Map.entry("SAFEGUARDING_PARTNERSHIP", "Safeguarding partnership (the Trust)"),
            // how a grant names its subject
            Map.entry("NHS_NUMBER", "A child, by NHS number"),
            Map.entry("LOCAL_REFERENCE", "A child, by an agency's local reference"),
            Map.entry("CASE_REFERENCE", "A case, by case reference"));

    private TimelinePageFormats() {
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

    /** An API code in plain English. */
    public String label(Object code) {
        if (code == null) {
            return NONE;
        }
        String name = String.valueOf(code);
        String label = LABELS.get(name);
        if (label != null) {
            return label;
        }
        String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A purpose, reason or stage in the words a review panel reads, capitalised. */
    public String words(String code) {
        String words = Words.of(code);
        return words == null || words.isEmpty() ? NONE : Character.toUpperCase(words.charAt(0)) + words.substring(1);
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
            text.append(", ").append(String.join(", ", roles.stream().map(this::label).toList()));
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
