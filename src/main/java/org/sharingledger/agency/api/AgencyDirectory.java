package org.sharingledger.agency.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Looks up a registered agency; answered by the read side, consistent with the events already committed. */
public interface AgencyDirectory {

    Optional<RegisteredAgency> find(String agencyId);

    /** The ids of every agency signed at this moment, in the order of their ids. */
    List<String> signedAgencyIds();

    /** The day its current period of membership began (its last signature); empty for an unknown agency. */
    Optional<LocalDate> signedOn(String agencyId);
    /** The agency that commissions this one, if any (empty for an unknown agency too). */
    Optional<String> commissionerOf(String agencyId);

    /** What other features need to know of an agency. */
    record RegisteredAgency(String agencyId, String name, Sector sector, AgencyStatus status) {

        public boolean signed() {
            return status == AgencyStatus.SIGNED;
        }
    }
}
