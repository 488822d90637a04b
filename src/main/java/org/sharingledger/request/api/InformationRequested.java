package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.sharingledger.subject.api.SubjectKind;

/**
 * One agency asked another for information about a child, for a purpose, on a lawful basis, by a due time.
 *
 * @param subjectDetails the child's identifier, and name and date of birth as the request carried them, only sealed
 *                       under the child's own key ({@code SubjectDetails.seal}), never in clear. Requests made before
 *                       the identifier was sealed with them carry null when they gave no name or date of birth; events
 *                       stored before personal details existed lack the field and read it as null, which is what it
 *                       means there too: so the revision stays 1, with no upcaster.
 * @param agreementId    the Information Sharing Protocol the request was made under, or null. Only an agreement in
 *                       force between the two agencies is cited; events stored before agreements existed lack the
 *                       field and read it as null, which is what it means there too: the revision stays 1.
 */
@Revision("1")
public record InformationRequested(
        String requestId,
        String requestingAgencyId,
        String holdingAgencyId,
        String subjectPseudonym,
        SubjectKind subjectKind,
        String caseReference,
        Purpose purpose,
        String purposeDetail,
        LawfulBasis lawfulBasis,
        Consent consent,
        Urgency urgency,
        String informationSought,
        Instant requestedAt,
        Instant dueBy,
        String subjectDetails,
        String agreementId) {}
