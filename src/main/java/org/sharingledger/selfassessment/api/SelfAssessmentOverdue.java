package org.sharingledger.selfassessment.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The round's due time passed (recorded by the ledger itself, from a deadline that survives restarts). The round is
 * closed from then on, but late returns are still taken.
 *
 * @param outstanding the circulated agencies that had not returned, in the order circulated (possibly none)
 */
@Revision("1")
public record SelfAssessmentOverdue(String selfAssessmentId, List<String> outstanding, Instant recordedAt) {

    public SelfAssessmentOverdue {
        outstanding = List.copyOf(outstanding);
    }
}
