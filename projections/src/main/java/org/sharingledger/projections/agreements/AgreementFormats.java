package org.sharingledger.projections.agreements;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sharingledger.projections.pages.Vocabulary;

/** How the agreement pages write a moment and a step: in UTC, in words. Public for the templates. */
public final class AgreementFormats {

    static final AgreementFormats INSTANCE = new AgreementFormats();

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private AgreementFormats() {}

    public String at(Instant instant) {
        return instant == null ? Vocabulary.NONE : AT.format(instant);
    }

    /** A step of the history in words. */
    public String step(String type) {
        return switch (type) {
            case "PROPOSED" -> "Proposed";
            case "SIGNED" -> "Signed";
            case "ACTIVATED" -> "In force: every party has signed";
            case "REVIEW_DUE" -> "Review due";
            case "REVIEWED" -> "Reviewed";
            case "TERMINATED" -> "Ended";
            default -> type;
        };
    }
}
