package org.sharingledger.projections.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.sharingledger.kernel.CurrentActor;
import org.sharingledger.kernel.DeniedAttempts;
import org.sharingledger.platform.rules.InvalidInput;
import org.sharingledger.platform.rules.NotFound;
import org.sharingledger.platform.rules.NotPermitted;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Broken rules on the web pages answer with pages. Ahead of the API's problem handler, and only for controllers
 * marked {@link LedgerPage}; a controller's own handlers still come first.
 */
@ControllerAdvice(annotations = LedgerPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private final DeniedAttempts deniedAttempts;

    PageProblems(DeniedAttempts deniedAttempts) {
        this.deniedAttempts = deniedAttempts;
    }

    /** As in the API: recorded as an {@code AccessDenied} event, answered 403, here with a page. */
    @ExceptionHandler(NotPermitted.class)
    ModelAndView notPermitted(NotPermitted e, HttpServletRequest request) {
        CurrentActor.find()
                .ifPresent(actor ->
                        deniedAttempts.record(actor, request.getMethod(), request.getRequestURI(), e.getMessage()));
        return PageModel.page("denied", HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return PageModel.page("problem", HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView invalid(InvalidInput e) {
        StringBuilder message = new StringBuilder();
        e.problems()
                .forEach(problem -> message.append(message.isEmpty() ? "" : "; ")
                        .append(problem.field())
                        .append(' ')
                        .append(problem.message()));
        return PageModel.page("problem", HttpStatus.BAD_REQUEST, message + ".");
    }
}
