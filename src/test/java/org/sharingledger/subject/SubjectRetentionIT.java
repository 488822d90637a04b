package org.sharingledger.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.sharingledger.support.Scenario.Parties;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The end of the retention period (eight years in this suite, as by default). Rather than a context of its own with
 * a short period, the test moves one child's key eight years into the past, as if it had not been used since, and
 * runs the scheduled job at once: only that child's details are erased, by the ledger itself.
 */
class SubjectRetentionIT extends IntegrationTest {

    @Autowired
    private SubjectRetention retention;

    @Test
    void detailsNoRequestCarriedForTheRetentionPeriodAreErasedByTheLedgerItself() {
        Parties p = scenario.parties();
        String expired = request(p, Scenario.uniqueNhsNumber());
        String recent = request(p, Scenario.uniqueNhsNumber());
        Instant lastUsed = usedYearsAgo(expired, 9);
        JsonNode historyBefore = view(p, expired).path("history");

        retention.eraseExpired();

        JsonNode subject = view(p, expired).path("subject");
        assertThat(subject.path("erased").asBoolean()).isTrue();
        assertThat(subject.path("erasedAt").isNull()).isFalse();
        assertThat(view(p, expired).path("history")).isEqualTo(historyBefore);
        assertThat(view(p, recent).path("subject").path("name").isString())
                .as("used recently: kept")
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from subject_key where pseudonym = ?", Long.class, pseudonymOf(expired)))
                .isZero();

        Map<String, Object> event = jdbc.queryForMap("""
                select convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta_data
                from domain_event_entry where aggregate_identifier = ?""", "subject:" + pseudonymOf(expired));
        JsonNode payload = Http.JSON.readTree((String) event.get("payload"));
        assertThat(payload.path("legalBasis").asString()).isEqualTo("Retention period ended (P8Y)");
        assertThat(payload.path("reason").asString()).contains(lastUsed.toString());
        assertThat(Http.JSON
                        .readTree((String) event.get("meta_data"))
                        .path("actor.username")
                        .asString())
                .isEqualTo("system");
    }

    @Test
    void aNewRequestCarryingTheDetailsStartsThePeriodAgain() {
        Parties p = scenario.parties();
        String nhsNumber = Scenario.uniqueNhsNumber();
        String first = request(p, nhsNumber);
        usedYearsAgo(first, 9);

        String again = request(p, nhsNumber);
        retention.eraseExpired();

        assertThat(view(p, first).path("subject").path("name").isString()).isTrue();
        assertThat(view(p, again).path("subject").path("name").isString()).isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        "subject:" + pseudonymOf(first)))
                .isZero();
    }

    @Test
    void aSecondRunFindsNothingLeftToErase() {
        Parties p = scenario.parties();
        String expired = request(p, Scenario.uniqueNhsNumber());
        usedYearsAgo(expired, 8);
        retention.eraseExpired();
        long events = events();

        retention.eraseExpired();

        assertThat(events()).isEqualTo(events);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        "subject:" + pseudonymOf(expired)))
                .isEqualTo(1);
    }

    private String request(Parties p, String nhsNumber) {
        Map<String, Object> body = Scenario.requestBody(p.requester(), p.holder(), "ROUTINE");
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("nhsNumber", nhsNumber);
        subject.put("name", Scenario.uniqueName());
        subject.put("dateOfBirth", Scenario.uniqueDateOfBirth().toString());
        body.put("subject", subject);
        return scenario.request(p.requesterPractitioner(), body);
    }

    /** As if no request had carried the child's details for that many years (and a day). */
    private Instant usedYearsAgo(String requestId, int years) {
        Instant then = LocalDate.now(ZoneOffset.UTC)
                .minusYears(years)
                .minusDays(1)
                .atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        assertThat(jdbc.update(
                        "update subject_key set last_used_at = ? where pseudonym = ?",
                        Timestamp.from(then),
                        pseudonymOf(requestId)))
                .isEqualTo(1);
        return then;
    }

    private JsonNode view(Parties p, String requestId) {
        return http.as(p.holderPractitioner()).get("/api/requests/" + requestId).json();
    }

    private String pseudonymOf(String requestId) {
        return Http.JSON
                .readTree(jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", String.class, requestId))
                .path("subjectPseudonym")
                .asString();
    }
}
