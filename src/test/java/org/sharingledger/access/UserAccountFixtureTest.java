package org.sharingledger.access;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.access.api.AccessDenied;
import org.sharingledger.access.api.ChangePassword;
import org.sharingledger.access.api.ChangeUserRoles;
import org.sharingledger.access.api.DisableUser;
import org.sharingledger.access.api.EnableUser;
import org.sharingledger.access.api.IssueToken;
import org.sharingledger.access.api.PasswordChanged;
import org.sharingledger.access.api.RecordAccessDenied;
import org.sharingledger.access.api.RegisterUser;
import org.sharingledger.access.api.RevokeToken;
import org.sharingledger.access.api.TokenIssued;
import org.sharingledger.access.api.TokenRevoked;
import org.sharingledger.access.api.UserDisabled;
import org.sharingledger.access.api.UserEnabled;
import org.sharingledger.access.api.UserRegistered;
import org.sharingledger.access.api.UserRolesChanged;
import org.sharingledger.kernel.Role;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.StepNotAllowed;

/**
 * A user account: registration, roles, disabling and enabling, password changes, personal access tokens, and the
 * attempts it was refused.
 */
class UserAccountFixtureTest {

    private static final String USERNAME = "sue.dsl";
    private static final String DISPLAY_NAME = "Sue Dsl";
    private static final String AGENCY_ID = "brackenmoor-primary-school";
    private static final Instant REGISTERED_AT = Instant.parse("2009-03-03T10:00:00Z");
    private static final Instant ISSUED_AT = Instant.parse("2009-03-04T09:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2009-06-04T09:00:00Z");
    private static final Instant REVOKED_AT = Instant.parse("2009-03-20T17:05:00Z");
    private static final String TOKEN_ID = "tok-5b2e";
    private static final String ADMIN = "admin.ferrow";
    private static final Instant CHANGED_AT = Instant.parse("2009-04-01T11:00:00Z");

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
    void anIssuedTokenIsRecordedWithItsHashOnly() {
        String hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        fixture.given(registered())
                .when(new IssueToken(USERNAME, TOKEN_ID, "case system", EXPIRES_AT, ISSUED_AT, hash))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TokenIssued(USERNAME, TOKEN_ID, "case system", EXPIRES_AT, ISSUED_AT, hash));
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
                        REVOKED_AT,
                        1,
                        null,
                        false))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AccessDenied(
                        USERNAME,
                        AGENCY_ID,
                        List.of(Role.PRACTITIONER),
                        "POST",
                        "/api/agencies",
                        "only an ADMIN may sign agencies",
                        REVOKED_AT,
                        1,
                        null,
                        null));
    }

    @Test
    void anAdministratorDisablesAnAccountWithAReason() {
        fixture.given(registered())
                .when(new DisableUser(USERNAME, "left the school", ADMIN, CHANGED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserDisabled(USERNAME, "left the school", ADMIN, CHANGED_AT));
    }

    @Test
    void disablingNeedsAReason() {
        fixture.given(registered())
                .when(new DisableUser(USERNAME, "  ", ADMIN, CHANGED_AT))
                .expectException(invalidInputOn("reason"))
                .expectNoEvents();
    }

    @Test
    void aDisabledAccountCannotBeDisabledAgain() {
        fixture.given(registered(), disabled())
                .when(new DisableUser(USERNAME, "again", ADMIN, CHANGED_AT.plusSeconds(60)))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void anAdministratorCannotDisableThemselves() {
        fixture.given(new UserRegistered(ADMIN, "Admin Ferrow", null, List.of(Role.ADMIN), REGISTERED_AT))
                .when(new DisableUser(ADMIN, "going on leave", ADMIN, CHANGED_AT))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void aDisabledAccountIsEnabledAgainWithAReason() {
        fixture.given(registered(), disabled())
                .when(new EnableUser(USERNAME, "back from leave", ADMIN, CHANGED_AT.plusSeconds(3600)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserEnabled(USERNAME, "back from leave", ADMIN, CHANGED_AT.plusSeconds(3600)));
    }

    @Test
    void anActiveAccountCannotBeEnabled() {
        fixture.given(registered())
                .when(new EnableUser(USERNAME, "why not", ADMIN, CHANGED_AT))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void enablingNeedsAReason() {
        fixture.given(registered(), disabled())
                .when(new EnableUser(USERNAME, "", ADMIN, CHANGED_AT))
                .expectException(invalidInputOn("reason"))
                .expectNoEvents();
    }

    @Test
    void anAccountThatWasEnabledAgainCanBeDisabledAgain() {
        fixture.given(registered(), disabled(), new UserEnabled(USERNAME, "back", ADMIN, CHANGED_AT.plusSeconds(60)))
                .when(new DisableUser(USERNAME, "left for good", ADMIN, CHANGED_AT.plusSeconds(120)))
                .expectEvents(new UserDisabled(USERNAME, "left for good", ADMIN, CHANGED_AT.plusSeconds(120)));
    }

    @Test
    void changedRolesAreRecordedSortedAndDistinctWithTheAgency() {
        fixture.given(registered())
                .when(new ChangeUserRoles(
                        USERNAME,
                        AGENCY_ID,
                        List.of(Role.NOMINATED_REPRESENTATIVE, Role.PRACTITIONER, Role.PRACTITIONER),
                        ADMIN,
                        CHANGED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRolesChanged(
                        USERNAME,
                        AGENCY_ID,
                        List.of(Role.PRACTITIONER, Role.NOMINATED_REPRESENTATIVE),
                        ADMIN,
                        CHANGED_AT));
    }

    @Test
    void changedRolesNeedAtLeastOneRole() {
        fixture.given(registered())
                .when(new ChangeUserRoles(USERNAME, AGENCY_ID, List.of(), ADMIN, CHANGED_AT))
                .expectException(invalidInputOn("roles"))
                .expectNoEvents();
    }

    @Test
    void changedAgencyBoundRolesNeedAnAgency() {
        fixture.given(registered())
                .when(new ChangeUserRoles(USERNAME, null, List.of(Role.NOMINATED_REPRESENTATIVE), ADMIN, CHANGED_AT))
                .expectException(invalidInputOn("agencyId"))
                .expectNoEvents();
    }

    @Test
    void rolesWithoutAnAgencyMayLeaveTheAgency() {
        fixture.given(registered())
                .when(new ChangeUserRoles(USERNAME, null, List.of(Role.CASE_REVIEWER), ADMIN, CHANGED_AT))
                .expectEvents(new UserRolesChanged(USERNAME, null, List.of(Role.CASE_REVIEWER), ADMIN, CHANGED_AT));
    }

    @Test
    void anAdministratorCannotTakeTheAdminRoleFromThemselves() {
        fixture.given(new UserRegistered(ADMIN, "Admin Ferrow", null, List.of(Role.ADMIN), REGISTERED_AT))
                .when(new ChangeUserRoles(ADMIN, null, List.of(Role.TRUST_REVIEWER), ADMIN, CHANGED_AT))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void anAdministratorMayAddRolesToThemselves() {
        fixture.given(new UserRegistered(ADMIN, "Admin Ferrow", null, List.of(Role.ADMIN), REGISTERED_AT))
                .when(new ChangeUserRoles(ADMIN, null, List.of(Role.TRUST_REVIEWER, Role.ADMIN), ADMIN, CHANGED_AT))
                .expectEvents(
                        new UserRolesChanged(ADMIN, null, List.of(Role.ADMIN, Role.TRUST_REVIEWER), ADMIN, CHANGED_AT));
    }

    @Test
    void aUserChangingTheirOwnPasswordNeedNotChangeItAgain() {
        fixture.given(registered())
                .when(new ChangePassword(USERNAME, USERNAME, false, CHANGED_AT))
                .expectEvents(new PasswordChanged(USERNAME, USERNAME, false, CHANGED_AT));
    }

    @Test
    void aPasswordResetByAnAdministratorIsMarkedAsAReset() {
        fixture.given(registered(), disabled())
                .when(new ChangePassword(USERNAME, ADMIN, true, CHANGED_AT))
                .expectEvents(new PasswordChanged(USERNAME, ADMIN, true, CHANGED_AT));
    }

    private static UserDisabled disabled() {
        return new UserDisabled(USERNAME, "left the school", ADMIN, CHANGED_AT);
    }

    private static UserRegistered registered() {
        return new UserRegistered(USERNAME, DISPLAY_NAME, AGENCY_ID, List.of(Role.PRACTITIONER), REGISTERED_AT);
    }

    private static TokenIssued issued() {
        return new TokenIssued(USERNAME, TOKEN_ID, "case system", EXPIRES_AT, ISSUED_AT);
    }
}
