package org.sharingledger.projections.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.IntegrationTest;

class DashboardAccessIT extends IntegrationTest {

    @Test
    void aNominatedRepresentativeSeesOnlyTheirOwnAgencysDashboard() {
        String own = scenario.agency("HEALTH");
        String other = scenario.agency("EDUCATION");
        Credentials representative = scenario.user(own, "NOMINATED_REPRESENTATIVE");
        awaitReadModels();
        long denied = events("AccessDenied");

        assertThat(http.as(representative)
                        .get("/api/agencies/" + own + "/dashboard")
                        .status())
                .isEqualTo(200);
        assertThat(http.as(representative)
                        .get("/api/agencies/" + other + "/dashboard")
                        .status())
                .isEqualTo(403);
        assertThat(http.as(representative).get("/api/trust/refusal-patterns").status())
                .isEqualTo(403);
        assertThat(events("AccessDenied")).isEqualTo(denied + 2);
    }

    @Test
    void practitionersDoNotSeeDashboardsAndTheTrustSeesEveryOne() {
        String agency = scenario.agency("POLICE");
        Credentials practitioner = scenario.user(agency, "PRACTITIONER");
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        awaitReadModels();

        assertThat(http.as(practitioner)
                        .get("/api/agencies/" + agency + "/dashboard")
                        .status())
                .isEqualTo(403);
        assertThat(http.as(trust).get("/api/agencies/" + agency + "/dashboard").status())
                .isEqualTo(200);
        assertThat(http.as(trust).get("/api/trust/refusal-patterns").status()).isEqualTo(200);
        assertThat(http.as(trust).get("/api/agencies/no-such-agency/dashboard").status())
                .isEqualTo(404);
        assertThat(http.anonymous().get("/api/trust/refusal-patterns").status()).isEqualTo(401);
    }

    @Test
    void periodsAreValidated() {
        Credentials trust = scenario.user(null, "TRUST_REVIEWER");
        assertThat(http.as(trust)
                        .get("/api/trust/refusal-patterns?from=2009-04-01&to=2009-03-01")
                        .errorFields())
                .containsExactly("from");
        assertThat(http.as(trust).get("/api/trust/refusal-patterns?from=March").errorFields())
                .containsExactly("from");
        assertThat(http.as(trust)
                        .header("Accept", "text/csv")
                        .get("/api/trust/refusal-patterns?table=pie")
                        .status())
                .isEqualTo(400);
        var period = http.as(trust)
                .get("/api/trust/refusal-patterns?from=2009-03-01&to=2009-03-31")
                .json();
        assertThat(period.path("monthly").size()).isEqualTo(1);
        assertThat(period.path("monthly").get(0).path("month").asString()).isEqualTo("2009-03");
        assertThat(period.path("monthly").get(0).path("received").asLong()).isZero();
    }
}
