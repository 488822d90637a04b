package org.sharingledger.platform.web;

import jakarta.validation.Valid;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.InvalidInput.FieldProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every field's problem in one answer. While a JSON body is read, {@link BodyProblems} notes each value of the
 * wrong shape instead of stopping at the first; after reading, if any was noted, the body is validated as Spring MVC
 * would (its {@code @NotNull}, {@code @Size} and the rest, the same rules, declared once on the body's record), and
 * one 400 lists the values of the wrong shape and every other field's problem together. Nothing is recorded: the
 * controller is never called.
 */
@ControllerAdvice
class BodyProblemsAdvice extends RequestBodyAdviceAdapter {

    private final ObjectProvider<jakarta.validation.Validator> validator;

    BodyProblemsAdvice(ObjectProvider<jakarta.validation.Validator> validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        BodyProblems.start();
        return input;
    }

    @Override
    public Object handleEmptyBody(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        BodyProblems.finish();
        return body;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldProblem> shapes = BodyProblems.finish();
        if (shapes.isEmpty()) {
            return body;
        }
        List<FieldProblem> problems = new ArrayList<>(shapes);
        if (parameter.hasParameterAnnotation(Valid.class) || parameter.hasParameterAnnotation(Validated.class)) {
            problems.addAll(otherProblems(body, parameter, shapes));
        }
        problems.sort(Comparator.comparing(FieldProblem::field));
        throw new InvalidInput(problems);
    }

    /** The body's validation errors, but for the fields whose value already had the wrong shape. */
    private List<FieldProblem> otherProblems(Object body, MethodParameter parameter, List<FieldProblem> shapes) {
        jakarta.validation.Validator jakarta = validator.getIfAvailable();
        if (jakarta == null) {
            return List.of();
        }
        String name = Conventions.getVariableNameForParameter(parameter);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, name);
        new SpringValidatorAdapter(jakarta).validate(body, errors);
        Set<String> reported = shapes.stream().map(FieldProblem::field).collect(Collectors.toSet());
        List<FieldProblem> others = new ArrayList<>();
        errors.getFieldErrors().stream()
                .filter(error -> !reported.contains(error.getField()))
                // a problem of the whole (subject) that comes of a part (subject.localReference) already reported
                .filter(error -> reported.stream().noneMatch(field -> field.startsWith(error.getField() + ".")))
                .forEach(error -> others.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        errors.getGlobalErrors()
                .forEach(error -> others.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return others;
    }
}
