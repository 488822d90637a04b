package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;

/** No credentials, no answer: every endpoint of the API says 401 with a problem detail and records nothing. */
class EveryEndpointNeedsCredentialsIT extends IntegrationTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "POST, /api/agencies",
        "GET, /api/agencies",
        "GET, /api/agencies/some-agency",
        "POST, /api/agencies/some-agency/withdrawal",
        "POST, /api/agencies/some-agency/nominated-representative",
        "POST, /api/agencies/some-agency/signature",
        "GET, /api/agencies?asOf=2012-01-01",
        "GET, /api/membership",
        "GET, /api/code-versions",
        "GET, /api/agencies/some-agency/dashboard",
        "GET, /api/agencies/some-agency/commissioned",
        "GET, /api/trust/refusal-patterns",
        "POST, /api/users",
        "GET, /api/users",
        "POST, /api/users/someone/disable",
        "POST, /api/users/someone/enable",
        "POST, /api/users/someone/password",
        "GET, /api/users/someone/tokens",
        "POST, /api/tokens",
        "GET, /api/tokens",
        "POST, /api/tokens/{id}/revocation",
        "POST, /api/requests",
        "GET, /api/requests",
        "GET, /api/requests/{id}",
        "POST, /api/requests/{id}/share",
        "POST, /api/requests/{id}/refusal",
        "POST, /api/requests/{id}/escalations",
        "POST, /api/requests/{id}/escalations/resolution",
        "POST, /api/requests/{id}/withdrawal",
        "GET, /api/admin/read-models",
        "POST, /api/admin/read-models/dashboards/rebuild",
        "POST, /api/timeline-grants",
        "GET, /api/timeline-grants",
        "POST, /api/timeline-grants/{id}/revocation",
        "POST, /api/subjects/erasure",
        "GET, /actuator/prometheus"
    })
    void answers401WithoutCredentials(String method, String path) {
        String target = path.replace("{id}", UUID.randomUUID().toString());
        long before = events();

        Response response = "GET".equals(method)
                ? http.anonymous().get(target)
                : http.anonymous().post(target, Map.of());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(before);
    }
}
