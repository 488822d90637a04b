package org.sharingledger.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** The training summary and the records as read, through the API on the real database. */
class TrainingSummaryIT extends IntegrationTest {

    private void record(Credentials by, String agencyId, String name, String username, String course, String day) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("practitioner", name);
        body.put("username", username);
        body.put("course", course);
        body.put("completedOn", day);
        if ("ONLINE_INFORMATION_SHARING".equals(course)) {
            body.put("assessmentPassed", true);
        }
        Response response = http.as(by).post("/api/training-records", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void aPersonIsCountedOnceHoweverOftenTheyAttended() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials teacher = scenario.user(school, "PRACTITIONER");
        record(rep, school, "Sue Dsl", null, "MULTI_AGENCY_COURSE", "2008-05-10");
        record(rep, school, "  sue   DSL ", null, "AGENCY_COURSE", "2008-06-01");
        record(rep, school, "Ted Teach", teacher.username(), "ONLINE_INFORMATION_SHARING", "2008-07-01");
        record(rep, school, "Edward Teach", teacher.username(), "AGENCY_COURSE", "2008-08-01");
        record(rep, school, "Bea Lowe", null, "MULTI_AGENCY_COURSE", "2008-09-01");

        Response summary = http.as(rep).get("/api/training/summary?agencyId=" + school);
        assertThat(summary.status()).as(summary.toString()).isEqualTo(200);
        JsonNode json = summary.json();
        assertThat(json.path("attendances").asInt()).isEqualTo(5);
        assertThat(json.path("people").asInt()).isEqualTo(3);
        assertThat(json.path("byCourse")
                        .path("MULTI_AGENCY_COURSE")
                        .path("attendances")
                        .asInt())
                .isEqualTo(2);
        assertThat(json.path("byCourse")
                        .path("MULTI_AGENCY_COURSE")
                        .path("people")
                        .asInt())
                .isEqualTo(2);
        assertThat(json.path("byCourse").path("AGENCY_COURSE").path("people").asInt())
                .isEqualTo(2);
        assertThat(json.path("byCourse")
                        .path("ONLINE_INFORMATION_SHARING")
                        .path("people")
                        .asInt())
                .isEqualTo(1);
        assertThat(json.path("byAgency")).hasSize(1);
        assertThat(json.path("byAgency").get(0).path("agencyId").asString()).isEqualTo(school);
        assertThat(json.path("byAgency").get(0).path("name").asString()).isEqualTo("Agency " + school);
        assertThat(json.path("byAgency").get(0).path("people").asInt()).isEqualTo(3);
    }

    @Test
    void theSummaryCountsByTheDayTheCourseWasCompleted() {
        String school = scenario.agency("EDUCATION");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        record(trust, school, "Sue Dsl", null, "MULTI_AGENCY_COURSE", "2008-03-31");
        record(trust, school, "Bea Lowe", null, "MULTI_AGENCY_COURSE", "2008-04-01");
        record(trust, school, "Kit Marsh", null, "MULTI_AGENCY_COURSE", "2009-03-31");
        record(trust, school, "Ola Brent", null, "MULTI_AGENCY_COURSE", "2009-04-01");
        Response year = http.as(trust).get("/api/training/summary?from=2008-04-01&to=2009-03-31&agencyId=" + school);
        assertThat(year.status()).as(year.toString()).isEqualTo(200);
        assertThat(year.json().path("attendances").asInt()).isEqualTo(2);
        assertThat(year.json().path("people").asInt()).isEqualTo(2);
        Response all = http.as(trust).get("/api/training/summary");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().path("people").asInt()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void badDatesAreA400NamingTheParameter() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        Response notADate = http.as(trust).get("/api/training/summary?from=2009-13-01");
        assertThat(notADate.status()).as(notADate.toString()).isEqualTo(400);
        assertThat(notADate.errorFields()).containsExactly("from");
        Response backwards = http.as(trust).get("/api/training/summary?from=2009-04-01&to=2009-03-31");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.errorFields()).containsExactly("from");
        Response tooEarly = http.as(trust).get("/api/training/summary?to=1980-01-01");
        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.errorFields()).containsExactly("to");
    }

    @Test
    void aRepresentativeReadsItsOwnAgencysTrainingOnly() {
        String school = scenario.agency("EDUCATION");
        String surgery = scenario.agency("HEALTH");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        assertThat(http.as(rep).get("/api/training/summary?agencyId=" + school).status())
                .isEqualTo(200);
        assertThat(http.as(rep).get("/api/training/summary?agencyId=" + surgery).status())
                .isEqualTo(403);
        Response none = http.as(rep).get("/api/training/summary");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorFields()).containsExactly("agencyId");
        assertThat(http.as(rep).get("/api/training-records?agencyId=" + surgery).status())
                .isEqualTo(403);
        Credentials practitioner = scenario.user(school, "PRACTITIONER");
        assertThat(http.as(practitioner)
                        .get("/api/training/summary?agencyId=" + school)
                        .status())
                .isEqualTo(403);
        assertThat(http.as(practitioner)
                        .get("/api/training-records?agencyId=" + school)
                        .status())
                .isEqualTo(403);
        assertThat(http.anonymous().get("/api/training/summary").status()).isEqualTo(401);
        assertThat(http.anonymous().get("/api/training-records").status()).isEqualTo(401);
    }

    @Test
    void recordsAreListedNewestFirstAPageAtATime() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        record(rep, school, "Sue Dsl", null, "MULTI_AGENCY_COURSE", "2008-05-10");
        record(rep, school, "Bea Lowe", null, "AGENCY_COURSE", "2009-01-10");
        record(rep, school, "Kit Marsh", null, "MULTI_AGENCY_COURSE", "2008-11-10");
        Response first = http.as(rep).get("/api/training-records?agencyId=" + school + "&size=2");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.header("Link")).contains("page=1").contains("rel=\"next\"");
        assertThat(names(first)).containsExactly("Bea Lowe", "Kit Marsh");
        assertThat(first.json().get(0).path("course").asString()).isEqualTo("AGENCY_COURSE");
        assertThat(first.json().get(0).path("completedOn").asString()).isEqualTo("2009-01-10");
        Response second = http.as(rep).get("/api/training-records?agencyId=" + school + "&size=2&page=1");
        assertThat(names(second)).containsExactly("Sue Dsl");
        assertThat(second.header("Link")).isNull();
        assertThat(http.as(rep)
                        .get("/api/training-records?agencyId=" + school + "&size=201")
                        .status())
                .isEqualTo(400);
        assertThat(http.as(rep)
                        .get("/api/training-records?agencyId=" + school + "&page=-1")
                        .status())
                .isEqualTo(400);
    }

    private static List<String> names(Response response) {
        return response.json()
                .valueStream()
                .map(node -> node.path("practitioner").asString())
                .toList();
    }
}
