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
    void onlyTheAgencysOwnRepresentativeOrTheTrustMayRecordItsTraining() {
        String school = scenario.agency("EDUCATION");
        String other = scenario.agency("HEALTH");
        Credentials otherRep = scenario.user(other, "NOMINATED_REPRESENTATIVE");
        Response refused = http.as(otherRep).post("/api/training-records", online(school, "Jane Smith", null));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    }
}
