package org.sharingledger.agency.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An agency withdrew from the Code of Practice: it can neither make nor receive new requests. */
@Revision("1")
public record AgencyWithdrawn(String agencyId, LocalDate withdrawnOn, String reason, Instant recordedAt) {}
