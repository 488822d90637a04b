package org.sharingledger.projections.selfassessments;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the self-assessment pages write a time: {@code 31 March 2009, 17:00}, in UTC. Public for the templates. */
public final class SelfAssessmentFormats {

    static final SelfAssessmentFormats INSTANCE = new SelfAssessmentFormats();

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

    private SelfAssessmentFormats() {}

    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant);
    }
}
