package org.sharingledger.timeline;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.timeline.api.GrantTimelineAccess;
import org.sharingledger.timeline.api.RecordTimelineQuery;
import org.sharingledger.timeline.api.RevokeTimelineAccess;
import org.sharingledger.timeline.api.TimelineAccessGranted;
import org.sharingledger.timeline.api.TimelineAccessRevoked;
import org.sharingledger.timeline.api.TimelineQueried;
import org.sharingledger.timeline.api.TimelineSubject;

/** One grant of access to one subject's timeline: live from its grant until it expires or is revoked. */
@Aggregate
class TimelineGrant {

    @AggregateIdentifier
    private String grantId;

    private String reviewer;
    private String review;
    private TimelineSubject subject;
    private Instant validUntil;
    private boolean revoked;

    protected TimelineGrant() {}

    /** A grant must end in the future and name a reviewer other than the grantor. */
    @CommandHandler
    TimelineGrant(GrantTimelineAccess command) {
        if (!command.validUntil().isAfter(command.recordedAt())) {
            throw new InvalidInput("validUntil", "must be in the future");
        }
        if (command.reviewer().equals(command.grantedBy())) {
            throw new NotPermitted("nobody may grant timeline access to themselves: a grant names another reviewer");
        }
        apply(new TimelineAccessGranted(
                command.grantId(),
                command.reviewer(),
                command.review(),
                command.reason(),
                command.validUntil(),
                command.subject(),
                command.recordedAt()));
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

    /** Looking is allowed only to the grant's reviewer, while it is live, for the subject it names. */
    @CommandHandler
    void handle(RecordTimelineQuery command) {
        Actor actor = command.actor();
        if (!actor.username().equals(reviewer) || !actor.has(Role.CASE_REVIEWER)) {
            throw new NotPermitted("only the CASE_REVIEWER the grant names may query timelines under it");
        }
        if (revoked) {
            throw new NotPermitted("the grant was revoked: only a CASE_REVIEWER with a live grant may query timelines");
        }
        if (!validUntil.isAfter(command.recordedAt())) {
            throw new NotPermitted("the grant expired at " + validUntil
                    + ": only a CASE_REVIEWER with a live grant may query timelines");
        }
        if (!subject.covers(command.subject())) {
            throw new NotPermitted("the grant is for another child or case: only a CASE_REVIEWER with a grant for this "
                    + "child or case may query its timeline");
        }
        apply(new TimelineQueried(
                grantId,
                reviewer,
                review,
                command.subject(),
                command.asOf(),
                command.reason(),
                command.format(),
                command.agencies(),
                command.recordedAt()));
    }

    @EventSourcingHandler
    void on(TimelineAccessGranted event) {
        grantId = event.grantId();
        reviewer = event.reviewer();
        review = event.review();
        subject = event.subject();
        validUntil = event.validUntil();
    }

    @EventSourcingHandler
    void on(TimelineAccessRevoked event) {
        revoked = true;
    }
}
