package org.sharingledger.agency.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The agency is no longer commissioned by the agency that commissioned it (the contract ended). Its own signature
 * of the Code of Practice is unchanged.
 *
 * @param commissionedBy the commissioner whose arrangement ended
 * @param contractReference that arrangement's contract reference, null when it had none
 */
@Revision("1")
public record CommissioningEnded(
        String agencyId, String commissionedBy, String contractReference, Instant recordedAt) {}
