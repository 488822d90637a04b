package org.sharingledger.platform.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a value of the wrong shape is described to the caller: in plain words, never echoing the value. */
final class BodyValues {

    private BodyValues() {}

    static String problem(Class<?> type) {
        if (type != null && type.isEnum()) {
            return "must be one of " + enumValues(type);
        }
        return "is not a valid " + simpleType(type);
    }

    static String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "Instant" -> "instant (ISO-8601 in UTC, e.g. 2009-03-31T09:15:00Z)";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "UUID" -> "UUID";
            default -> type.getSimpleName().toLowerCase(Locale.ROOT);
        };
    }
}
