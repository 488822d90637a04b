package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;

/**
 * An agency's name is text an administrator typed, and the Trust opens the refusal patterns in a spreadsheet: a name
 * that a spreadsheet would run as a formula, even after leading spaces or a tab, arrives defused by a single quote.
 */
class CsvInjectionIT extends IntegrationTest {

    @Test
    void theTrustsCsvDefusesAnAgencyNameThatASpreadsheetWouldRun() {
        String spaced = agencyNamed("  =HYPERLINK(\"http://evil.example\",\"Open\")");
        String tabbed = agencyNamed("\t@SUM(A1:A9)");
        String holder = scenario.agency("POLICE");
        for (String agency : new String[] {spaced, tabbed}) {
            scenario.request(scenario.user(agency, "PRACTITIONER"), agency, holder);
        }
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        awaitReadModels();

        Response csv = http.as(trust).header("Accept", "text/csv").get("/api/trust/refusal-patterns");

        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.text())
                .contains(spaced + ",\"'  =HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\")\",")
                .contains(tabbed + ",'\t@SUM(A1:A9),")
                .doesNotContain(",\"  =HYPERLINK")
                .doesNotContain(",\t@SUM");
    }

    private String agencyNamed(String name) {
        String agencyId = Scenario.unique("csv");
        Map<String, Object> body = Scenario.agencyBody(agencyId, "EDUCATION");
        body.put("name", name);
        Response signed = scenario.signAgency(body);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        return agencyId;
    }
}
