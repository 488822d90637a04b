package org.sharingledger.agency.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An agency named a new nominated representative. */
@Revision("1")
public record NominatedRepresentativeChanged(
        String agencyId, NominatedRepresentative previous, NominatedRepresentative current, Instant recordedAt) {}
