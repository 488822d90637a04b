package org.sharingledger.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario;

/** The Trust's evidence page: the checkpoint to publish, and verification at the press of a button. */
class EvidencePagesIT extends IntegrationTest {

    @Test
    void theTrustSeesTheLatestCheckpointAndCanDownloadItsStatement() {
        Scenario.Parties p = scenario.parties();
        scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        PageSession trust = signedIn(scenario.user(null, "TRUST_REVIEWER"));

        HttpResponse<String> page = trust.get("/ledger");
        HttpResponse<String> statement = trust.get("/ledger/checkpoint.txt");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Ledger evidence</h1>")
                .contains("id=\"statement\"")
                .contains("id=\"download-statement\"")
                .contains("aria-current=\"page\">Ledger evidence</a>");
        assertThat(statement.statusCode()).isEqualTo(200);
        assertThat(statement.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(statement.body()).startsWith("sharing-ledger\n").contains("\n\n\u2014 sharing-ledger ");
        String treeSize = statement.body().split("\n", -1)[1];
        assertThat(page.body()).contains(treeSize);
    }

    @Test
    void verifyingFromThePageSaysVerifiedWithTheNumberOfRecords() {
        PageSession trust = signedIn(scenario.user(null, "TRUST_REVIEWER"));
        String form = trust.get("/ledger").body();

        HttpResponse<String> result = trust.post("/ledger/verification", Map.of("_csrf", PageSession.csrf(form)));

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body())
                .contains("<h2 id=\"verification-heading\">Verified</h2>")
                .contains("id=\"verified-summary\"")
                .doesNotContain("id=\"problems\"");
    }

    @Test
    void aPractitionerIsRefusedTheEvidencePageAndTheRefusalIsRecorded() {
        Scenario.Parties p = scenario.parties();
        PageSession practitioner = signedIn(p.requesterPractitioner());
        long denied = events("AccessDenied");

        HttpResponse<String> page = practitioner.get("/ledger");
        HttpResponse<String> statement = practitioner.get("/ledger/checkpoint.txt");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Not allowed");
        assertThat(statement.statusCode()).isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 2);
        assertThat(practitioner.get("/requests").body()).doesNotContain("Ledger evidence");
    }

    @Test
    void withoutSigningInThePageAsksForIt() {
        HttpResponse<String> page = new PageSession(port).get("/ledger");

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private PageSession signedIn(Credentials credentials) {
        PageSession session = new PageSession(port);
        session.signIn(credentials);
        return session;
    }
}
