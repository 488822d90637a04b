package org.sharingledger.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads dates and instants as Jackson does, and notes (through {@link BodyProblems}) one of a request body outside
 * the years 1 to 9999, naming its field: Java reads {@code -999999999-01-01}, but the database cannot store it, and
 * it would be a 500. The rules of each field (not in the future, not before the request) stay the services' own.
 * Only while a request body is read: stored JSON reads as it was written.
 */
final class BodyDates extends DelegatingDeserializer {

    private final Class<?> type;

    BodyDates(Class<?> type, ValueDeserializer<?> delegatee) {
        super(delegatee);
        this.type = type;
    }

    @Override
    protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
        return new BodyDates(type, newDelegatee);
    }

    @Override
    public Object deserialize(JsonParser parser, DeserializationContext context) {
        Object value = _delegatee.deserialize(parser, context);
        if (outOfRange(value) && BodyProblems.note(parser, BodyValues.problem(type))) {
            return null;
        }
        return value;
    }

    static boolean outOfRange(Object value) {
        int year;
        if (value instanceof LocalDate date) {
            year = date.getYear();
        } else if (value instanceof Instant instant) {
            year = instant.atOffset(ZoneOffset.UTC).getYear();
        } else {
            return false;
        }
        return year < 1 || year > 9999;
    }
}
