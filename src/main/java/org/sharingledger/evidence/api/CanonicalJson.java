package org.sharingledger.evidence.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The canonical bytes of a JSON document, which a seal signs: those of the independent verifier's
 * {@link org.sharingledger.verifier.CanonicalJson} (members sorted by name, no whitespace, UTF-8, numbers as written),
 * so that the ledger seals exactly what the verifier checks.
 */
public final class CanonicalJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CanonicalJson() {}

    public static byte[] bytes(JsonNode node) {
        return org.sharingledger.verifier.CanonicalJson.bytes(MAPPER.writeValueAsString(node));
    }
}
