package org.sharingledger.consultation.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * After its consultation closed, the Trust adopted a version of the Code of Practice: from {@code adoptedOn} it is the
 * current Code. The register acts on it: each agency of {@code movingAgencies} moves to the new version, each of
 * {@code withdrawingAgencies} (whose last answer was {@code WITHDRAW}) is withdrawn on {@code adoptedOn}.
 *
 * @param movingAgencies      the circulated agencies whose last answer was not {@code WITHDRAW}, deemed agreement
 *                            included, in the order they were circulated
 * @param withdrawingAgencies the circulated agencies whose last answer was {@code WITHDRAW}
 */
@Revision("1")
public record CodeVersionAdopted(
        String consultationId,
        String codeVersion,
        String title,
        LocalDate adoptedOn,
        String note,
        List<String> movingAgencies,
        List<String> withdrawingAgencies,
        Instant recordedAt) {

    public CodeVersionAdopted {
        movingAgencies = List.copyOf(movingAgencies);
        withdrawingAgencies = List.copyOf(withdrawingAgencies);
    }
}
