package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * A date or an instant in a body that Java reads but PostgreSQL cannot store (years beyond ±5 million, or before
 * 4713 BC) must be a 400 naming the field, not a database error.
 */
class DatesTheDatabaseCannotHoldIT extends IntegrationTest {

    @Test
    void anAgencySignedInTheYearMinusABillionIsA400() {
        Map<String, Object> agency = Scenario.agencyBody(Scenario.unique("old"), "POLICE");
        agency.put("signedOn", "-999999999-01-01");
        long before = events();

        Response response = scenario.signAgency(agency);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("signedOn");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aGrantValidUntilTheYearAMillionIsA400() {
        Credentials reviewer = scenario.user(null, "CASE_REVIEWER");
        Map<String, Object> grant = new HashMap<>();
        grant.put("reviewer", reviewer.username());
        grant.put("review", "Review");
        grant.put("reason", "Serious case review");
        grant.put("validUntil", "+1000000-01-01T00:00:00Z");
        grant.put("nhsNumber", Scenario.uniqueNhsNumber());
        long before = events();

        Response response = http.as(Scenario.ADMIN).post("/api/timeline-grants", grant);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("validUntil");
        assertThat(events()).isEqualTo(before);
    }
}
