package org.sharingledger.projections.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * How the web pages write numbers, dates and codes: rates as {@code 23.5 %}, hours to one decimal, counts with
 * thousands separators, and plain English for the API's enum values. A missing value (nothing decided) is a dash.
 */
final class Formats {

    static final Formats INSTANCE = new Formats();
    static final String NONE = "–";
    /** Between a number and its unit, so that {@code 23.5 %} never breaks across lines. */
    private static final char NO_BREAK = '\u00A0';

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.UK);

    private static final Map<String, String> LABELS = Map.ofEntries(
            // sectors
            Map.entry("CHILDRENS_SOCIAL_CARE", "Children's social care"),
            Map.entry("EDUCATION", "Education"),
            Map.entry("EARLY_YEARS", "Early years"),
            Map.entry("HEALTH", "Health"),
            Map.entry("MENTAL_HEALTH", "Mental health"),
            Map.entry("POLICE", "Police"),
            Map.entry("PROBATION_YOUTH_JUSTICE", "Probation and youth justice"),
            Map.entry("HOUSING", "Housing"),
            Map.entry("COMMUNITY_SAFETY", "Community safety"),
            Map.entry("VOLUNTARY_COMMUNITY", "Voluntary and community"),
            // reasons for refusing or withholding
            Map.entry("INFORMATION_NOT_HELD", "Information not held"),
            Map.entry("NO_CONSENT_NO_OVERRIDING_PUBLIC_INTEREST", "No consent, no overriding public interest"),
            Map.entry("NOT_NECESSARY_OR_PROPORTIONATE", "Not necessary or proportionate"),
            Map.entry("PURPOSE_NOT_ESTABLISHED", "Purpose not established"),
            Map.entry("REQUESTER_NOT_VERIFIED", "Requester not verified"),
            Map.entry("STATUTORY_BAR", "Statutory bar"),
            Map.entry("THIRD_PARTY_CONFIDENTIALITY", "Third-party confidentiality"),
            Map.entry("WOULD_PREJUDICE_INVESTIGATION", "Would prejudice an investigation"),
            Map.entry("OTHER", "Other"),
            // request statuses
            Map.entry("AWAITING_DECISION", "Awaiting decision"),
            Map.entry("SHARED", "Shared in full"),
            Map.entry("PARTIALLY_SHARED", "Shared in part"),
            Map.entry("REFUSED", "Refused"),
            Map.entry("ESCALATED", "Escalated, not yet resolved"),
            Map.entry("REFUSAL_UPHELD", "Refusal upheld"),
            Map.entry("SHARED_AFTER_ESCALATION", "Shared after escalation"),
            Map.entry("WITHDRAWN", "Withdrawn"),
            // escalation stages
            Map.entry("LINE_MANAGER", "Line manager"),
            Map.entry("NOMINATED_REPRESENTATIVE", "Nominated representative"),
            Map.entry("DATA_PROTECTION_OFFICER", "Data protection officer"),
            Map.entry("SAFEGUARDING_PARTNERSHIP", "Safeguarding partnership (the Trust)"),
            // funnel flags
            Map.entry("WITHIN", "Within limits"),
            Map.entry("ABOVE_95", "Above the 95 % limit"),
            Map.entry("ABOVE_998", "Above the 99.8 % limit"),
            Map.entry("BELOW_95", "Below the 95 % limit"),
            Map.entry("BELOW_998", "Below the 99.8 % limit"),
            // roles
            Map.entry("ADMIN", "Administrator"),
            Map.entry("PRACTITIONER", "Practitioner"),
            Map.entry("TRUST_REVIEWER", "Trust reviewer"),
            Map.entry("CASE_REVIEWER", "Case reviewer"));

    private Formats() {
    }

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
        return String.format(Locale.UK, "%,d", value);
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

    /** An API code in plain English ({@code THIRD_PARTY_CONFIDENTIALITY}: "Third-party confidentiality"). */
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
        return funnel == null ? "flag-none" : "flag-" + funnel.flag().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
