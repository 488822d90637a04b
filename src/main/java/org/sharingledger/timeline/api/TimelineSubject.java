package org.sharingledger.timeline.api;

import org.sharingledger.subject.api.SubjectKind;

/**
 * Whose timeline: a child by pseudonym (of an NHS number, or of an agency's local reference), or one case by its
 * case reference.
 *
 * @param kind          NHS_NUMBER or LOCAL_REFERENCE for a child; null for a case reference
 * @param pseudonym     the child's pseudonym, or null for a case reference
 * @param caseReference the case reference, or null for a child
 */
public record TimelineSubject(SubjectKind kind, String pseudonym, String caseReference) {

    public static TimelineSubject child(SubjectKind kind, String pseudonym) {
        return new TimelineSubject(kind, pseudonym, null);
    }

    public static TimelineSubject caseReference(String caseReference) {
        return new TimelineSubject(null, null, caseReference);
    }

    /** Whether a query about {@code other} falls under a grant for this subject. */
    public boolean covers(TimelineSubject other) {
        return pseudonym != null ? pseudonym.equals(other.pseudonym()) : caseReference.equals(other.caseReference());
    }
}
