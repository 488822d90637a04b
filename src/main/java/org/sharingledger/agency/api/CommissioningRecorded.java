package org.sharingledger.agency.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Another signatory commissions this agency to provide services (the agency is its provider, agent or
 * subcontractor), under a contract; the contracts officer monitors that its providers stay signed.
 *
 * @param previousCommissionedBy the commissioner it replaces, null when the agency had none
 * @param previousContractReference the contract reference it replaces, null when there was none
 * @param contractReference the commissioner's reference for the contract, null when it has none
 */
@Revision("1")
public record CommissioningRecorded(
        String agencyId,
        String previousCommissionedBy,
        String previousContractReference,
        String commissionedBy,
        String contractReference,
        Instant recordedAt) {}
