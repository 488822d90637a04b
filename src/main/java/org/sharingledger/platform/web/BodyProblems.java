package org.sharingledger.platform.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.util.ClassUtil;

/**
 * Lets the reading of a JSON request body go on past a value of the wrong shape (an enum value not in the list, a
 * date that is no date, an unknown field), noting the field and what was wrong, so that the caller hears of every
 * field at once. It works only while {@link BodyProblemsAdvice} reads a request body: everywhere else (stored JSON,
 * read models) Jackson stays strict. The field the value was meant for reads as null; {@link BodyProblemsAdvice} then
 * answers 400 before anything sees that null.
 */
final class BodyProblems extends DeserializationProblemHandler {

    private static final String ATTRIBUTE = BodyProblems.class.getName();

    /** Starts noting problems for the body about to be read in this request. */
    static void start() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ATTRIBUTE, new ArrayList<FieldProblem>(), RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The problems noted while the body was read; noting stops. */
    static List<FieldProblem> finish() {
        List<FieldProblem> problems = noted();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
        return problems == null ? List.of() : problems;
    }

    @SuppressWarnings("unchecked") // only this class sets the attribute, always to such a list
    private static List<FieldProblem> noted() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null
                ? null
                : (List<FieldProblem>) request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    @Override
    public Object handleWeirdStringValue(
            DeserializationContext ctxt, Class<?> targetType, String valueToConvert, String failureMsg) {
        return note(ctxt.getParser(), targetType);
    }

    @Override
    public Object handleWeirdNumberValue(
            DeserializationContext ctxt, Class<?> targetType, Number valueToConvert, String failureMsg) {
        return note(ctxt.getParser(), targetType);
    }

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext ctxt,
            JsonParser p,
            ValueDeserializer<?> deserializer,
            Object beanOrClass,
            String propertyName) {
        List<FieldProblem> problems = noted();
        if (problems == null) {
            return false;
        }
        problems.add(new FieldProblem(path(p.streamReadContext()), "is not a known field"));
        p.skipChildren();
        return true;
    }

    /**
     * Notes a problem with the value the parser is at, when a request body is being read; answers whether it did
     * (outside a request body nothing is noted, and the value reads as it is).
     */
    static boolean note(JsonParser parser, String message) {
        List<FieldProblem> problems = noted();
        if (problems == null || parser == null) {
            return false;
        }
        problems.add(new FieldProblem(path(parser.streamReadContext()), message));
        return true;
    }

    private static Object note(JsonParser parser, Class<?> targetType) {
        List<FieldProblem> problems = noted();
        if (problems == null || parser == null) {
            return NOT_HANDLED;
        }
        problems.add(new FieldProblem(path(parser.streamReadContext()), BodyValues.problem(targetType)));
        return targetType.isPrimitive() ? ClassUtil.defaultValue(targetType) : null;
    }

    /** The field's path as the validation errors name it: {@code subject.dateOfBirth}, {@code roles[1]}. */
    static String path(TokenStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.currentName() != null) {
                segments.add(c.currentName());
            } else if (c.inArray()) {
                segments.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        Collections.reverse(segments);
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!path.isEmpty() && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
