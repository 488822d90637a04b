package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sharingledger.kernel.NhsNumber;
import org.sharingledger.kernel.SubjectPseudonyms;
import org.sharingledger.support.Identifiers;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.LeakCapture;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No child's identifier is at rest in clear anywhere in the database, nor in the metrics: requests carrying an NHS
 * number, a local reference, a name and a date of birth go through their steps and an erasure, and then every
 * text, varchar, char, json, jsonb and bytea column of every table in the public schema is searched for each of them
 * (bytea as UTF-8 bytes, and as hex).
 */
class NoIdentifiersAtRestIT extends IntegrationTest {

    @Autowired
    private SubjectPseudonyms pseudonyms;

    private static final List<String> SEARCHED_TYPES =
            List.of("text", "character varying", "character", "json", "jsonb", "bytea");

    @Test
    void noColumnOfAnyTableAndNoMetricHoldsAChildsIdentifierInClear() {
        Parties p = scenario.parties();
        String nhsNumber = Scenario.uniqueNhsNumber();
        String spacedNhsNumber =
                nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
        String localReference = Scenario.uniqueLocalReference();
        String name = Scenario.uniqueName();
        String otherName = Scenario.uniqueName();
        LocalDate dateOfBirth = dateOfBirthNowhereYet();
        List<String> identifiers =
                List.of(nhsNumber, spacedNhsNumber, localReference, name, otherName, dateOfBirth.toString());

        String byNhs = scenario.request(
                p.requesterPractitioner(),
                request(p, Map.of("nhsNumber", spacedNhsNumber, "name", name, "dateOfBirth", dateOfBirth.toString())));
        scenario.request(
                p.requesterPractitioner(),
                request(
                        p,
                        Map.of(
                                "localReference",
                                localReference,
                                "name",
                                otherName,
                                "dateOfBirth",
                                dateOfBirth.toString())));
        http.as(p.holderPractitioner()).post("/api/requests/" + byNhs + "/refusal", Scenario.refusal());
        http.as(p.requesterPractitioner())
                .post(
                        "/api/requests/" + byNhs + "/escalations",
                        Map.of("stage", "LINE_MANAGER", "reason", "Still needed"));
        assertThat(http.as(p.requesterPractitioner())
                        .get("/api/requests/" + byNhs)
                        .text())
                .contains(name);
        http.as(p.requesterPractitioner())
                .post(
                        "/api/requests",
                        request(p, Map.of("nhsNumber", nhsNumber, "name", name, "dateOfBirth", "1909-03-31")));
        assertThat(http.as(Scenario.ADMIN)
                        .post(
                                "/api/subjects/erasure",
                                Map.of(
                                        "localReference",
                                        localReference,
                                        "agencyId",
                                        p.requester(),
                                        "legalBasis",
                                        "Article 17",
                                        "reason",
                                        "Asked by the family"))
                        .status())
                .isEqualTo(200);
        awaitReadModels();

        assertThat(columnsHolding(identifiers))
                .as("columns holding a child's identifier in clear")
                .isEmpty();
        assertThat(columnsHolding(
                        List.of(pseudonyms.of(NhsNumber.parse(nhsNumber).orElseThrow()))))
                .as("the search finds what is there: the pseudonym, in text and in bytea")
                .contains("domain_event_entry.payload", "request_view.subject_pseudonym", "subject_key.pseudonym");
        String metrics = http.as(Scenario.ADMIN).get("/actuator/prometheus").text();
        assertThat(metrics).contains("ledger_commands_seconds");
        assertThat(identifiers).allSatisfy(identifier -> assertThat(metrics).doesNotContain(identifier));
    }

    @Test
    void theLogLeakGuardSeesTheApplicationsLogLines() {
        String marker = "no-identifiers-at-rest-" + UUID.randomUUID();
        LoggerFactory.getLogger("org.sharingledger").info(marker);

        assertThat(Identifiers.foundIn("child " + Scenario.NHS_NUMBER)).isNotEmpty();
        assertThat(LeakCapture.recordedForTheSuite())
                .as("lines recorded in this class")
                .isPositive();
    }

    /** A date of birth no column holds yet, so a hit can only come from this test. */
    private LocalDate dateOfBirthNowhereYet() {
        for (int attempt = 0; attempt < 10; attempt++) {
            LocalDate candidate = Scenario.uniqueDateOfBirth();
            if (columnsHolding(List.of(candidate.toString())).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("every date of birth tried was already in the database");
    }

    private Map<String, Object> request(Parties p, Map<String, Object> subject) {
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        body.put("subject", new LinkedHashMap<>(subject));
        return body;
    }

    /** "table.column" for each column holding any of the texts: as text, or in bytea as UTF-8 bytes or as hex. */
    private List<String> columnsHolding(List<String> texts) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' and data_type = any (?::text[])
                order by table_name, ordinal_position""", (Object) SEARCHED_TYPES.toArray(String[]::new));
        assertThat(columns)
                .extracting(column -> column.get("table_name"))
                .contains("domain_event_entry", "request_view", "request_history", "subject_key");
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = "\"" + column.get("table_name") + "\"";
            String name = "\"" + column.get("column_name") + "\"";
            boolean bytea = "bytea".equals(column.get("data_type"));
            for (String text : texts) {
                byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                String hex = HexFormat.of().formatHex(utf8);
                Long hits = bytea
                        ? jdbc.queryForObject(
                                "select count(*) from " + table + " where position(?::bytea in "
                                        + name + ") > 0 or position(? in encode(" + name + ", 'hex')) > 0 "
                                        + "or position(convert_to(?, 'UTF8') in " + name + ") > 0",
                                Long.class,
                                utf8,
                                hex,
                                hex)
                        : jdbc.queryForObject(
                                "select count(*) from " + table + " where position(? in " + name
                                        + "::text) > 0 or position(? in " + name + "::text) > 0",
                                Long.class,
                                text,
                                hex);
                if (hits != null && hits > 0) {
                    found.add(column.get("table_name") + "." + column.get("column_name"));
                }
            }
        }
        return found;
    }
}
