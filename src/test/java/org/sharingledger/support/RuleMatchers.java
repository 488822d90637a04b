package org.sharingledger.support;

import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.sharingledger.platform.rules.InvalidInput;

/** Matchers for Axon fixture tests' expected exceptions. */
public final class RuleMatchers {

    private RuleMatchers() {}

    /** An {@link InvalidInput} naming exactly these fields, in this order. */
    public static Matcher<InvalidInput> invalidInputOn(String... fields) {
        List<String> expected = List.of(fields);
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidInput invalid, Description mismatch) {
                List<String> actual = invalid.problems().stream()
                        .map(InvalidInput.FieldProblem::field)
                        .toList();
                mismatch.appendText("InvalidInput on fields ").appendValue(actual);
                return actual.equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("InvalidInput on fields ").appendValue(expected);
            }
        };
    }
}
