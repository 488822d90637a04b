package org.sharingledger.platform.rules;

import java.io.Serial;
import java.util.List;

/** Input that breaks a rule: answered 400 with one error per field, and nothing is recorded. */
public class InvalidInput extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<FieldProblem> problems;

    public InvalidInput(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public InvalidInput(List<FieldProblem> problems) {
        super(
                problems.isEmpty()
                        ? "invalid input"
                        : problems.get(0).field() + " " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One field's problem, as shown in a problem detail's {@code errors}. */
    public record FieldProblem(String field, String message) {}
}
