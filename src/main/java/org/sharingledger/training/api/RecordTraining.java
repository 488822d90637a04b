package org.sharingledger.training.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records one attendance of a course; {@code recordId} from {@link TrainingRecords#recordId}. */
public record RecordTraining(
        @TargetAggregateIdentifier String recordId,
        String agencyId,
        String practitioner,
        String username,
        Course course,
        LocalDate completedOn,
        Boolean assessmentPassed,
        LocalDate validUntil,
        Instant recordedAt) {}
