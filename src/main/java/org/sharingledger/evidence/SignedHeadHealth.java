package org.sharingledger.evidence;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Down while the checkpointer refuses to sign because the database does not extend the last checkpoint this ledger
 * signed (kept outside the database): someone must find out who rolled back or rewrote the database.
 */
@Component("signedHeadHealthIndicator")
class SignedHeadHealth implements HealthIndicator {

    private final Checkpointer checkpointer;

    SignedHeadHealth(Checkpointer checkpointer) {
        this.checkpointer = checkpointer;
    }

    @Override
    public Health health() {
        String problem = checkpointer.headProblem();
        return problem == null
                ? Health.up().build()
                : Health.down().withDetail("problem", problem).build();
    }
}
