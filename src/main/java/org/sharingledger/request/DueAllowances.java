package org.sharingledger.request;

import java.time.Duration;
import org.sharingledger.request.api.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the holding agency has to decide, by urgency ({@code ledger.due.*}; defaults 4 hours, 24 hours, 10 days).
 * Tests and demonstrations set seconds.
 */
@ConfigurationProperties(prefix = "ledger.due")
record DueAllowances(Duration emergency, Duration urgent, Duration routine) {

    DueAllowances {
        emergency = emergency == null ? Duration.ofHours(4) : emergency;
        urgent = urgent == null ? Duration.ofHours(24) : urgent;
        routine = routine == null ? Duration.ofDays(10) : routine;
    }

    Duration of(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> emergency;
            case URGENT -> urgent;
            case ROUTINE -> routine;
        };
    }
}
