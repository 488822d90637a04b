package org.sharingledger.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.InvalidLines.LineProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds and writes RFC 9457 problem details, the one shape every error of the API takes. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:sharing-ledger:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "Invalid input",
                errors.size() == 1 ? "One field is not valid." : errors.size() + " fields are not valid.");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(error -> Map.of("field", error.field(), "message", error.message()))
                        .toList());
        return problem;
    }

    /** A file's problems, each with its line (the header is line 1) and field; nothing of the file was recorded. */
    public static ProblemDetail invalidLines(List<LineProblem> errors) {
        long lines = errors.stream().mapToInt(LineProblem::line).distinct().count();
        ProblemDetail problem = of(
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "Invalid input",
                (lines == 1 ? "One line is" : lines + " lines are") + " not valid. Nothing of the file was recorded.");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(error -> Map.of("line", error.line(), "field", error.field(), "message", error.message()))
                        .toList());
        return problem;
    }

    /** For filters, which answer before Spring MVC's message converters are involved. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
