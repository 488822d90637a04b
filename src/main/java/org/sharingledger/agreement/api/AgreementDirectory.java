package org.sharingledger.agreement.api;

import java.util.List;
import java.util.Optional;

/**
 * Looks up agreements; answered by the read side, kept in the same transaction as the agreements' events, so it is
 * consistent with every event already committed.
 */
public interface AgreementDirectory {

    Optional<RegisteredAgreement> find(String agreementId);

    /** The agreements an agency is party to that are not terminated: those its withdrawal ends. */
    List<String> notTerminatedOf(String agencyId);

    /** What other features need to know of an agreement. */
    record RegisteredAgreement(String agreementId, String title, AgreementStatus status, List<String> parties) {

        public RegisteredAgreement {
            parties = List.copyOf(parties);
        }

        /** Whether a request from one of these agencies to the other may be made under it: only while ACTIVE. */
        public boolean inForceBetween(String oneAgencyId, String otherAgencyId) {
            return status == AgreementStatus.ACTIVE
                    && parties.contains(oneAgencyId)
                    && parties.contains(otherAgencyId)
                    && !oneAgencyId.equals(otherAgencyId);
        }
    }
}
