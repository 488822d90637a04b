package org.sharingledger.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.DeniedAttempts;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.sharingledger.platform.rules.InvalidLines;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.sharingledger.platform.rules.StepNotAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every broken rule into a problem detail: 400 with one error per field, 403 (recorded), 404, 409. Messages
 * never echo the input's values, so an NHS number typed in the wrong field does not end up in a response or a log.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final DeniedAttempts deniedAttempts;
    private final long maxBodyBytes;

    ProblemHandler(DeniedAttempts deniedAttempts, @Value("${ledger.web.max-body-size:64KB}") DataSize maxBodySize) {
        this.deniedAttempts = deniedAttempts;
        this.maxBodyBytes = maxBodySize.toBytes();
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        return Problems.invalid(e.problems());
    }

    @ExceptionHandler(InvalidLines.class)
    ProblemDetail invalidLines(InvalidLines e) {
        return Problems.invalidLines(e.lines());
    }

    @ExceptionHandler(StepNotAllowed.class)
    ProblemDetail notAllowed(StepNotAllowed e) {
        return Problems.of(HttpStatus.CONFLICT, "step-not-allowed", "Step not allowed now", e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return Problems.of(
                HttpStatus.CONFLICT,
                "concurrent-change",
                "Changed by someone else",
                "Someone else recorded a step on this at the same moment. Reload it and decide again.");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail exists(AggregateStreamCreationException e) {
        return Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists", "It is already registered.");
    }

    @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        String detail = e instanceof NotFound ? e.getMessage() : "No such record.";
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    @ExceptionHandler(NotPermitted.class)
    ProblemDetail notPermitted(NotPermitted e, HttpServletRequest request) {
        CurrentActor.find()
                .ifPresent(actor ->
                        deniedAttempts.record(actor, request.getMethod(), request.getRequestURI(), e.getMessage()));
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "is not valid";
        if (e.getRequiredType() != null && e.getRequiredType().isEnum()) {
            message = BodyValues.problem(e.getRequiredType());
        }
        return Problems.invalid(List.of(new FieldProblem(e.getName(), message)));
    }

    /** An unknown path: a plain 404 that names no class and no "static resource". */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return noSuchPath();
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return noSuchPath();
    }

    private static ResponseEntity<Object> noSuchPath() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        "Not found",
                        "There is nothing at this path. The API's endpoints are listed at /v3/api-docs."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        errors.sort(Comparator.comparing(FieldProblem::field));
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(Problems.invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (BodySizeLimit.causedByTooLarge(e)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .header(HttpHeaders.CONNECTION, "close")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(BodySizeLimit.problem(maxBodyBytes));
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause == null) {
            cause = e.getMostSpecificCause();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest()
                    .body(Problems.invalid(List.of(new FieldProblem(path(unknown), "is not a known field"))));
        }
        if (cause instanceof InvalidFormatException format) {
            String message = BodyValues.problem(format.getTargetType());
            return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem(path(format), message))));
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(Problems.invalid(List.of(new FieldProblem(path(mismatch), "has the wrong type"))));
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(Problems.invalid(List.of(new FieldProblem(path(jackson), "is not valid"))));
        }
        log.debug("Unreadable request body: {}", cause.getClass().getSimpleName());
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "malformed",
                        "Malformed request",
                        "The body is missing or is not well-formed JSON."));
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }
}
