package org.sharingledger.projections.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import tools.jackson.databind.JsonNode;

/**
 * The nominated representatives' report through HTTP on the shared database. Other tests share it, so area-wide
 * figures are checked as the change this test made: the historical figures in 1993-94, a year no other test uses,
 * and the requests' figures over the days around today.
 */
class NominatedRepresentativesReportIT extends IntegrationTest {

    private static final String PATH = "/api/reports/nominated-representatives";
    private static final String YEAR = "?from=1993-04-01&to=1994-03-31";

    private String signed(String sector, String signedOn) {
        String agencyId = Scenario.unique("report-" + sector.toLowerCase().replace('_', '-'));
        Map<String, Object> body = Scenario.agencyBody(agencyId, sector);
        body.put("signedOn", signedOn);
        Response response = scenario.signAgency(body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return agencyId;
    }

    private void trained(String agencyId, String practitioner, String course, String completedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("practitioner", practitioner);
        body.put("course", course);
        body.put("completedOn", completedOn);
        if (course.equals("ONLINE_INFORMATION_SHARING")) {
            body.put("assessmentPassed", true);
        }
        Response response = http.as(Scenario.ADMIN).post("/api/training-records", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private JsonNode report(Credentials by, String query) {
        Response response = http.as(by).get(PATH + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static long diff(JsonNode after, JsonNode before, String... path) {
        return at(after, path).asLong() - at(before, path).asLong();
    }

    private static JsonNode at(JsonNode node, String... path) {
        JsonNode at = node;
        for (String step : path) {
            at = at.path(step);
        }
        return at;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(entry -> ids.add(entry.path("agencyId").asString()));
        return ids;
    }

    @Test
    void signatoriesAndTrainingCountByTheDaysTheyHappenedWhenRecordedLater() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        JsonNode before = report(trust, YEAR);

        String longStanding = signed("HEALTH", "1992-06-01");
        String joined = signed("EDUCATION", "1993-06-01");
        String left = signed("HOUSING", "1993-02-01");
        Response withdrawal = http.as(Scenario.ADMIN)
                .post("/api/agencies/" + left + "/withdrawal", Map.of("withdrawnOn", "1993-09-30", "reason", "Merged"));
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
        String later = signed("POLICE", "1994-05-01");

        trained(longStanding, "Jane Doe", "MULTI_AGENCY_COURSE", "1992-11-01");
        trained(longStanding, "Jane Doe", "MULTI_AGENCY_COURSE", "1993-05-10");
        trained(longStanding, "jane  doe", "MULTI_AGENCY_COURSE", "1993-07-01");
        trained(joined, "Sam Patel", "MULTI_AGENCY_COURSE", "1993-07-01");
        trained(joined, "Sam Patel", "ONLINE_INFORMATION_SHARING", "1994-01-10");
        trained(later, "Ann Lee", "MULTI_AGENCY_COURSE", "1994-06-01");

        JsonNode after = report(trust, YEAR);
        assertThat(after.path("from").asString()).isEqualTo("1993-04-01");
        assertThat(after.path("to").asString()).isEqualTo("1994-03-31");
        // Signed on 31 March 1993 (the day before from): the long-standing agency and the one that left later.
        assertThat(diff(after, before, "signatories", "atStart")).isEqualTo(2);
        // Signed on 31 March 1994: the long-standing agency and the one that joined.
        assertThat(diff(after, before, "signatories", "atEnd")).isEqualTo(2);
        JsonNode newcomers = after.path("signatories").path("joined");
        assertThat(ids(newcomers)).contains(joined).doesNotContain(longStanding, left, later);
        JsonNode newcomer = newcomers
                .valueStream()
                .filter(j -> j.path("agencyId").asString().equals(joined))
                .findFirst()
                .orElseThrow();
        assertThat(newcomer.path("name").asString()).isEqualTo("Agency " + joined);
        assertThat(newcomer.path("sector").asString()).isEqualTo("EDUCATION");
        assertThat(newcomer.path("signedOn").asString()).isEqualTo("1993-06-01");
        assertThat(ids(after.path("signatories").path("withdrawn"))).containsOnlyOnce(left);

        // In the period: Jane Doe twice (one person, however her name is spaced), Sam Patel twice.
        assertThat(diff(after, before, "training", "inPeriod", "attendances")).isEqualTo(4);
        assertThat(diff(after, before, "training", "inPeriod", "people")).isEqualTo(2);
        assertThat(diff(after, before, "training", "byCourse", "MULTI_AGENCY_COURSE", "attendances"))
                .isEqualTo(3);
        assertThat(diff(after, before, "training", "byCourse", "MULTI_AGENCY_COURSE", "people"))
                .isEqualTo(2);
        assertThat(diff(after, before, "training", "byCourse", "ONLINE_INFORMATION_SHARING", "attendances"))
                .isEqualTo(1);
        // Since the first record, up to 31 March 1994: Jane Doe's course of November 1992 too, not Ann Lee's of 1994.
        assertThat(diff(after, before, "training", "sinceFirstRecord", "attendances"))
                .isEqualTo(5);
        assertThat(diff(after, before, "training", "sinceFirstRecord", "people"))
                .isEqualTo(2);

        JsonNode checkpoint = after.path("checkpoint");
        assertThat(checkpoint.path("treeSize").asLong()).isGreaterThan(0);
        assertThat(checkpoint.path("rootHash").asString()).isNotBlank();
        assertThat(checkpoint.path("keyFingerprint").asString()).isNotBlank();
        assertThat(checkpoint.path("treeSize").asLong())
                .as("the checkpoint covers the events the figures were read from")
                .isGreaterThan(before.path("checkpoint").path("treeSize").asLong());
    }

    @Test
    void requestsAndEscalationsAreTheAreasMadeInThePeriod() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Scenario.Parties p = scenario.parties();
        awaitReadModels();
        String days = around(LocalDate.now(ZoneOffset.UTC));
        JsonNode before = report(trust, days);

        String shared = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + shared + "/share", Scenario.share("FULL"))
                        .status())
                .isEqualTo(200);
        String partly = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + partly + "/share", Scenario.share("PARTIAL"))
                        .status())
                .isEqualTo(200);
        scenario.refusedEscalatedAndShared(p, scenario.request(p.requesterPractitioner(), p.requester(), p.holder()));
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        awaitReadModels();

