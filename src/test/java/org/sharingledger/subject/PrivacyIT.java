package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Children are known only by pseudonym: no NHS number or local reference in clear in any table or log line. */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyIT extends IntegrationTest {

    private static final String LOCAL_REFERENCE = "LOCALREF-7731-QX";

    @Test
    void noTableHoldsAChildsIdentifierInClear(CapturedOutput output) {
        Parties p = scenario.parties();
        String byNhs = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("subject", Map.of("localReference", LOCAL_REFERENCE));
        scenario.request(p.requesterPractitioner(), body);
        http.as(p.holderPractitioner()).post("/api/requests/" + byNhs + "/refusal", Scenario.refusal());
        Map<String, Object> invalid = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        invalid.put("subject", Map.of("nhsNumber", "9434765918"));
        http.as(p.requesterPractitioner()).post("/api/requests", invalid);

        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' order by table_name, ordinal_position""");
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String value = "bytea".equals(column.get("data_type"))
                    ? "encode(\"" + name + "\", 'escape')"
                    : "\"" + name + "\"::text";
            for (String secret : List.of(Scenario.NHS_NUMBER, "943 476 5919", "9434765918", LOCAL_REFERENCE)) {
                Long hits = jdbc.queryForObject(
                        "select count(*) from \"" + table + "\" where position(? in " + value + ") > 0",
                        Long.class,
                        secret);
                if (hits != null && hits > 0) {
                    found.add(table + "." + name);
                }
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isPositive();
        assertThat(found).as("columns holding an identifier in clear").isEmpty();
        assertThat(output.getAll())
                .doesNotContain(Scenario.NHS_NUMBER)
                .doesNotContain("943 476 5919")
                .doesNotContain("9434765918")
                .doesNotContain(LOCAL_REFERENCE);
    }

    @Test
    void theSameNhsNumberWithOrWithoutSpacesGivesTheSamePseudonym() {
        Parties p = scenario.parties();
        Map<String, Object> spaced = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        Map<String, Object> plain = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        plain.put("subject", Map.of("nhsNumber", Scenario.NHS_NUMBER));
        String first = scenario.request(p.requesterPractitioner(), spaced);
        String second = scenario.request(p.requesterPractitioner(), plain);

        List<String> payloads = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier in (?, ?) and payload_type like '%InformationRequested'""", String.class, first, second);

        assertThat(payloads).hasSize(2);
        String pseudonym = payloads.get(0).replaceAll(".*\"subjectPseudonym\":\"([0-9a-f]{64})\".*", "$1");
        assertThat(pseudonym).hasSize(64);
        assertThat(payloads.get(1)).contains(pseudonym);
    }
}
