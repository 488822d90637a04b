package org.sharingledger.support;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class if any line logged while it ran (by the application, the test or anything else) holds a child's
 * identifier: one the test support registered ({@link Identifiers}), or any number that reads as a valid NHS number.
 * Registered for every test class of the suite (src/test/resources/META-INF/services, with extension autodetection
 * in junit-platform.properties); it reads what {@link LeakCapture} records, as configured in logback-test.xml.
 */
public class LogLeakGuard implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (isTopLevel(context)) {
            LeakCapture.suite().clear();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (isTopLevel(context)) {
            List<String> leaks = LeakCapture.suite().leaks();
            LeakCapture.suite().clear();
            check(leaks);
        }
    }

    /** Throws when any line leaks, with the lines shown masked. */
    static void check(List<String> leaks) {
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " log line(s) hold a child's identifier (masked here):\n"
                    + leaks.stream().limit(10).map(Identifiers::masked).collect(Collectors.joining("\n")));
        }
    }

    private static boolean isTopLevel(ExtensionContext context) {
        return context.getTestClass()
                .map(type -> !type.isAnnotationPresent(Nested.class))
                .orElse(false);
    }
}
