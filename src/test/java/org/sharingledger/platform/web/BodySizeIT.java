package org.sharingledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.sharingledger.support.Http.Credentials;
import org.sharingledger.support.Http.Response;
import org.sharingledger.support.IntegrationTest;
import org.sharingledger.support.Scenario;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API takes bodies of at most 64 KB: a larger one is refused with 413 before it is read into memory, whether
 * its length is announced or it comes in chunks, and nothing is recorded. Jackson's read limits make an absurd
 * document (nested too deep, a number of a thousand digits) a 400.
 */
class BodySizeIT extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    private JsonMapper jsonMapper;

    @Test
    void aBodyOverSixtyFourKilobytesIsRefusedWith413AndRecordsNothing() {
        Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        long before = events();

        Response response = http.as(user).post("/api/tokens", tokenBody(70_000));

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.field("type")).isEqualTo("urn:sharing-ledger:problem:body-too-large");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithoutALengthIsCutOffAtTheLimitWithA413() throws Exception {
        Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        long before = events();

        // a recording POST: the idempotency filter reads the body first
        HttpResponse<String> token = chunked(user, "POST", "/api/tokens", tokenBody(200_000));
        // a PUT: Jackson reads it
        HttpResponse<String> address = chunked(
                Scenario.ADMIN,
                "PUT",
                "/api/agencies/" + scenario.agency("POLICE") + "/notification-address",
                "{\"email\": \"" + "a".repeat(200_000) + "@example.org\"}");

        assertThat(token.statusCode()).as(token.body()).isEqualTo(413);
        assertThat(token.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(address.statusCode()).as(address.body()).isEqualTo(413);
        assertThat(address.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(events()).isEqualTo(before + 1); // the agency signed for the PUT, nothing else
    }

    @Test
    void aBodyUnderTheLimitIsReadAndCheckedAsBefore() {
        Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");

        Response response = http.as(user).post("/api/tokens", tokenBody(60_000));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.errorFields()).containsExactly("name");
    }

    @Test
    void jacksonRefusesAbsurdDocumentsWithA400() {
        Credentials user = scenario.user(scenario.agency("EDUCATION"), "PRACTITIONER");
        StreamReadConstraints constraints = jsonMapper.tokenStreamFactory().streamReadConstraints();
        assertThat(constraints.getMaxNestingDepth()).isEqualTo(64);
        assertThat(constraints.getMaxNumberLength()).isEqualTo(100);
        assertThat(constraints.getMaxStringLength()).isEqualTo(1_000_000);

        Response deep = http.as(user).post("/api/tokens", "{\"name\": " + "[".repeat(100) + "]".repeat(100) + "}");
        Response longNumber =
                http.as(user).post("/api/tokens", "{\"name\": \"n\", \"validDays\": 1" + "0".repeat(1000) + "}");

        assertThat(deep.status()).as(deep.toString()).isEqualTo(400);
        assertThat(deep.header("Content-Type")).startsWith("application/problem+json");
        assertThat(longNumber.status()).as(longNumber.toString()).isEqualTo(400);
        assertThat(longNumber.header("Content-Type")).startsWith("application/problem+json");
    }

    private static String tokenBody(int nameLength) {
        return "{\"name\": \"" + "n".repeat(nameLength) + "\"}";
    }

    private HttpResponse<String> chunked(Credentials credentials, String method, String path, String body)
            throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((credentials.username() + ":" + credentials.password())
                                                .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
