package org.deeprounds.insight.api;

import java.util.NoSuchElementException;
import org.deeprounds.base.api.ApiProblems;
import org.deeprounds.insight.LayerInsights;
import org.deeprounds.insight.LayerReport;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Per-layer training statistics of a run, with the run's access rules: 403 for a run that is not yours. */
@RestController
class LayerController {

    private final LayerInsights insights;

    LayerController(LayerInsights insights) {
        this.insights = insights;
    }

    @GetMapping("/api/v1/runs/{id}/layers")
    LayerReport layers(@PathVariable long id, @RequestParam(required = false) Integer iteration) {
        return insights.report(id, iteration);
    }

    @RestControllerAdvice(assignableTypes = LayerController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Errors {

        @ExceptionHandler(NoSuchElementException.class)
        ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
            return ApiProblems.answer(HttpStatus.NOT_FOUND, e.getMessage());
        }

        @ExceptionHandler(AccessDeniedException.class)
        ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
            return ApiProblems.answer(HttpStatus.FORBIDDEN, "You may not see this run.");
        }

        @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
        ResponseEntity<ProblemDetail> badNumber(
                org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e) {
            return ApiProblems.answer(
                    HttpStatus.BAD_REQUEST, e.getName() + " must be a whole number, not '" + e.getValue() + "'");
        }
    }
}
