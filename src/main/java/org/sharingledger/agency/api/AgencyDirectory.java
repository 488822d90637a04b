package org.sharingledger.agency.api;

import java.util.Optional;

/** Looks up a registered agency; answered by the read side, consistent with the events already committed. */
public interface AgencyDirectory {

    Optional<RegisteredAgency> find(String agencyId);

    /** The agency that commissions this one, if any (empty for an unknown agency too). */
    Optional<String> commissionerOf(String agencyId);

    /** What other features need to know of an agency. */
    record RegisteredAgency(String agencyId, String name, Sector sector, AgencyStatus status) {

        public boolean signed() {
            return status == AgencyStatus.SIGNED;
        }
    }
}
