package org.sharingledger.access;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.access.api.AccessDenied;
import org.sharingledger.access.api.IssueToken;
import org.sharingledger.access.api.RecordAccessDenied;
import org.sharingledger.access.api.RegisterUser;
import org.sharingledger.access.api.RevokeToken;
import org.sharingledger.access.api.TokenIssued;
import org.sharingledger.access.api.TokenRevoked;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.StepNotAllowed;

/** A user account: registration, personal access tokens, and the attempts it was refused. */
class UserAccountFixtureTest {

    private static final String USERNAME = "sue.dsl";
    private static final String DISPLAY_NAME = "Sue Dsl";
    private static final String AGENCY_ID = "brackenmoor-primary-school";
    private static final Instant REGISTERED_AT = Instant.parse("2009-03-03T10:00:00Z");
    private static final Instant ISSUED_AT = Instant.parse("2009-03-04T09:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2009-06-04T09:00:00Z");
    private static final Instant REVOKED_AT = Instant.parse("2009-03-20T17:05:00Z");
    private static final String TOKEN_ID = "tok-5b2e";

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    @Test
    void registrationRecordsRolesSortedAndDistinct() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(
                        USERNAME,
                        DISPLAY_NAME,
                        AGENCY_ID,
                        List.of(Role.NOMINATED_REPRESENTATIVE, Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE),
                        REGISTERED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(
                        USERNAME,
                        DISPLAY_NAME,
                        AGENCY_ID,
                        List.of(Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE),
                        REGISTERED_AT));
    }

    @Test
    void registrationNeedsAtLeastOneRole() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USERNAME, DISPLAY_NAME, AGENCY_ID, List.of(), REGISTERED_AT))
                .expectException(invalidInputOn("roles"))
                .expectNoEvents();
    }

    @Test
    void registrationWithoutRoleListIsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USERNAME, DISPLAY_NAME, AGENCY_ID, null, REGISTERED_AT))
                .expectException(invalidInputOn("roles"))
                .expectNoEvents();
    }

    @Test
    void practitionerNeedsAnAgency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USERNAME, DISPLAY_NAME, null, List.of(Role.PRACTITIONER), REGISTERED_AT))
                .expectException(invalidInputOn("agencyId"))
                .expectNoEvents();
    }

    @Test
    void nominatedRepresentativeNeedsAnAgency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(
                        USERNAME,
                        DISPLAY_NAME,
                        null,
                        List.of(Role.CASE_REVIEWER, Role.NOMINATED_REPRESENTATIVE),
                        REGISTERED_AT))
                .expectException(invalidInputOn("agencyId"))
                .expectNoEvents();
    }

    @Test
    void trustReviewerNeedsNoAgency() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser("tessa.trust", "Tessa Trust", null, List.of(Role.TRUST_REVIEWER), REGISTERED_AT))
                .expectEvents(new UserRegistered(
                        "tessa.trust", "Tessa Trust", null, List.of(Role.TRUST_REVIEWER), REGISTERED_AT));
    }

    @Test
    void issuingTokenRecordsIt() {
        fixture.given(registered())
                .when(new IssueToken(USERNAME, TOKEN_ID, "case system", EXPIRES_AT, ISSUED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued());
    }

    @Test
    void revokingTokenRecordsWhoRevokedIt() {
        fixture.given(registered(), issued())
                .when(new RevokeToken(USERNAME, TOKEN_ID, "admin.ferrow", REVOKED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TokenRevoked(USERNAME, TOKEN_ID, "admin.ferrow", REVOKED_AT));
    }

    @Test
    void cannotRevokeTokenTwice() {
        fixture.given(registered(), issued(), new TokenRevoked(USERNAME, TOKEN_ID, USERNAME, REVOKED_AT))
                .when(new RevokeToken(USERNAME, TOKEN_ID, "admin.ferrow", REVOKED_AT.plusSeconds(30)))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void cannotRevokeUnknownToken() {
        fixture.given(registered(), issued())
                .when(new RevokeToken(USERNAME, "tok-unknown", USERNAME, REVOKED_AT))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void deniedAttemptIsRecorded() {
        fixture.given(registered())
                .when(new RecordAccessDenied(
                        USERNAME,
                        AGENCY_ID,
                        List.of(Role.PRACTITIONER),
                        "POST",
                        "/api/agencies",
                        "only an ADMIN may sign agencies",
                        REVOKED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccessDenied(
                        USERNAME,
                        AGENCY_ID,
                        List.of(Role.PRACTITIONER),
                        "POST",
                        "/api/agencies",
                        "only an ADMIN may sign agencies",
                        REVOKED_AT));
    }

    private static UserRegistered registered() {
        return new UserRegistered(USERNAME, DISPLAY_NAME, AGENCY_ID, List.of(Role.PRACTITIONER), REGISTERED_AT);
    }

    private static TokenIssued issued() {
        return new TokenIssued(USERNAME, TOKEN_ID, "case system", EXPIRES_AT, ISSUED_AT);
    }
}
