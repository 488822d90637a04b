package org.sharingledger.agreement.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A party withdrew from the Code of Practice: the ledger ends each of its agreements still in force or awaiting
 * signatures. Sent by the ledger itself in reaction to the withdrawal, so it needs no one's permission; an agreement
 * already terminated records nothing.
 */
public record EndAgreementOnWithdrawal(
        @TargetAggregateIdentifier String agreementId,
        String agencyId,
        LocalDate withdrawnOn,
        String withdrawalReason,
        Instant recordedAt) {}
