package org.sharingledger.request.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;
import org.sharingledger.subject.api.SubjectKind;

/**
 * Ask another agency for information about a child. The child is named only by pseudonym; their identifier, and their
 * name and date of birth if given, only sealed under their own key ({@code subjectDetails}). {@code allowance} is the
 * time the holding agency has to decide, by urgency. {@code agreementId}: the Information Sharing Protocol it is made
 * under, checked by the request service to be in force between the two agencies, or null.
 */
public record MakeRequest(
        @TargetAggregateIdentifier String requestId,
        Actor actor,
        String requestingAgencyId,
        String holdingAgencyId,
        String subjectPseudonym,
        SubjectKind subjectKind,
        String subjectDetails,
        String caseReference,
        Purpose purpose,
        String purposeDetail,
        LawfulBasis lawfulBasis,
        Consent consent,
        Urgency urgency,
        String informationSought,
        Instant recordedAt,
        Duration allowance,
        String agreementId) {

    /** A request under no Information Sharing Protocol. */
    public MakeRequest(
            String requestId,
            Actor actor,
            String requestingAgencyId,
            String holdingAgencyId,
            String subjectPseudonym,
            SubjectKind subjectKind,
            String subjectDetails,
            String caseReference,
            Purpose purpose,
            String purposeDetail,
            LawfulBasis lawfulBasis,
            Consent consent,
            Urgency urgency,
            String informationSought,
            Instant recordedAt,
            Duration allowance) {
        this(
                requestId,
                actor,
                requestingAgencyId,
                holdingAgencyId,
                subjectPseudonym,
                subjectKind,
                subjectDetails,
                caseReference,
                purpose,
                purposeDetail,
                lawfulBasis,
                consent,
                urgency,
                informationSought,
                recordedAt,
                allowance,
                null);
    }
}
