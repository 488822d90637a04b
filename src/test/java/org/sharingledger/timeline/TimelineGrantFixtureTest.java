package org.sharingledger.timeline;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.subject.api.SubjectKind;
import org.sharingledger.timeline.api.GrantTimelineAccess;
import org.sharingledger.timeline.api.RevokeTimelineAccess;
import org.sharingledger.timeline.api.TimelineAccessGranted;
import org.sharingledger.timeline.api.TimelineAccessRevoked;
import org.sharingledger.timeline.api.TimelineSubject;

class TimelineGrantFixtureTest {

    private static final Instant NOW = Instant.parse("2010-01-11T10:00:00Z");
    private static final Instant UNTIL = Instant.parse("2010-06-30T00:00:00Z");
    private static final TimelineSubject CHILD = TimelineSubject.child(SubjectKind.NHS_NUMBER, "a".repeat(64));

    private AggregateTestFixture<TimelineGrant> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TimelineGrant.class);
    }

    private static TimelineAccessGranted granted() {
        return new TimelineAccessGranted("g1", "reviewer", "SCR Child A", "Serious case review", UNTIL, CHILD, NOW);
    }

    @Test
    void theTrustGrantsAReviewerAccessUntilADate() {
        fixture.givenNoPriorActivity()
                .when(new GrantTimelineAccess("g1", "reviewer", "SCR Child A", "Serious case review", UNTIL, CHILD,
                        NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(granted());
    }

    @Test
    void aGrantMustEndInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new GrantTimelineAccess("g1", "reviewer", "SCR", "why", NOW.minusSeconds(1), CHILD, NOW))
                .expectException(invalidInputOn("validUntil"))
                .expectNoEvents();
    }

    @Test
    void aLiveGrantCanBeRevoked() {
        fixture.given(granted())
                .when(new RevokeTimelineAccess("g1", "Review completed", NOW.plusSeconds(60)))
                .expectEvents(new TimelineAccessRevoked("g1", "reviewer", "Review completed", NOW.plusSeconds(60)));
    }

    @Test
    void cannotRevokeTwice() {
        fixture.given(granted(), new TimelineAccessRevoked("g1", "reviewer", "done", NOW.plusSeconds(60)))
                .when(new RevokeTimelineAccess("g1", "again", NOW.plusSeconds(120)))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotRevokeAnExpiredGrant() {
        fixture.given(granted())
                .when(new RevokeTimelineAccess("g1", "late", UNTIL.plusSeconds(1)))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aGrantForAChildCoversOnlyThatChildAndACaseGrantOnlyThatCase() {
        org.assertj.core.api.Assertions.assertThat(CHILD.covers(TimelineSubject.child(SubjectKind.NHS_NUMBER,
                "a".repeat(64)))).isTrue();
        org.assertj.core.api.Assertions.assertThat(CHILD.covers(TimelineSubject.child(SubjectKind.NHS_NUMBER,
                "b".repeat(64)))).isFalse();
        org.assertj.core.api.Assertions.assertThat(CHILD.covers(TimelineSubject.caseReference("CSC-1"))).isFalse();
        org.assertj.core.api.Assertions.assertThat(TimelineSubject.caseReference("CSC-1")
                .covers(TimelineSubject.caseReference("CSC-1"))).isTrue();
    }
}
