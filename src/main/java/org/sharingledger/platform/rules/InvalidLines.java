package org.sharingledger.platform.rules;

import java.io.Serial;
import java.util.List;

/**
 * A file whose lines break rules: answered 400 with one error per problem, each naming its line (as a spreadsheet
 * numbers them: the header is line 1) and field, and nothing of the file is recorded.
 */
public class InvalidLines extends InvalidInput {

    @Serial
    private static final long serialVersionUID = 1L;

    private final List<LineProblem> lines;

    public InvalidLines(List<LineProblem> lines) {
        super(lines.stream()
                .map(problem -> new FieldProblem(problem.field(), "(line " + problem.line() + ") " + problem.message()))
                .toList());
        this.lines = List.copyOf(lines);
    }

    public List<LineProblem> lines() {
        return lines;
    }

    /** One problem of one line, as shown in a problem detail's {@code errors}. */
    public record LineProblem(int line, String field, String message) {}
}
