package org.sharingledger.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** Propose an Information Sharing Protocol between signatories (whose signatures the service has checked). */
public record ProposeAgreement(
        @TargetAggregateIdentifier String agreementId,
        Actor actor,
        String title,
        List<String> parties,
        String purpose,
        List<String> dataItems,
        String lawfulBasis,
        LocalDate reviewOn,
        Instant recordedAt) {}
