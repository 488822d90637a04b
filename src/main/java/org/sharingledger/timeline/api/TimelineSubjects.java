package org.sharingledger.timeline.api;

import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.subject.api.SubjectKind;

/**
 * Reads whose timeline is meant from what a person typed: exactly one of an NHS number, a case reference with the
 * agency that set it, or an agency with its local reference. Invalid input is a 400 naming the field, never echoing the value.
 */
public final class TimelineSubjects {

    private TimelineSubjects() {}

    public static TimelineSubject from(
            String nhsNumber,
            String caseReference,
            String agencyId,
            String localReference,
            SubjectPseudonyms pseudonyms) {
        boolean nhs = present(nhsNumber);
        boolean byCase = present(caseReference);
        // An agency alone counts as the start of a local reference, as it always has.
        boolean local = present(localReference) || (present(agencyId) && !byCase);
        if ((nhs ? 1 : 0) + (byCase ? 1 : 0) + (local ? 1 : 0) != 1) {
            throw new InvalidInput(
                    "subject",
                    "give exactly one of nhsNumber, caseReference with agencyId, or agencyId with localReference");
        }
        if (nhs) {
            return TimelineSubject.child(
                    SubjectKind.NHS_NUMBER,
                    pseudonyms.of(NhsNumber.parse(nhsNumber)
                            .orElseThrow(() -> new InvalidInput(
                                    "nhsNumber", "is not a valid NHS number (10 digits with a valid check digit)"))));
        }
        if (byCase) {
            if (!present(agencyId)) {
                throw new InvalidInput(
                        "agencyId",
                        "is required with caseReference: a case reference names a case only with the agency that "
                                + "set it");
            }
            return TimelineSubject.caseReference(caseReference.strip(), agencyId.strip());
        }
        if (!present(agencyId) || !present(localReference)) {
            throw new InvalidInput(
                    present(agencyId) ? "localReference" : "agencyId",
                    "is required with " + (present(agencyId) ? "agencyId" : "localReference"));
        }
        return TimelineSubject.child(
                SubjectKind.LOCAL_REFERENCE, pseudonyms.ofLocalReference(agencyId, localReference));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
