package org.sharingledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verifier's own JSON reader and canonical form give the bytes the ledger sealed with Jackson before, for every
 * document Jackson writes (numbers are kept as written, and Jackson never writes {@code 1e3}).
 */
class CanonicalJsonTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    @Test
    void theCanonicalBytesAreThoseJacksonWroteForSortedMembers() {
        String document = """
                { "z": [1, -2, 3.5, 1000.0, true, false, null, {}, []],
                  "a": "quote \\" backslash \\\\ slash \\/ tab \\t newline \\n cr \\r bell \\u0007 del \\u007f",
                  "é": "Zoë, 日本, 🙂 and \\u2028",
                  "nested": { "b": {"d": 1, "c": [ {"y": 2, "x": 1} ]}, "a": 0 } }""";

        assertThat(new String(CanonicalJson.bytes(document), StandardCharsets.UTF_8))
                .isEqualTo(new String(jacksonCanonical(JACKSON.readTree(document)), StandardCharsets.UTF_8));
    }

    @Test
    void numbersAreKeptExactlyAsWritten() {
        assertThat(new String(CanonicalJson.bytes("{\"b\": 1e3, \"a\": 1.50}"), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":1.50,\"b\":1e3}");
    }

    @Test
    void aMemberNamedTwiceOrTrailingTextIsNotJson() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1, \"a\": 2}")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("after the JSON value");
        assertThatThrownBy(() -> Json.parse("[01]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(500))).hasMessageContaining("levels deep");
        assertThat(Json.parse(" {\"n\": -0.5e-3} ")).isEqualTo(Map.of("n", new Json.JsonNumber("-0.5e-3")));
    }

    /** How the ledger canonicalised before: Jackson's tree, members sorted, written compactly. */
    private static byte[] jacksonCanonical(JsonNode node) {
        return JACKSON.writeValueAsBytes(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> members = new TreeMap<>();
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                members.put(member.getKey(), sorted(member.getValue()));
            }
            ObjectNode copy = JACKSON.createObjectNode();
            members.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(item -> items.add(sorted(item)));
            ArrayNode copy = JACKSON.createArrayNode();
            items.forEach(copy::add);
            return copy;
        }
        return node;
    }
}
