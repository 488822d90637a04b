package org.sharingledger.agency;

import static org.sharingledger.support.RuleMatchers.invalidInputOn;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sharingledger.agency.api.AgencySigned;
import org.sharingledger.agency.api.AgencyWithdrawn;
import org.sharingledger.agency.api.CommissioningEnded;
import org.sharingledger.agency.api.CommissioningRecorded;
import org.sharingledger.agency.api.EndCommissioning;
import org.sharingledger.agency.api.NominatedRepresentative;
import org.sharingledger.agency.api.RecordCommissioning;
import org.sharingledger.agency.api.Sector;
import org.sharingledger.platform.rules.StepNotAllowed;

/** Commissioned providers, agents and subcontractors: who commissions an agency, under which contract. */
class CommissioningFixtureTest {

    private static final String PROVIDER = "larkhill-youth-project";
    private static final String COUNCIL = "ashcombe-county-council";
    private static final String PCT = "ashcombe-pct";
    private static final String CONTRACT = "JCU-2009-041";
    private static final Instant SIGNED_AT = Instant.parse("2009-03-03T10:00:00Z");
    private static final Instant FIRST = Instant.parse("2009-04-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2009-09-01T09:00:00Z");

    private AggregateTestFixture<Agency> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agency.class);
    }

    @Test
    void recordingTheCommissionerKeepsTheContractReference() {
        fixture.given(signed())
                .when(new RecordCommissioning(PROVIDER, COUNCIL, CONTRACT, FIRST))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CommissioningRecorded(PROVIDER, null, null, COUNCIL, CONTRACT, FIRST));
    }

    @Test
    void aContractMayHaveNoReference() {
        fixture.given(signed())
                .when(new RecordCommissioning(PROVIDER, COUNCIL, "  ", FIRST))
                .expectEvents(new CommissioningRecorded(PROVIDER, null, null, COUNCIL, null, FIRST));
    }

    @Test
    void aNewCommissionerNamesTheOneItReplaces() {
        fixture.given(signed(), recorded(COUNCIL, CONTRACT, FIRST))
                .when(new RecordCommissioning(PROVIDER, PCT, "PCT-77", LATER))
                .expectEvents(new CommissioningRecorded(PROVIDER, COUNCIL, CONTRACT, PCT, "PCT-77", LATER));
    }

    @Test
    void aNewContractReferenceFromTheSameCommissionerIsRecorded() {
        fixture.given(signed(), recorded(COUNCIL, CONTRACT, FIRST))
                .when(new RecordCommissioning(PROVIDER, COUNCIL, "JCU-2010-003", LATER))
                .expectEvents(new CommissioningRecorded(PROVIDER, COUNCIL, CONTRACT, COUNCIL, "JCU-2010-003", LATER));
    }

    @Test
    void theSameCommissioningAgainRecordsNothing() {
        fixture.given(signed(), recorded(COUNCIL, CONTRACT, FIRST))
                .when(new RecordCommissioning(PROVIDER, COUNCIL, CONTRACT, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAgencyCannotCommissionItself() {
        fixture.given(signed())
                .when(new RecordCommissioning(PROVIDER, PROVIDER, CONTRACT, FIRST))
                .expectException(invalidInputOn("commissionedBy"))
                .expectNoEvents();
    }

    @Test
    void theCommissionerMustBeNamed() {
        fixture.given(signed())
                .when(new RecordCommissioning(PROVIDER, " ", CONTRACT, FIRST))
                .expectException(invalidInputOn("commissionedBy"))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnProviderMayStillBeRecordedAsCommissioned() {
        fixture.given(signed(), new AgencyWithdrawn(PROVIDER, LocalDate.parse("2009-03-20"), "Closed", SIGNED_AT))
                .when(new RecordCommissioning(PROVIDER, COUNCIL, CONTRACT, FIRST))
                .expectEvents(new CommissioningRecorded(PROVIDER, null, null, COUNCIL, CONTRACT, FIRST));
    }

    @Test
    void endingTheCommissioningNamesTheCommissionerAndContract() {
        fixture.given(signed(), recorded(COUNCIL, CONTRACT, FIRST))
                .when(new EndCommissioning(PROVIDER, LATER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CommissioningEnded(PROVIDER, COUNCIL, CONTRACT, LATER));
    }

    @Test
    void anAgencyNoOneCommissionsHasNothingToEnd() {
        fixture.given(signed())
                .when(new EndCommissioning(PROVIDER, LATER))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void anEndedCommissioningCannotBeEndedAgain() {
        fixture.given(
                        signed(),
                        recorded(COUNCIL, CONTRACT, FIRST),
                        new CommissioningEnded(PROVIDER, COUNCIL, CONTRACT, LATER))
                .when(new EndCommissioning(PROVIDER, LATER.plusSeconds(60)))
                .expectException(StepNotAllowed.class)
                .expectNoEvents();
    }

    @Test
    void afterAnEndTheNextCommissionerReplacesNone() {
        fixture.given(
                        signed(),
                        recorded(COUNCIL, CONTRACT, FIRST),
                        new CommissioningEnded(PROVIDER, COUNCIL, CONTRACT, LATER))
                .when(new RecordCommissioning(PROVIDER, COUNCIL, CONTRACT, LATER.plusSeconds(60)))
                .expectEvents(
                        new CommissioningRecorded(PROVIDER, null, null, COUNCIL, CONTRACT, LATER.plusSeconds(60)));
    }

    private static AgencySigned signed() {
        return new AgencySigned(
                PROVIDER,
                "Larkhill Youth Project",
                Sector.VOLUNTARY_COMMUNITY,
                "Ashcombe Vale",
                new NominatedRepresentative("Jo Larkin", "jo.larkin@larkhill.example"),
                LocalDate.parse("2009-03-02"),
                "2009.1",
                SIGNED_AT);
    }

    private static CommissioningRecorded recorded(String by, String reference, Instant at) {
        return new CommissioningRecorded(PROVIDER, null, null, by, reference, at);
    }
}
