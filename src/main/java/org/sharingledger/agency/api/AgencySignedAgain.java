package org.sharingledger.agency.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A withdrawn agency signed the Code of Practice again: from {@code signedOn} it is a signatory once more, a new
 * period of membership. Its users stay as they are (a withdrawal disabled them; an administrator enables them again).
 *
 * @param previouslyWithdrawnOn the day its last period of membership ended
 */
@Revision("1")
public record AgencySignedAgain(
        String agencyId,
        LocalDate signedOn,
        String codeOfPracticeVersion,
        NominatedRepresentative nominatedRepresentative,
        LocalDate previouslyWithdrawnOn,
        Instant recordedAt) {}
