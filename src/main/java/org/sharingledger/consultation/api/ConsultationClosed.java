package org.sharingledger.consultation.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The consultation's closing time passed (recorded by the ledger itself, from a deadline that survives restarts).
 * No quorum applies: silence is agreement.
 *
 * @param deemedToAgree the circulated agencies that never answered, in the order circulated
 */
@Revision("1")
public record ConsultationClosed(
        String consultationId, String codeVersion, List<String> deemedToAgree, Instant recordedAt) {

    public ConsultationClosed {
        deemedToAgree = List.copyOf(deemedToAgree);
    }
}
