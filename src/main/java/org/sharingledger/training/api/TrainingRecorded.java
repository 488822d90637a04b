package org.sharingledger.training.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A member of an agency's staff attended a course on {@code completedOn}. {@code practitioner} is the person's name
 * (staff, never a child); {@code username} links a ledger user, when they are one. {@code assessmentPassed} and
 * {@code validUntil} say, for a course with an assessment, whether it was passed and until when it counts.
 * {@code recordId} is derived from what identifies the attendance, so that the same attendance is never recorded
 * twice.
 */
@Revision("1")
public record TrainingRecorded(
        String recordId,
        String agencyId,
        String practitioner,
        String username,
        Course course,
        LocalDate completedOn,
        Boolean assessmentPassed,
        LocalDate validUntil,
        Instant recordedAt) {}
