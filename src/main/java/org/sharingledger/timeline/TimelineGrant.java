package org.sharingledger.timeline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.timeline.api.GrantTimelineAccess;
import org.sharingledger.timeline.api.RevokeTimelineAccess;
import org.sharingledger.timeline.api.TimelineAccessGranted;
import org.sharingledger.timeline.api.TimelineAccessRevoked;

/** One grant of access to one subject's timeline: live from its grant until it expires or is revoked. */
@Aggregate
class TimelineGrant {

    @AggregateIdentifier
    private String grantId;
    private String reviewer;
    private Instant validUntil;
    private boolean revoked;

    protected TimelineGrant() {
    }

    @CommandHandler
    TimelineGrant(GrantTimelineAccess command) {
        if (!command.validUntil().isAfter(command.recordedAt())) {
            throw new InvalidInput("validUntil", "must be in the future");
        }
        apply(new TimelineAccessGranted(command.grantId(), command.reviewer(), command.review(), command.reason(),
                command.validUntil(), command.subject(), command.recordedAt()));
    }

    @CommandHandler
    void handle(RevokeTimelineAccess command) {
        if (revoked) {
            throw new StepNotAllowed("the grant was already revoked");
        }
        if (!validUntil.isAfter(command.recordedAt())) {
            throw new StepNotAllowed("the grant has already expired");
        }
        apply(new TimelineAccessRevoked(grantId, reviewer, command.reason(), command.recordedAt()));
    }

    @EventSourcingHandler
    void on(TimelineAccessGranted event) {
        grantId = event.grantId();
        reviewer = event.reviewer();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(TimelineAccessRevoked event) {
        revoked = true;
    }
}
