package org.sharingledger.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.sharingledger.consultation.api.CodeVersionAdopted;
import org.sharingledger.kernel.Actor;
import org.sharingledger.kernel.ActorMetaData;
import org.sharingledger.kernel.Role;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The register acting on {@code CodeVersionAdopted}, published here as the consultation publishes it: the agencies that
 * stay move to the new version, the one that answered WITHDRAW is withdrawn on {@code adoptedOn} with its users
 * disabled, and can neither make nor receive requests.
 */
class CodeVersionAdoptionIT extends IntegrationTest {

    private static final Actor TRUST = new Actor("trust-adopter", null, List.of(Role.TRUST_REVIEWER));

    @Autowired
    private EventGateway events;

    @Test
    void theAgenciesThatStayMoveAndTheOneThatAnsweredWithdrawIsWithdrawn() {
        Scenario.Parties parties = scenario.parties();
        String staying = parties.requester();
        String alsoStaying = scenario.agency("EDUCATION");
        String leaving = parties.holder();
        String goneBefore = scenario.agency("HOUSING");
        withdraw(goneBefore);
        Credentials leavingRepresentative = scenario.user(leaving, "NOMINATED_REPRESENTATIVE");
        String version = Scenario.unique("v");
        String consultationId = Scenario.unique("consultation");
        LocalDate adoptedOn = LocalDate.now(ZoneOffset.UTC).minusDays(2);

        adopt(new CodeVersionAdopted(
                consultationId,
                version,
                "Protocol becomes the Code of Practice",
                adoptedOn,
                "Adopted at the Trust board",
                List.of(staying, alsoStaying, goneBefore, "no-such-agency"),
                List.of(leaving),
                Instant.now()));

        assertThat(agency(staying).path("codeOfPracticeVersion").asString()).isEqualTo(version);
        assertThat(agency(alsoStaying).path("codeOfPracticeVersion").asString()).isEqualTo(version);
        assertThat(agency(goneBefore).path("codeOfPracticeVersion").asString())
                .as("withdrawn before: left as it is")
                .isEqualTo("2009.1");
        JsonNode left = agency(leaving);
        assertThat(left.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(left.path("withdrawnOn").asString()).isEqualTo(adoptedOn.toString());
        assertThat(left.path("codeOfPracticeVersion").asString()).isEqualTo("2009.1");
        assertThat(jdbc.queryForObject(
                        "select withdrawal_reason from agency_view where agency_id = ?", String.class, leaving))
                .contains(consultationId)
                .contains(version);
        assertThat(moves(staying)).isEqualTo(1);
        assertThat(versionOn(staying, adoptedOn.minusDays(1))).isEqualTo("2009.1");
        assertThat(versionOn(staying, adoptedOn)).as("the register on a day").isEqualTo(version);
        assertThat(jdbc.queryForObject("""
                        select convert_from(meta_data, 'UTF8')::jsonb ->> 'actor.username' from domain_event_entry
                        where aggregate_identifier = ? and payload_type like '%.AgencyMovedToCodeVersion'""", String.class, staying))
                .as("the actor is whoever recorded the adoption")
                .isEqualTo(TRUST.username());

        assertThat(http.as(parties.holderPractitioner()).get("/api/agencies").status())
                .as("its users are disabled")
                .isEqualTo(401);
        assertThat(http.as(leavingRepresentative).get("/api/agencies").status()).isEqualTo(401);
        assertThat(http.as(parties.requesterPractitioner())
                        .post("/api/requests", Scenario.requestBody(staying, leaving, "ROUTINE"))
                        .status())
                .as("receives no request")
                .isEqualTo(409);
        assertThat(http.as(parties.holderPractitioner())
                        .post("/api/requests", Scenario.requestBody(leaving, staying, "ROUTINE"))
                        .status())
                .as("makes none: no one acts for it")
                .isEqualTo(401);
        assertThat(http.as(parties.requesterPractitioner())
                        .post("/api/requests", Scenario.requestBody(staying, alsoStaying, "ROUTINE"))
                        .status())
                .as("those that moved carry on")
                .isEqualTo(201);
    }

    @Test
    void anAgencyAlreadyOnTheVersionRecordsNoMove() {
        String agencyId = scenario.agency("POLICE");
        long before = events();

        adopt(new CodeVersionAdopted(
                Scenario.unique("consultation"),
                "2009.1",
                "Re-adopting the version it is on",
                LocalDate.now(ZoneOffset.UTC),
                null,
                List.of(agencyId),
                List.of(),
                Instant.now()));

        assertThat(moves(agencyId)).isZero();
        assertThat(events()).as("the adoption alone").isEqualTo(before + 1);
    }

    @Test
    void anAgencySignedAgainAfterTheAdoptionDateWithdrawsOnTheDayOfItsSignature() {
        String agencyId = scenario.agency("MENTAL_HEALTH");
        withdraw(agencyId);
        String signedAgainOn = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/signature",
                                Map.of("signedOn", signedAgainOn, "codeOfPracticeVersion", "2009.1"))
                        .status())
                .isEqualTo(200);

        adopt(new CodeVersionAdopted(
                Scenario.unique("consultation"),
                Scenario.unique("v"),
                "A version adopted with an earlier date",
                LocalDate.now(ZoneOffset.UTC).minusDays(10),
                null,
                List.of(),
                List.of(agencyId),
                Instant.now()));

        JsonNode agency = agency(agencyId);
        assertThat(agency.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(agency.path("withdrawnOn").asString()).isEqualTo(signedAgainOn);
    }

    private void adopt(CodeVersionAdopted adoption) {
        events.publish(GenericEventMessage.asEventMessage(adoption).andMetaData(ActorMetaData.of(TRUST, null)));
    }

    private String versionOn(String agencyId, LocalDate day) {
        for (JsonNode signatory :
                http.as(Scenario.ADMIN).get("/api/agencies?asOf=" + day).json()) {
            if (signatory.path("agencyId").asString().equals(agencyId)) {
                return signatory.path("codeOfPracticeVersion").asString();
            }
        }
        throw new AssertionError(agencyId + " was not a signatory on " + day);
    }

    private long moves(String agencyId) {
        return jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%.AgencyMovedToCodeVersion'""", Long.class, agencyId);
    }

    private JsonNode agency(String agencyId) {
        return http.as(Scenario.ADMIN).get("/api/agencies/" + agencyId).json();
    }

    private void withdraw(String agencyId) {
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/agencies/" + agencyId + "/withdrawal",
                                Map.of("withdrawnOn", "2009-06-01", "reason", "Did not transfer"))
                        .status())
                .isEqualTo(200);
    }
}
