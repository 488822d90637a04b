package org.sharingledger.timeline;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.subject.api.SubjectKind;
import org.sharingledger.timeline.api.GrantTimelineAccess;
import org.sharingledger.timeline.api.RecordTimelineQuery;
import org.sharingledger.timeline.api.RevokeTimelineAccess;
import org.sharingledger.timeline.api.TimelineAccessGranted;
import org.sharingledger.timeline.api.TimelineAccessRevoked;
import org.sharingledger.timeline.api.TimelineQueried;
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
                .when(new GrantTimelineAccess(
                        "g1", "reviewer", "SCR Child A", "Serious case review", UNTIL, CHILD, NOW, "trust"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(granted());
    }

    @Test
    void aGrantMustEndInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new GrantTimelineAccess("g1", "reviewer", "SCR", "why", NOW.minusSeconds(1), CHILD, NOW, "trust"))
                .expectException(invalidInputOn("validUntil"))
                .expectNoEvents();
    }

    @Test
    void aGrantorCannotGrantThemselves() {
        fixture.givenNoPriorActivity()
                .when(new GrantTimelineAccess("g1", "reviewer", "SCR", "why", UNTIL, CHILD, NOW, "reviewer"))
                .expectException(NotPermitted.class)
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

    private static RecordTimelineQuery query(Actor actor, TimelineSubject subject, Instant at) {
        return new RecordTimelineQuery("g1", actor, subject, null, "chronology", "json", List.of("police", "csc"), at);
    }

    private static final Actor REVIEWER = new Actor("reviewer", null, List.of(Role.CASE_REVIEWER));

    @Test
    void theGrantsReviewerQueriesItsSubjectAndTheQueryIsRecorded() {
        fixture.given(granted())
                .when(query(REVIEWER, CHILD, NOW.plusSeconds(60)))
                .expectEvents(new TimelineQueried(
                        "g1",
                        "reviewer",
                        "SCR Child A",
                        CHILD,
                        null,
                        "chronology",
                        "json",
                        List.of("police", "csc"),
                        NOW.plusSeconds(60)));
    }

    @Test
    void cannotQueryAnotherSubjectUnderTheGrant() {
        fixture.given(granted())
                .when(query(
                        REVIEWER, TimelineSubject.child(SubjectKind.NHS_NUMBER, "b".repeat(64)), NOW.plusSeconds(60)))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void cannotQueryUnderSomeoneElsesGrant() {
        fixture.given(granted())
                .when(query(new Actor("other", null, List.of(Role.CASE_REVIEWER)), CHILD, NOW.plusSeconds(60)))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void cannotQueryUnderARevokedGrant() {
        fixture.given(granted(), new TimelineAccessRevoked("g1", "reviewer", "done", NOW.plusSeconds(30)))
                .when(query(REVIEWER, CHILD, NOW.plusSeconds(60)))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void cannotQueryUnderAnExpiredGrant() {
        fixture.given(granted())
                .when(query(REVIEWER, CHILD, UNTIL))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void aReviewerWhoLostTheRoleCannotQuery() {
        fixture.given(granted())
                .when(query(new Actor("reviewer", null, List.of(Role.TRUST_REVIEWER)), CHILD, NOW.plusSeconds(60)))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void aGrantForAChildCoversOnlyThatChildAndACaseGrantOnlyThatCase() {
        Assertions.assertThat(CHILD.covers(TimelineSubject.child(SubjectKind.NHS_NUMBER, "a".repeat(64))))
                .isTrue();
        Assertions.assertThat(CHILD.covers(TimelineSubject.child(SubjectKind.NHS_NUMBER, "b".repeat(64))))
                .isFalse();
        Assertions.assertThat(CHILD.covers(TimelineSubject.caseReference("CSC-1", "csc")))
                .isFalse();
        Assertions.assertThat(TimelineSubject.caseReference("CSC-1", "csc")
                        .covers(TimelineSubject.caseReference("CSC-1", "csc")))
                .isTrue();
    }

    @Test
    void aCaseReferenceIsTheAgencysOwnSoAGrantForItCoversNoOtherAgencysSameReference() {
        Assertions.assertThat(TimelineSubject.caseReference("CSC-1", "csc")
                        .covers(TimelineSubject.caseReference("CSC-1", "police")))
                .isFalse();
        Assertions.assertThat(new TimelineSubject(null, null, "CSC-1", null)
                        .covers(TimelineSubject.caseReference("CSC-1", "csc")))
                .as("a grant given before references were scoped to agencies covers no case")
                .isFalse();
    }

    @Test
    void aQueryUnderACaseGrantForAnotherAgencysSameReferenceIsRefused() {
        TimelineSubject byCase = TimelineSubject.caseReference("CSC-1", "csc");
        fixture.given(new TimelineAccessGranted("g1", "reviewer", "SCR", "why", UNTIL, byCase, NOW))
                .when(query(
                        new Actor("reviewer", null, List.of(Role.CASE_REVIEWER)),
                        TimelineSubject.caseReference("CSC-1", "police"),
                        NOW.plusSeconds(60)))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }
}
