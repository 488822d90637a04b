package org.sharingledger.subject.api;

/** How the requester identified the child: by NHS number (joins across agencies) or by its own local reference. */
public enum SubjectKind {
    NHS_NUMBER,
    LOCAL_REFERENCE
}
