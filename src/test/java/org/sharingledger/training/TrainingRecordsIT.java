package org.sharingledger.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;

/** Training records through the API, on the real database. */
class TrainingRecordsIT extends IntegrationTest {

    static Map<String, Object> online(String agencyId, String practitioner, String username) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId);
        body.put("practitioner", practitioner);
        body.put("username", username);
        body.put("course", "ONLINE_INFORMATION_SHARING");
        body.put("completedOn", LocalDate.now().minusDays(10).toString());
        body.put("assessmentPassed", true);
        body.put("validUntil", LocalDate.now().plusYears(1).toString());
        return body;
    }

    @Test
    void theSameAttendanceSentTwiceIsRecordedOnce() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Response first = http.as(rep).post("/api/training-records", online(school, "Jane  Smith", null));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response again = http.as(rep).post("/api/training-records", online(school, "jane smith", null));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.field("recordId")).isEqualTo(first.field("recordId"));
        assertThat(jdbc.queryForObject("select count(*) from training_record where agency_id = ?", Long.class, school))
                .isEqualTo(1L);
    }

    @Test
    void aUsernameMustBeAUserOfTheRecordsAgency() {
        String school = scenario.agency("EDUCATION");
        String surgery = scenario.agency("HEALTH");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Credentials teacher = scenario.user(school, "PRACTITIONER");
        Credentials doctor = scenario.user(surgery, "PRACTITIONER");
        Response unknown = http.as(rep).post("/api/training-records", online(school, "Jane Smith", "no-such-user-x"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("username");
        Response other = http.as(rep).post("/api/training-records", online(school, "Jo Bloggs", doctor.username()));
        assertThat(other.status()).as(other.toString()).isEqualTo(400);
        assertThat(other.errorFields()).containsExactly("username");
        Response own = http.as(rep).post("/api/training-records", online(school, "Ted Teach", teacher.username()));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
    }

    @Test
    void theRulesOfAnAttendanceAreA400ThatRecordsNothing() {
        String school = scenario.agency("EDUCATION");
        Credentials rep = scenario.user(school, "NOMINATED_REPRESENTATIVE");
        Map<String, Object> future = online(school, "Jane Smith", null);
        future.put("completedOn", LocalDate.now().plusDays(3).toString());
        future.remove("assessmentPassed");
        Response refused = http.as(rep).post("/api/training-records", future);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("completedOn", "assessmentPassed");
        Map<String, Object> noCourse = online(school, "Jane Smith", null);
        noCourse.put("course", "FIRST_AID");
        assertThat(http.as(rep).post("/api/training-records", noCourse).status())
                .isEqualTo(400);
        Map<String, Object> unknownAgency = online("no-such-agency-zz", "Jane Smith", null);
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        assertThat(http.as(trust).post("/api/training-records", unknownAgency).status())
                .isEqualTo(400);
        assertThat(http.anonymous()
                        .post("/api/training-records", online(school, "Jane Smith", null))
                        .status())
                .isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from training_record where agency_id = ?", Long.class, school))
                .isZero();
    }

    @Test
    void onlyTheAgencysOwnRepresentativeOrTheTrustMayRecordItsTraining() {
        String school = scenario.agency("EDUCATION");
        String other = scenario.agency("HEALTH");
        Credentials otherRep = scenario.user(other, "NOMINATED_REPRESENTATIVE");
        Response refused = http.as(otherRep).post("/api/training-records", online(school, "Jane Smith", null));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    }
}
