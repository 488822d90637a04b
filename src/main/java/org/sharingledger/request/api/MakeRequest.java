package org.sharingledger.request.api;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;
import org.sharingledger.subject.api.SubjectKind;

/**
 * Ask another agency for information about a child. The child is named only by pseudonym; their identifier, and their
 * name and date of birth if given, only sealed under their own key ({@code subjectDetails}). {@code allowance} is the
 * time the holding agency has to decide, by urgency.
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
        Duration allowance) {}
