package org.sharingledger.projections.requests;

import java.time.Duration;
import java.time.Instant;
import org.sharingledger.projections.pages.Labelled;

/**
 * Where a request awaiting its decision stands against its due time, in words on the work list: overdue, due soon
 * (less than a quarter of its allowance left) or on time.
 */
@Labelled
enum Due {
    OVERDUE,
    DUE_SOON,
    ON_TIME;

    static Due of(Instant requestedAt, Instant dueBy, boolean becameOverdue, Instant now) {
        if (becameOverdue || !now.isBefore(dueBy)) {
            return OVERDUE;
        }
        Duration allowance = Duration.between(requestedAt, dueBy);
        Duration left = Duration.between(now, dueBy);
        return left.multipliedBy(4).compareTo(allowance) < 0 ? DUE_SOON : ON_TIME;
    }
}
