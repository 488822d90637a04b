package org.sharingledger.request.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.sharingledger.subject.api.SubjectKind;

/** One agency asked another for information about a child, for a purpose, on a lawful basis, by a due time. */
@Revision("1")
public record InformationRequested(String requestId, String requestingAgencyId, String holdingAgencyId,
                                   String subjectPseudonym, SubjectKind subjectKind, String caseReference,
                                   Purpose purpose, String purposeDetail, LawfulBasis lawfulBasis, Consent consent,
                                   Urgency urgency, String informationSought, Instant requestedAt, Instant dueBy) {
}
