package org.sharingledger.request.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.sharingledger.kernel.Actor;

/** The requesting agency no longer needs the information; only while no decision has been made. */
public record WithdrawRequest(
        @TargetAggregateIdentifier String requestId, Actor actor, String reason, Instant recordedAt) {}
