package org.sharingledger.projections.requests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.PageSession;
import org.sharingledger.support.Scenario.Parties;

/**
 * Who may read a request: the practitioners and nominated representatives of either agency, and the Trust. A user
 * bound to one of the agencies with another role (a case reviewer) reads no request outside a timeline grant.
 */
class RequestReadersIT extends IntegrationTest {

    @Test
    void aCaseReviewerBoundToAnAgencyReadsNoRequestOfIt() {
        Parties p = scenario.parties();
        String requestId = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Credentials reviewerAtHolder = scenario.user(p.holder(), "CASE_REVIEWER");
        Credentials reviewerAtRequester = scenario.user(p.requester(), "CASE_REVIEWER");
        long denied = events("AccessDenied");

        assertThat(http.as(reviewerAtHolder).get("/api/requests/" + requestId).status())
                .isEqualTo(403);
        assertThat(http.as(reviewerAtRequester)
                        .get("/api/requests/" + requestId)
                        .status())
                .isEqualTo(403);
        assertThat(http.as(reviewerAtHolder).get("/api/requests").status()).isEqualTo(403);
        assertThat(http.as(reviewerAtHolder)
                        .get("/api/requests?agencyId=" + p.holder())
                        .status())
                .isEqualTo(403);
        assertThat(http.as(reviewerAtHolder)
                        .get("/api/agencies/" + p.holder() + "/notifications")
                        .status())
                .isEqualTo(403);
        PageSession page = new PageSession(port);
        page.signIn(reviewerAtHolder);
        assertThat(page.get("/requests/" + requestId).statusCode()).isEqualTo(403);
        assertThat(page.get("/requests").statusCode()).isEqualTo(403);
        assertThat(events("AccessDenied")).isGreaterThan(denied);
    }

    @Test
    void thePartiesAndTheTrustStillReadIt() {
        Parties p = scenario.parties();
        String requestId = scenario.request(p.requesterPractitioner(), p.requester(), p.holder());
        Credentials representative = scenario.user(p.holder(), "NOMINATED_REPRESENTATIVE");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");

        for (Credentials reader :
                new Credentials[] {p.requesterPractitioner(), p.holderPractitioner(), representative}) {
            assertThat(http.as(reader)
                            .get("/api/requests/" + requestId)
                            .json()
                            .path("subject")
                            .has("nhsNumber"))
                    .as(reader.username() + " is a party and sees the identifier")
                    .isTrue();
            assertThat(http.as(reader).get("/api/requests").status()).isEqualTo(200);
        }
        assertThat(http.as(trust).get("/api/requests/" + requestId).status()).isEqualTo(200);
        assertThat(http.as(trust)
                        .get("/api/requests/" + requestId)
                        .json()
                        .path("subject")
                        .has("nhsNumber"))
                .isFalse();
        assertThat(http.as(p.holderPractitioner())
                        .get("/api/agencies/" + p.holder() + "/notifications")
                        .status())
                .isEqualTo(200);
        PageSession page = new PageSession(port);
        page.signIn(p.holderPractitioner());
        assertThat(page.get("/requests/" + requestId).statusCode()).isEqualTo(200);
    }
}
