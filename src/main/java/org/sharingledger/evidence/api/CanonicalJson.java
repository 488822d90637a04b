package org.sharingledger.evidence.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical bytes of a JSON document, which a seal signs: object members sorted by name, no whitespace, UTF-8,
 * numbers and strings as Jackson writes them. Layout (spaces, line breaks, member order) is not part of what is
 * signed; every name and value is.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CanonicalJson() {}

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(sorted(node));
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> members = new TreeMap<>();
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                members.put(member.getKey(), sorted(member.getValue()));
            }
            ObjectNode copy = MAPPER.createObjectNode();
            members.forEach(copy::set);
            return copy;
        }
        if (node instanceof ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(item -> items.add(sorted(item)));
            ArrayNode copy = MAPPER.createArrayNode();
            items.forEach(copy::add);
            return copy;
        }
        return node;
    }
}
