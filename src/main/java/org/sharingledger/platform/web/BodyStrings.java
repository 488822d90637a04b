package org.sharingledger.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads every string of a JSON request body as Jackson would, and notes (through {@link BodyProblems}) a string that
 * holds a character the ledger does not take ({@link BodyText}), naming its field: a U+0000 in any field of any
 * body is then a 400, not a database error. Only while a request body is read: stored JSON reads as it was written.
 */
final class BodyStrings extends StdScalarDeserializer<String> {

    BodyStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (BodyText.refused(value) && BodyProblems.note(parser, BodyText.PROBLEM)) {
            return null;
        }
        return value;
    }

    @Override
    public Object getEmptyValue(DeserializationContext context) {
        return "";
    }
}
