package org.sharingledger.consultation.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The Trust circulated a new version of the Code of Practice for answers by {@code respondBy}.
 *
 * @param circulatedTo the agencies signed when it opened, fixed here: only they may answer, and those of them that
 *                     have not answered by {@code respondBy} are deemed to agree
 */
@Revision("1")
public record ConsultationOpened(
        String consultationId,
        String codeVersion,
        String title,
        String summaryOfChanges,
        Instant respondBy,
        List<String> circulatedTo,
        Instant recordedAt) {

    public ConsultationOpened {
        circulatedTo = List.copyOf(circulatedTo);
    }
}
