package org.sharingledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, before any controller runs, a request parameter (of the query or of a page's form) or a path variable
 * holding a character the ledger does not take ({@link BodyText}): 400 naming the parameter, as a problem detail for
 * the API and as the problem page for the web pages (their advice answers {@link InvalidInput} with a page). So a
 * U+0000 typed or sent anywhere never reaches the database.
 */
class ParameterText implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldProblem> problems = new ArrayList<>();
        request.getParameterMap().forEach((name, values) -> {
            boolean refused = BodyText.refused(name);
            for (String value : values) {
                refused |= BodyText.refused(value);
            }
            if (refused) {
                problems.add(new FieldProblem(printable(name), BodyText.PROBLEM));
            }
        });
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> {
                if (value instanceof String text && BodyText.refused(text)) {
                    problems.add(new FieldProblem(String.valueOf(name), BodyText.PROBLEM));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return true;
    }

    /** A parameter's name as a problem may show it: its refused characters as {@code ?}. */
    private static String printable(String name) {
        StringBuilder printable = new StringBuilder(name.length());
        name.codePoints().forEach(c -> printable.appendCodePoint(BodyText.refused(Character.toString(c)) ? '?' : c));
        return printable.toString();
    }
}
