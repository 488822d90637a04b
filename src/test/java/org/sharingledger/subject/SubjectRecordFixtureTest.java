package org.sharingledger.subject;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.sharingledger.subject.api.EraseSubjectDetails;
import org.sharingledger.subject.api.SubjectDetailsErased;

/**
 * Erasing a child's personal details, rule by rule: given the erasures already recorded for the child, when someone
 * asks to erase (and whether the ledger holds a key for the child right now), then what is recorded or refused.
 */
class SubjectRecordFixtureTest {

    private static final String PSEUDONYM = "3c1f0e4b9a7d5c2e8f6a4b3c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e";
    private static final Actor ADMIN = new Actor("ada.admin", null, List.of(Role.ADMIN));
    private static final Actor TRUST_REVIEWER = new Actor("tessa.trust", null, List.of(Role.TRUST_REVIEWER));
    private static final Actor PRACTITIONER = new Actor("lisa.sw", "county-csc", List.of(Role.PRACTITIONER));
    private static final String LEGAL_BASIS = "UK GDPR article 17(1)(a): no longer necessary";
    private static final String REASON = "The family asked; the case closed in 2009";
    private static final Instant ERASED_AT = Instant.parse("2010-02-01T10:00:00Z");
    private static final Instant ERASED_AGAIN_AT = Instant.parse("2011-06-15T08:30:00Z");

    private AggregateTestFixture<SubjectRecord> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubjectRecord.class);
    }

    @Test
    void anAdministratorErasesDetailsTheLedgerHolds() {
        fixture.givenNoPriorActivity()
                .when(erase(ADMIN, true, ERASED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SubjectDetailsErased(PSEUDONYM, LEGAL_BASIS, REASON, ERASED_AT));
    }

    @Test
    void theLedgerItselfErasesWhenTheRetentionPeriodEnds() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubjectDetails(
                        PSEUDONYM,
                        Actor.SYSTEM,
                        "Retention period ended (P8Y)",
                        "No request carried this child's personal details after 2002-01-31T10:00:00Z.",
                        true,
                        ERASED_AT))
                .expectEvents(new SubjectDetailsErased(
                        PSEUDONYM,
                        "Retention period ended (P8Y)",
                        "No request carried this child's personal details after 2002-01-31T10:00:00Z.",
                        ERASED_AT));
    }

    @Test
    void aTrustReviewerMayNotErase() {
        fixture.givenNoPriorActivity()
                .when(erase(TRUST_REVIEWER, true, ERASED_AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void aPractitionerMayNotErase() {
        fixture.givenNoPriorActivity()
                .when(erase(PRACTITIONER, true, ERASED_AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    @Test
    void detailsTheLedgerNeverHeldCannotBeErased() {
        fixture.givenNoPriorActivity()
                .when(erase(ADMIN, false, ERASED_AT))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void detailsAlreadyErasedCannotBeErasedAgain() {
        fixture.given(new SubjectDetailsErased(PSEUDONYM, LEGAL_BASIS, REASON, ERASED_AT))
                .when(erase(ADMIN, false, ERASED_AGAIN_AT))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void detailsGivenAgainAfterAnErasureCanBeErasedInTheirTurn() {
        fixture.given(new SubjectDetailsErased(PSEUDONYM, LEGAL_BASIS, REASON, ERASED_AT))
                .when(erase(ADMIN, true, ERASED_AGAIN_AT))
                .expectEvents(new SubjectDetailsErased(PSEUDONYM, LEGAL_BASIS, REASON, ERASED_AGAIN_AT));
    }

    @Test
    void anErasureStatesItsLegalBasisAndReason() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubjectDetails(PSEUDONYM, ADMIN, " ", null, true, ERASED_AT))
                .expectException(invalidInputOn("legalBasis", "reason"))
                .expectNoEvents();
    }

    @Test
    void aLegalBasisOrReasonHasAtMost500Characters() {
        fixture.givenNoPriorActivity()
                .when(new EraseSubjectDetails(PSEUDONYM, ADMIN, "x".repeat(501), "y".repeat(500), true, ERASED_AT))
                .expectException(invalidInputOn("legalBasis"))
                .expectNoEvents();
    }

    @Test
    void aRefusedActorIsToldSoBeforeWhetherThereIsAnythingToErase() {
        fixture.givenNoPriorActivity()
                .when(erase(PRACTITIONER, false, ERASED_AT))
                .expectException(NotPermitted.class)
                .expectNoEvents();
    }

    private static EraseSubjectDetails erase(Actor actor, boolean detailsHeld, Instant at) {
        return new EraseSubjectDetails(PSEUDONYM, actor, LEGAL_BASIS, REASON, detailsHeld, at);
    }
}
