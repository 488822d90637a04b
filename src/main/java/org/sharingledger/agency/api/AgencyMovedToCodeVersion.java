package org.sharingledger.agency.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A signed agency moved to a version of the Code of Practice adopted after a consultation: from {@code effectiveOn}
 * (the day the version was adopted) it is on {@code codeVersion}.
 *
 * @param previousVersion the version it was on
 * @param consultationId  the consultation whose adoption moved it
 */
@Revision("1")
public record AgencyMovedToCodeVersion(
        String agencyId,
        String previousVersion,
        String codeVersion,
        String consultationId,
        LocalDate effectiveOn,
        Instant recordedAt) {}
