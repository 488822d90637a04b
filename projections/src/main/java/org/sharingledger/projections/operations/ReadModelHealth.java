package org.sharingledger.projections.operations;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Down when a read model has halted on an event (it retries, but someone must look), with the error as detail. */
@Component("readModelsHealthIndicator")
class ReadModelHealth implements HealthIndicator {

    private final ReadModels readModels;

    ReadModelHealth(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (ReadModels.Status status : readModels.all()) {
            if (status.error() != null) {
                health.down();
            }
            health.withDetail(status.name(), status);
        }
        return health.build();
    }
}
