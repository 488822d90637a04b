package org.sharingledger.projections.consultations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the consultation pages write a time: {@code 31 March 2010, 17:00}, in UTC. Public for the templates. */
public final class ConsultationFormats {

    static final ConsultationFormats INSTANCE = new ConsultationFormats();

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

    private ConsultationFormats() {}

    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant);
    }
}
