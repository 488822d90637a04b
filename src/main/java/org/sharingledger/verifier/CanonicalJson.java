package org.sharingledger.verifier;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical bytes of a JSON document, which an export's seal signs: object members sorted by name (by UTF-16
 * code units, as {@link String#compareTo}), no whitespace, UTF-8; numbers exactly as written; strings with {@code "}
 * and {@code \} escaped, the control characters {@code \b \t \n \f \r} in their short form and the others as
 * {@code \}{@code u00XX} (upper-case hex), every other character as itself. Layout (spaces, line breaks, member
 * order) is not part of what is signed; every name and value is. This is the one implementation: the ledger seals
 * with it and the independent verifier checks with it.
 */
public final class CanonicalJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalJson() {}

    /** The canonical bytes of a JSON text. */
    public static byte[] bytes(String json) {
        return bytes(Json.parse(json));
    }

    /** The canonical bytes of a value read by {@link Json#parse}. */
    public static byte[] bytes(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> sorted = new TreeMap<>();
            object.forEach((name, member) -> sorted.put((String) name, member));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> array) {
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.get(i), out);
            }
            out.append(']');
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Json.JsonNumber || value instanceof Boolean || value == Json.NULL) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value);
        }
    }

    /**
     * A string value or member name in its canonical form: the escapes above, and every other character as itself
     * (copied in runs, which matters for exports of thousands of strings).
     */
    public static void string(String text, StringBuilder out) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, run, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            run = i + 1;
        }
        out.append(text, run, text.length());
        out.append('"');
    }
}
