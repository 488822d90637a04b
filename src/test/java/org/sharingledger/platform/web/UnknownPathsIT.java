package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;

/** An unknown path under /api/ is a plain 404 problem detail that names nothing of the ledger's insides. */
class UnknownPathsIT extends IntegrationTest {

    private static final Credentials ADMIN = new Credentials("admin", ADMIN_PASSWORD);

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/nope", "/api/requests/x/y/z", "/api/agencies/a/b/c/d", "/api/index.html"})
    void unknownApiPathIs404ProblemNamingNoInternals(String path) {
        Response response = http.as(ADMIN).get(path);

        assertNotFoundProblem(response);
    }

    @Test
    void unknownApiPathIs404ForAPostTooAndRecordsNothing() {
        long before = events();

        Response response = http.as(ADMIN).post("/api/nope", Map.of("a", "b"));

        assertNotFoundProblem(response);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void unknownApiPathWithoutCredentialsIsStill401() {
        assertThat(http.anonymous().get("/api/nope").status()).isEqualTo(401);
    }

    /** Outside /api/ and the pages, the filter chain denies every path, and says so in words. */
    @Test
    void unknownPathOutsideTheApiAndThePagesIsDeniedInWords() {
        Response response = http.as(ADMIN).get("/nope");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("detail")).contains("the API is under /api/");
    }

    private static void assertNotFoundProblem(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("title")).isEqualTo("Not found");
        assertThat(response.field("detail"))
                .isEqualTo("There is nothing at this path. The API's endpoints are listed at /v3/api-docs.");
        assertThat(response.text())
                .doesNotContainIgnoringCase("static resource")
                .doesNotContain("Exception")
                .doesNotContain("org.");
    }
}
