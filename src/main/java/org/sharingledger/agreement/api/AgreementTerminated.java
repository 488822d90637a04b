package org.sharingledger.agreement.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The agreement ended: nothing more can be shared under it.
 *
 * @param withdrawnAgencyId the party whose withdrawal from the Code ended it, or null when a party or the Trust ended
 *                          it
 */
@Revision("1")
public record AgreementTerminated(String agreementId, String reason, String withdrawnAgencyId, Instant recordedAt) {}
