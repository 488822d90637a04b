package org.sharingledger.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.dao.DataAccessException;

/** The database itself refuses to change or remove a stored event, whoever asks through the application's role. */
class AppendOnlyLedgerIT extends IntegrationTest {

    @Test
    void storedEventsCannotBeUpdatedDeletedOrTruncated() {
        Scenario.Parties p = scenario.parties();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        long before = events();
        String payload = jdbc.queryForObject(
                "select encode(payload, 'hex') from domain_event_entry " + "where aggregate_identifier = ?",
                String.class,
                id);

        assertThatThrownBy(() -> jdbc.update(
                        "update domain_event_entry set payload = '\\x00' " + "where aggregate_identifier = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("the ledger is append-only");
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", id))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("the ledger is append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry cascade"))
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("the ledger is append-only");

        assertThat(events()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select encode(payload, 'hex') from domain_event_entry " + "where aggregate_identifier = ?",
                        String.class,
                        id))
                .isEqualTo(payload);
    }

    @Test
    void appendingStillWorks() {
        Scenario.Parties p = scenario.parties();
        long before = events();
        String id = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        http.as(p.holderPractitioner()).post("/api/requests/" + id + "/refusal", Scenario.refusal());
        assertThat(events()).isEqualTo(before + 2);
    }
}
