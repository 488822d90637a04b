package org.sharingledger.projections.timeline;

import org.sharingledger.projections.pages.Labelled;

/**
 * How a grant names whose timeline it opens, as the grants' read model keeps it: a child by one of the
 * {@code SubjectKind}s, or a case ({@code CASE_REFERENCE}, a grant without a subject kind). Here so that each has a
 * label in {@code messages.properties}.
 */
@Labelled
public enum GrantSubject {
    NHS_NUMBER,
    LOCAL_REFERENCE,
    CASE_REFERENCE
}
