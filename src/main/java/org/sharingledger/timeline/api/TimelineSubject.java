package org.sharingledger.timeline.api;

import org.sharingledger.subject.api.SubjectKind;

/**
 * Whose timeline: a child by pseudonym (of an NHS number, or of an agency's local reference), or one case by its
 * case reference and the agency that set it. A case reference is free text chosen by the requesting agency, so it
 * names a case only together with that agency: the same reference used by another agency is another case.
 *
 * @param kind          NHS_NUMBER or LOCAL_REFERENCE for a child; null for a case reference
 * @param pseudonym     the child's pseudonym, or null for a case reference
 * @param caseReference the case reference, or null for a child
 * @param agencyId      for a case reference, the agency that set it (the requesting agency); null for a child. Null
 *                      too in grants given before case references were scoped to agencies: such a grant covers no
 *                      case (see docs/timelines.md)
 */
public record TimelineSubject(SubjectKind kind, String pseudonym, String caseReference, String agencyId) {

    public static TimelineSubject child(SubjectKind kind, String pseudonym) {
        return new TimelineSubject(kind, pseudonym, null, null);
    }

    public static TimelineSubject caseReference(String caseReference, String agencyId) {
        return new TimelineSubject(null, null, caseReference, agencyId);
    }

    /**
     * Whether a query about {@code other} falls under a grant for this subject: the same child, or the same case
     * reference of the same agency (a grant for a case reference without an agency covers nothing).
     */
    public boolean covers(TimelineSubject other) {
        if (pseudonym != null) {
            return pseudonym.equals(other.pseudonym());
        }
        return caseReference != null
                && agencyId != null
                && caseReference.equals(other.caseReference())
                && agencyId.equals(other.agencyId());
    }
}
