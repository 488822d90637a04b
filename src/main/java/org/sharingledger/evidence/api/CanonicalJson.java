package org.sharingledger.evidence.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical bytes of a JSON document, which a seal signs: those of the independent verifier's
 * {@link org.sharingledger.verifier.CanonicalJson} (members sorted by name, no whitespace, UTF-8, numbers as written),
 * so that the ledger seals exactly what the verifier checks.
 *
 * <p>The tree is written directly, not written out by Jackson and read back by the verifier's reader: a timeline of
 * 500 steps is about a megabyte of JSON, and that round trip was the largest part of its query's CPU. Strings use the verifier's
 * own escaping, and a number is written as Jackson writes it (so as the verifier reads it back); {@code
 * CanonicalJsonTreeTest} checks that both ways give the same bytes.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CanonicalJson() {}

    public static byte[] bytes(JsonNode node) {
        StringBuilder out = new StringBuilder(8192);
        write(node, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                sorted.put(member.getKey(), member.getValue());
            }
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> member : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                org.sharingledger.verifier.CanonicalJson.string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isString()) {
            org.sharingledger.verifier.CanonicalJson.string(node.stringValue(), out);
        } else if (node.isIntegralNumber()) {
            out.append(node.numberValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull()) {
            out.append("null");
        } else {
            // Other numbers, and anything else a tree can hold: as Jackson writes it, read back by the verifier
            out.append(new String(
                    org.sharingledger.verifier.CanonicalJson.bytes(MAPPER.writeValueAsString(node)),
                    StandardCharsets.UTF_8));
        }
    }
}
