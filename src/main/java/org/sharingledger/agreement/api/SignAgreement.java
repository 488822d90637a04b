package org.sharingledger.agreement.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** Sign the agreement for one party, by that party's nominated representative. */
public record SignAgreement(
        @TargetAggregateIdentifier String agreementId, Actor actor, String agencyId, Instant recordedAt) {}
