package org.sharingledger.access;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.access.api.LockoutScope;
import org.sharingledger.access.api.RecordSignInLockout;
import org.sharingledger.access.api.SignInLockedOut;

/** A sign-in lockout: one event, a stream of its own. */
class SignInLockoutFixtureTest {

    private static final Instant AT = Instant.parse("2009-03-03T10:00:00Z");
    private static final Instant UNTIL = Instant.parse("2009-03-03T10:05:00Z");

    private AggregateTestFixture<SignInLockout> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SignInLockout.class);
    }

    @Test
    void anAccountsLockoutIsRecordedWithTheAddressThatTippedIt() {
        fixture.givenNoPriorActivity()
                .when(new RecordSignInLockout("l-1", LockoutScope.ACCOUNT, "sue.dsl", "192.0.2.1", 5, 1, UNTIL, 0, AT))
                .expectEvents(
                        new SignInLockedOut("l-1", LockoutScope.ACCOUNT, "sue.dsl", "192.0.2.1", 5, 1, UNTIL, 0, AT));
    }

    @Test
    void anAddresssLockoutNamesNoAccount() {
        fixture.givenNoPriorActivity()
                .when(new RecordSignInLockout(
                        "l-2", LockoutScope.CLIENT_ADDRESS, "sue.dsl", "192.0.2.1", 100, 2, UNTIL, 3, AT))
                .expectEvents(new SignInLockedOut(
                        "l-2", LockoutScope.CLIENT_ADDRESS, null, "192.0.2.1", 100, 2, UNTIL, 3, AT));
    }

    @Test
    void aLockoutMustEndAfterItBegins() {
        fixture.givenNoPriorActivity()
                .when(new RecordSignInLockout("l-3", LockoutScope.ACCOUNT, "sue.dsl", "192.0.2.1", 5, 1, AT, 0, AT))
                .expectException(invalidInputOn("lockedUntil"));
    }
}
