package org.sharingledger.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A timeline checked against its events finds the child's requests, and the agencies and users they name, through the
 * partial expression indexes of Flyway V2026.12.03.50, never by parsing every stored payload: each lookup of
 * {@link ReadModelReconciliation} is planned on its index once sequential scans are ruled out (on the suite's small
 * tables PostgreSQL would rightly prefer a scan, so the test asks whether the index fits the lookup at all).
 */
class EventPayloadLookupIT extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aChildsRequestsAreFoundByTheirPseudonymThroughAnIndex() {
        assertThat(plan("""
                        select aggregate_identifier from domain_event_entry
                        where payload_type = 'org.sharingledger.request.api.InformationRequested'
                          and ledger_payload(payload) ->> 'subjectPseudonym' = 'x'""")).contains("domain_event_entry_requested_subject_idx");
    }

    @Test
    void aCaseIsFoundByItsReferenceAndAgencyThroughAnIndex() {
        assertThat(plan("""
                        select aggregate_identifier from domain_event_entry
                        where payload_type = 'org.sharingledger.request.api.InformationRequested'
                          and ledger_payload(payload) ->> 'caseReference' = 'x'
                          and ledger_payload(payload) ->> 'requestingAgencyId' = 'y'""")).contains("domain_event_entry_requested_case_idx");
    }

    @Test
    void theAgenciesAndUsersARequestNamesAreFoundThroughIndexes() {
        assertThat(plan("""
                        select global_index from domain_event_entry
                        where payload_type = 'org.sharingledger.agency.api.AgencySigned'
                          and ledger_payload(payload) ->> 'agencyId' in ('a', 'b')""")).contains("domain_event_entry_agency_signed_idx");
        assertThat(plan("""
                        select global_index from domain_event_entry
                        where payload_type = 'org.sharingledger.access.api.UserRegistered'
                          and ledger_payload(payload) ->> 'username' in ('a', 'b')""")).contains("domain_event_entry_user_registered_idx");
    }

    private String plan(String query) {
        return new TransactionTemplate(transactions).execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("set local enable_seqscan = off");
            List<String> lines = jdbc.queryForList("explain " + query, String.class);
            return String.join("\n", lines);
        });
    }
}
