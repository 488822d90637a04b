package org.sharingledger.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: what an agency's system would send, and what it gets back. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public Call as(Credentials credentials) {
        return new Call(credentials == null ? null : credentials.authorization());
    }

    public Call anonymous() {
        return new Call(null);
    }

    public Call withToken(String token) {
        return new Call("Bearer " + token);
    }

    /** Username and password, sent as HTTP Basic. */
    public record Credentials(String username, String password) {
        String authorization() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** One request under construction. */
    public final class Call {
        private final String authorization;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String authorization) {
            this.authorization = authorization;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response get(String path) {
            return send(builder(path).GET());
        }

        public Response post(String path, Object body) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(builder(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text)));
        }

        /** A POST of a body of another type (a CSV file, say), as bytes. */
        public Response post(String path, String contentType, byte[] body) {
            return send(builder(path)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        public Response put(String path, Object body) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(builder(path)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(text)));
        }

        public Response delete(String path) {
            return send(builder(path).DELETE());
        }

        /** A POST whose answer is binary (a PDF, say): its bytes, whatever the status. */
        public byte[] postForBytes(String path, Object body) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            try {
                return CLIENT.send(
                                builder(path)
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(text))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                        .body();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** A GET whose answer is binary (a PDF, say): status, headers and bytes. */
        public HttpResponse<byte[]> getBytes(String path) {
            try {
                return CLIENT.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest.Builder builder(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            headers.forEach(builder::header);
            return builder;
        }

        private Response send(HttpRequest.Builder builder) {
            try {
                HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(), response);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Status, body as JSON (when it is JSON) and headers. */
    public record Response(int status, String text, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(text);
        }

        public String field(String name) {
            JsonNode node = json().get(name);
            return node == null || node.isNull() ? null : node.asString();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The fields named in a problem detail's errors. */
        public List<String> errorFields() {
            List<String> fields = new ArrayList<>();
            json().path("errors")
                    .forEach(error -> fields.add(error.path("field").asString()));
            return fields;
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