        JsonNode after = report(trust, days);
        assertThat(diff(after, before, "requests", "made")).isEqualTo(4);
        assertThat(diff(after, before, "requests", "decided")).isEqualTo(3);
        assertThat(diff(after, before, "requests", "shared")).isEqualTo(1);
        assertThat(diff(after, before, "requests", "partiallyShared")).isEqualTo(1);
        assertThat(diff(after, before, "requests", "refused")).isEqualTo(1);
        assertThat(diff(after, before, "requests", "refusalsByReason", "WOULD_PREJUDICE_INVESTIGATION"))
                .isEqualTo(1);
        assertThat(after.path("requests").path("refusalRate").asDouble())
                .isEqualTo((double) after.path("requests").path("refused").asLong()
                        / after.path("requests").path("decided").asLong());
        assertThat(after.path("requests").path("medianHoursToDecision").isNumber())
                .isTrue();
        assertThat(diff(after, before, "escalations", "byStage", "LINE_MANAGER"))
                .isEqualTo(1);
        assertThat(diff(after, before, "escalations", "outcomes", "SHARED")).isEqualTo(1);

        // The same figures as the Trust's refusal patterns for the same days, agency by agency.
        JsonNode patterns =
                http.as(trust).get("/api/trust/refusal-patterns" + days).json();
        List<String> flagged = new ArrayList<>();
        patterns.path("agencies").forEach(a -> {
            String flag = a.path("funnel").path("flag").asString();
            if (!flag.isEmpty() && !flag.equals("WITHIN")) {
                flagged.add(a.path("agencyId").asString());
            }
        });
        assertThat(ids(after.path("funnelOutliers"))).containsExactlyInAnyOrderElementsOf(flagged);
        assertThat(after.path("funnelOutliers"))
                .allMatch(o -> !o.path("flag").asString().equals("WITHIN"));
    }

    @Test
    void aRequestThatBecameOverdueAndWasDecidedLateIsCounted() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Scenario.Parties p = scenario.parties();
        awaitReadModels();
        String days = around(LocalDate.now(ZoneOffset.UTC));
        JsonNode before = report(trust, days);

        String id = scenario.request(
                p.requesterPractitioner(), Scenario.requestBody(p.requester(), p.holder(), "EMERGENCY"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                        + " and payload_type like '%.RequestBecameOverdue'",
                                Long.class, id)
                        == 1L);
        assertThat(http.as(p.holderPractitioner())
                        .post("/api/requests/" + id + "/share", Scenario.share("FULL"))
                        .status())
                .isEqualTo(200);
        awaitReadModels();

        JsonNode after = report(trust, days);
        // Other tests' emergency requests of today may fall overdue meanwhile: at least this one.
        assertThat(diff(after, before, "requests", "overdue")).isGreaterThanOrEqualTo(1);
        assertThat(diff(after, before, "requests", "decidedLate")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void agreementsAreCountedAsTheyStoodOnTheLastDay() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String police = scenario.agency("POLICE");
        String school = scenario.agency("EDUCATION");
        Credentials policeRep = scenario.user(police, "NOMINATED_REPRESENTATIVE");
        Credentials schoolRep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String untilYesterday = "?from=" + today.minusDays(10) + "&to=" + today.minusDays(1);
        String untilToday = "?from=" + today.minusDays(10) + "&to=" + today;
        JsonNode beforeYesterday = report(trust, untilYesterday);
        JsonNode before = report(trust, untilToday);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Domestic abuse notifications");
        body.put("parties", List.of(police, school));
        body.put("purpose", "Schools know by the next morning when police attended a domestic abuse incident");
        body.put("dataItems", List.of("Date of the incident", "Children present"));
        body.put("lawfulBasis", "Children Act 2004 s10 and s11; Crime and Disorder Act 1998 s115");
        body.put("reviewOn", today.plusYears(1).toString());
        Response proposed = http.as(policeRep).post("/api/agreements", body);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String agreementId = proposed.field("agreementId");
        http.as(policeRep).post("/api/agreements/" + agreementId + "/signatures", Map.of("agencyId", police));
        Response last =
                http.as(schoolRep).post("/api/agreements/" + agreementId + "/signatures", Map.of("agencyId", school));
        assertThat(last.field("status")).isEqualTo("ACTIVE");

        JsonNode after = report(trust, untilToday);
        // Another test's agreement may fall due for review meanwhile: in force or due, one more in all.
        assertThat(diff(after, before, "agreements", "active") + diff(after, before, "agreements", "reviewDue"))
                .isEqualTo(1);
        JsonNode afterYesterday = report(trust, untilYesterday);
        assertThat(afterYesterday.path("agreements")).isEqualTo(beforeYesterday.path("agreements"));
    }

    @Test
    void theCsvGivesEveryFigureAsARowOfSectionMeasureKeyAndValue() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        String joined = signed("VOLUNTARY_COMMUNITY", "1993-08-15");
        JsonNode json = report(trust, YEAR);

        Response csv = http.as(trust).header("Accept", "text/csv").get(PATH + YEAR);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .contains("nominated-representatives-1993-04-01-to-1994-03-31.csv");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("section,measure,key,value");
        assertThat(lines).contains("report,from,,1993-04-01", "report,to,,1994-03-31");
        assertThat(lines)
                .contains("signatories,atStart,,"
                        + json.path("signatories").path("atStart").asLong());
        assertThat(lines)
                .contains(
                        "signatories,joined.name," + joined + ",Agency " + joined,
                        "signatories,joined.sector," + joined + ",VOLUNTARY_COMMUNITY",
                        "signatories,joined.signedOn," + joined + ",1993-08-15");
        assertThat(lines)
                .contains("training,byCourse.people,MULTI_AGENCY_COURSE,"
                        + json.path("training")
                                .path("byCourse")
                                .path("MULTI_AGENCY_COURSE")
                                .path("people")
                                .asLong());
        assertThat(lines).anyMatch(line -> line.startsWith("requests,refusalsByReason,STATUTORY_BAR,"));
        assertThat(lines).anyMatch(line -> line.startsWith("escalations,byStage,LINE_MANAGER,"));
        assertThat(lines).anyMatch(line -> line.startsWith("agreements,active,,"));
        assertThat(lines).anyMatch(line -> line.startsWith("checkpoint,treeSize,,"));
        assertThat(lines).allMatch(line -> line.split(",", -1).length >= 4);
    }

    @Test
    void theTrustAndAdministratorsMayReadItAndNoOneElse() {
        String agency = scenario.agency("HEALTH");
        Credentials representative = scenario.user(agency, "NOMINATED_REPRESENTATIVE");
        Credentials practitioner = scenario.user(agency, "PRACTITIONER");
        assertThat(http.anonymous().get(PATH + YEAR).status()).isEqualTo(401);
        long denied = events("AccessDenied");
        assertThat(http.as(representative).get(PATH + YEAR).status()).isEqualTo(403);
        assertThat(http.as(practitioner).get(PATH + YEAR).status()).isEqualTo(403);
        assertThat(http.as(practitioner)
                        .header("Accept", "text/csv")
                        .get(PATH + YEAR)
                        .status())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 3);
        assertThat(http.as(Scenario.ADMIN).get(PATH + YEAR).status()).isEqualTo(200);
        assertThat(http.as(scenario.user(null, "TRUST_REVIEWER"))
                        .get(PATH + YEAR)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void thePeriodNeedsBothDaysInOrderWithinTheLedgersBounds() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        long recorded = events();
        assertThat(http.as(trust).get(PATH).errorFields()).containsExactlyInAnyOrder("from", "to");
        assertThat(http.as(trust).get(PATH + "?from=2008-04-01").errorFields()).containsExactly("to");
        assertThat(http.as(trust).get(PATH + "?to=2009-03-31").errorFields()).containsExactly("from");
        assertThat(http.as(trust).get(PATH + "?from=2009-04-01&to=2009-03-31").errorFields())
                .containsExactly("from");
        assertThat(http.as(trust).get(PATH + "?from=2009-13-01&to=2010-03-31").errorFields())
                .containsExactly("from");
        assertThat(http.as(trust).get(PATH + "?from=April&to=2010-03-31").errorFields())
                .containsExactly("from");
        assertThat(http.as(trust).get(PATH + "?from=1989-04-01&to=1990-03-31").errorFields())
                .containsExactly("from");
        assertThat(http.as(trust).get(PATH + "?from=1990-01-01&to=2012-01-01").errorFields())
                .containsExactly("to");
        assertThat(http.as(trust).get(PATH + "?from=2008-04-01&to=9999-12-31").errorFields())
                .containsExactly("to");
        Response csv = http.as(trust).header("Accept", "text/csv").get(PATH + "?from=2009-04-01");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events()).as("a query records nothing").isEqualTo(recorded);
    }

    private static String around(LocalDate today) {
        return "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }
}
