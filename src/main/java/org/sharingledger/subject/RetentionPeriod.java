package org.sharingledger.subject;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a child's personal details are kept after a request last carried them ({@code ledger.subjects.retention},
 * an ISO-8601 duration such as {@code P8Y}, {@code P18M} or {@code P30D}; default {@code P8Y}). Set it to your
 * retention schedule. Years and months count on the calendar (UTC).
 */
@ConfigurationProperties(prefix = "ledger.subjects")
record RetentionPeriod(String retention) {

    static final String DEFAULT = "P8Y";

    RetentionPeriod {
        retention = retention == null || retention.isBlank() ? DEFAULT : retention.strip();
        Instant now = Instant.now();
        if (!cutoffFor(retention, now).isBefore(now)) {
            throw new IllegalStateException(
                    "ledger.subjects.retention must be a positive ISO-8601 duration, " + "e.g. P8Y");
        }
    }

    /** The moment before which an unused key has outlived the period. */
    Instant cutoff(Instant now) {
        return cutoffFor(retention, now);
    }

    /** The legal basis recorded when the period ends, e.g. "Retention period ended (P8Y)". */
    String legalBasis() {
        return "Retention period ended (" + retention + ")";
    }

    private static Instant cutoffFor(String text, Instant now) {
        try {
            return now.atZone(ZoneOffset.UTC).minus(Period.parse(text)).toInstant();
        } catch (DateTimeParseException notAPeriod) {
            try {
                return now.minus(Duration.parse(text));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                        "ledger.subjects.retention must be an ISO-8601 duration, e.g. P8Y, " + "not " + text);
            }
        }
    }
}
