package org.sharingledger.evidence.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ledger seals a tree by writing it canonically itself; the verifier checks the same document as text, read by
 * its own reader. Both must give the same bytes for every tree an export can hold.
 */
class CanonicalJsonTreeTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JACKSON.getNodeFactory();
    private static final String[] TEXTS = {
        "",
        "plain",
        "quote \" backslash \\ slash /",
        "tab\tnewline\ncr\rbell\u0007del\u007f nul\u0000",
        "Zoë, 日本, 🙂 and \u2028",
        "{\"not\": \"an object\"}",
        "\b\f\u001f"
    };

    @Test
    void writingTheTreeGivesTheBytesTheVerifierGivesForItsText() {
        Random random = new Random(20261201L);
        for (int i = 0; i < 500; i++) {
            JsonNode tree = value(random, 0);
            String text = JACKSON.writeValueAsString(tree);

            assertThat(new String(CanonicalJson.bytes(tree), StandardCharsets.UTF_8))
                    .as(text)
                    .isEqualTo(
                            new String(org.sharingledger.verifier.CanonicalJson.bytes(text), StandardCharsets.UTF_8));
        }
    }

    @Test
    void membersAreSortedAndNothingIsSpaced() {
        ObjectNode tree = JACKSON.createObjectNode();
        tree.put("b", 1.5).put("a", "x\ny").putArray("c").add(true).addNull();

        assertThat(new String(CanonicalJson.bytes(tree), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"x\\ny\",\"b\":1.5,\"c\":[true,null]}");
    }

    private static JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 6 : 8)) {
            case 0 -> NODES.textNode(TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(10));
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(random.nextInt(1000) - 500);
            case 3 -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(30) - 15));
            case 4 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            case 5 ->
                random.nextBoolean()
                        ? NODES.numberNode(new BigDecimal(BigInteger.valueOf(random.nextLong()), 3))
                        : NODES.numberNode(BigInteger.valueOf(random.nextLong()).shiftLeft(70));
            case 6 -> {
                ObjectNode object = JACKSON.createObjectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(TEXTS[random.nextInt(TEXTS.length)] + random.nextInt(100), value(random, depth + 1));
                }
                yield object;
            }
            default -> {
                ArrayNode array = JACKSON.createArrayNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }
}
