package org.sharingledger.projections.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/agencies?asOf=} and {@code GET /api/membership}: the register by the dates things happened, whatever
 * day they were recorded. Other tests share the database, so each test looks at its own agencies and at what holds
 * whatever the others did ({@code atEnd = atStart + joined - withdrawn}).
 */
class MembershipIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void aBackdatedWithdrawalIsAbsentFromTheDaysAfterItsDateRecordedToday() {
        String agencyId = scenario.agency("POLICE");
        LocalDate withdrawnOn = TODAY.minusDays(30);
        withdraw(agencyId, withdrawnOn, "Force merged");

        assertThat(ids(asOf(TODAY.minusDays(1)))).doesNotContain(agencyId);
        assertThat(ids(asOf(withdrawnOn)))
                .as("not a signatory on the day it withdrew")
                .doesNotContain(agencyId);
        JsonNode before = entry(asOf(withdrawnOn.minusDays(1)), agencyId);
        assertThat(before.path("signedOn").asString()).isEqualTo("2008-03-01");
        assertThat(before.path("withdrawnOn").asString()).isEqualTo(withdrawnOn.toString());
    }

    @Test
    void anAgencySignedTodayWithAnEarlierDateWasASignatoryFromThatDate() {
        String agencyId = Scenario.unique("late-recorded");
        LocalDate signedOn = TODAY.minusYears(1);
        Map<String, Object> body = Scenario.agencyBody(agencyId, "EDUCATION");
        body.put("signedOn", signedOn.toString());
        assertThat(scenario.signAgency(body).status()).isEqualTo(201);

        JsonNode then = entry(asOf(signedOn), agencyId);
        assertThat(then.path("signedOn").asString()).isEqualTo(signedOn.toString());
        assertThat(then.path("withdrawnOn").isNull()).isTrue();
        assertThat(then.path("codeOfPracticeVersion").asString()).isEqualTo("2009.1");
        assertThat(ids(asOf(signedOn.minusDays(1)))).doesNotContain(agencyId);
    }

    @Test
    void anAgencySignedAgainHasTwoPeriodsAndAGapBetween() {
        String agencyId = scenario.agency("HOUSING");
        withdraw(agencyId, LocalDate.parse("2010-01-31"), "Contract ended");
        signAgain(agencyId, "2012-06-01");

        JsonNode first = entry(asOf(LocalDate.parse("2009-07-01")), agencyId);
        assertThat(first.path("signedOn").asString()).isEqualTo("2008-03-01");
        assertThat(first.path("withdrawnOn").asString()).isEqualTo("2010-01-31");
        assertThat(ids(asOf(LocalDate.parse("2011-07-01")))).doesNotContain(agencyId);
        JsonNode second = entry(asOf(LocalDate.parse("2013-07-01")), agencyId);
        assertThat(second.path("signedOn").asString()).isEqualTo("2012-06-01");
        assertThat(second.path("withdrawnOn").isNull()).isTrue();
        assertThat(second.path("codeOfPracticeVersion").asString()).isEqualTo("2012.1");
    }

    @Test
    void theChangesBetweenTwoDaysNameWhoJoinedAndWhoWithdrew() {
        String leaving = scenario.agency("HEALTH");
        String returning = scenario.agency("EARLY_YEARS");
        withdraw(leaving, LocalDate.parse("2010-03-15"), "Service decommissioned");
        withdraw(returning, LocalDate.parse("2009-11-30"), "Nursery closed");
        signAgain(returning, "2011-02-01");
        Credentials trust = scenario.user(scenario.agency("OTHER"), "TRUST_REVIEWER");

        Response response = http.as(trust).get("/api/membership?from=2010-01-01&to=2011-12-31");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode changes = response.json();
        assertThat(changes.path("from").asString()).isEqualTo("2010-01-01");
        assertThat(changes.path("to").asString()).isEqualTo("2011-12-31");
        JsonNode left = find(changes.path("withdrawn"), leaving);
        assertThat(left.path("withdrawnOn").asString()).isEqualTo("2010-03-15");
        assertThat(left.path("reason").asString()).isEqualTo("Service decommissioned");
        assertThat(left.path("name").asString()).isEqualTo("Agency " + leaving);
        JsonNode joined = find(changes.path("joined"), returning);
        assertThat(joined.path("signedOn").asString()).isEqualTo("2011-02-01");
        assertThat(joined.path("sector").asString()).isEqualTo("EARLY_YEARS");
        assertThat(ids(changes.path("withdrawn"))).doesNotContain(returning);
        assertThat(changes.path("atEnd").asLong())
                .isEqualTo(changes.path("atStart").asLong()
                        + changes.path("joined").size()
                        - changes.path("withdrawn").size());
        assertThat(changes.path("bySector").propertyNames()).hasSize(11).contains("HEALTH", "EARLY_YEARS");
        long atStart = 0;
        long atEnd = 0;
        for (JsonNode sector : changes.path("bySector")) {
            atStart += sector.path("atStart").asLong();
            atEnd += sector.path("atEnd").asLong();
        }
        assertThat(atStart).isEqualTo(changes.path("atStart").asLong());
        assertThat(atEnd).isEqualTo(changes.path("atEnd").asLong());
        assertThat(changes.path("atStart").asLong()).isPositive();
    }

    @Test
    void theCountsMoveWithOurOwnAgencies() {
        String agencyId = scenario.agency("PROBATION_YOUTH_JUSTICE");
        String window = "/api/membership?from=2014-03-01&to=2014-03-31";
        JsonNode before = http.as(Scenario.ADMIN).get(window).json();

        withdraw(agencyId, LocalDate.parse("2014-03-10"), "Reorganised");
        JsonNode after = http.as(Scenario.ADMIN).get(window).json();

        assertThat(after.path("atStart").asLong())
                .isEqualTo(before.path("atStart").asLong());
        assertThat(after.path("atEnd").asLong()).isEqualTo(before.path("atEnd").asLong() - 1);
        assertThat(after.path("bySector")
                        .path("PROBATION_YOUTH_JUSTICE")
                        .path("atEnd")
                        .asLong())
                .isEqualTo(before.path("bySector")
                                .path("PROBATION_YOUTH_JUSTICE")
                                .path("atEnd")
                                .asLong()
                        - 1);
    }

    @Test
    void badDatesAre400NamingTheParameter() {
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies?asOf=31-12-2012").errorFields())
                .containsExactly("asOf");
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies?asOf=1980-01-01").errorFields())
                .containsExactly("asOf");
        assertThat(http.as(Scenario.ADMIN).get("/api/agencies?asOf=").status()).isEqualTo(400);
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/membership?from=2012-02-01&to=2012-01-01")
                        .errorFields())
                .containsExactly("from");
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/membership?from=2012-13-01&to=2012-12-31")
                        .errorFields())
                .containsExactly("from");
        assertThat(http.as(Scenario.ADMIN)
                        .get("/api/membership?from=2012-01-01&to=" + TODAY.plusYears(11))
                        .errorFields())
                .containsExactly("to");
    }

    @Test
    void theRegisterOnADayIsEveryonesAndTheChangesAreForTheTrustAdminsAndRepresentatives() {
        String agencyId = scenario.agency("COMMUNITY_SAFETY");
        Credentials practitioner = scenario.user(agencyId, "PRACTITIONER");
        Credentials representative = scenario.user(agencyId, "NOMINATED_REPRESENTATIVE");
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");

        assertThat(http.as(practitioner).get("/api/agencies?asOf=2012-01-01").status())
                .isEqualTo(200);
        assertThat(http.as(practitioner).get("/api/membership").status()).isEqualTo(403);
        assertThat(http.as(reviewer).get("/api/membership").status()).isEqualTo(403);
        assertThat(http.as(representative).get("/api/membership").status()).isEqualTo(200);
        JsonNode defaults = http.as(Scenario.ADMIN).get("/api/membership").json();
        assertThat(defaults.path("to").asString()).isEqualTo(TODAY.toString());
        assertThat(defaults.path("from").asString())
                .isEqualTo(TODAY.minusYears(1).plusDays(1).toString());
        assertThat(http.anonymous().get("/api/membership").status()).isEqualTo(401);
        assertThat(http.anonymous().get("/api/agencies?asOf=2012-01-01").status())
                .isEqualTo(401);
    }

    @Test
    void withoutAsOfTheRegisterIsAsBefore() {
        String agencyId = scenario.agency("MENTAL_HEALTH");
        withdraw(agencyId, LocalDate.parse("2009-06-01"), "Left");

        JsonNode listed = find(http.as(Scenario.ADMIN).get("/api/agencies").json(), agencyId);

        assertThat(listed.path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(listed.path("withdrawnOn").asString()).isEqualTo("2009-06-01");
    }

    private JsonNode asOf(LocalDate day) {
        Response response = http.as(Scenario.ADMIN).get("/api/agencies?asOf=" + day);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void withdraw(String agencyId, LocalDate withdrawnOn, String reason) {
        Response response = http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + agencyId + "/withdrawal",
                        Map.of("withdrawnOn", withdrawnOn.toString(), "reason", reason));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private void signAgain(String agencyId, String signedOn) {
        Response response = http.as(Scenario.ADMIN)
                .post(
                        "/api/agencies/" + agencyId + "/signature",
                        Map.of("signedOn", signedOn, "codeOfPracticeVersion", "2012.1"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static JsonNode entry(JsonNode list, String agencyId) {
        return find(list, agencyId);
    }

    private static JsonNode find(JsonNode list, String agencyId) {
        for (JsonNode item : list) {
            if (item.path("agencyId").asString().equals(agencyId)) {
                return item;
            }
        }
        throw new AssertionError(agencyId + " is not in " + list);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("agencyId").asString()));
        return ids;
    }
}
