package org.deeprounds.base.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.NoSuchElementException;
import org.deeprounds.base.ErrorReference;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Turns the errors that a feature's own handlers leave into {@link ApiProblems}: 400 for a bad argument, 404 for
 * something not found, 413 for an upload over the limit, Spring MVC's own errors under {@code /api/} (a body that does
 * not parse, a missing parameter, a wrong content type) with their usual status, and anything else under
 * {@code /api/} as 500 naming a logged reference, never the exception. Access errors go on to Spring Security, which
 * answers them in the same shape.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    static final String TOO_LARGE = "The upload is larger than the limit (deeprounds.datasets.max-upload-size)";

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return ApiProblems.answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        return ApiProblems.answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** Multipart uploads over the limit are refused by the servlet container while streaming. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return ApiProblems.answer(HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE);
    }

    /**
     * Everything else under {@code /api/}: Spring MVC's errors with their status and detail, anything unexpected as
     * 500 with a reference to the logged stack trace. Access errors are Spring Security's to answer (401 or 403); a
     * client that went away needs no answer; pages outside the API keep Spring's and Vaadin's answers.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || e instanceof AccessDeniedException
                || e instanceof AuthenticationException
                || e instanceof AsyncRequestNotUsableException
                || DisconnectedClientHelper.isClientDisconnectedException(e)) {
            throw e;
        }
        return switch (e) {
            case ErrorResponse spring ->
                ResponseEntity.status(spring.getStatusCode())
                        .headers(spring.getHeaders())
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(ApiProblems.problem(
                                spring.getStatusCode(), spring.getBody().getDetail()));
            case HttpMessageNotReadableException unreadable ->
                ApiProblems.answer(HttpStatus.BAD_REQUEST, "Failed to read request");
            case TypeMismatchException mismatch ->
                ApiProblems.answer(
                        HttpStatus.BAD_REQUEST,
                        "Failed to convert '" + mismatch.getPropertyName() + "' with value: '" + mismatch.getValue()
                                + "'");
            default -> {
                // As before this catch-all: a bad argument or a missing thing wrapped in another exception.
                for (var cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof IllegalArgumentException bad) {
                        yield badRequest(bad);
                    }
                    if (cause instanceof NoSuchElementException missing) {
                        yield notFound(missing);
                    }
                }
                var reference = ErrorReference.log(request.getMethod() + " " + request.getRequestURI(), e);
                yield ApiProblems.answer(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Something went wrong on the server (ref " + reference + "). Try again, or tell an"
                                + " administrator the reference.");
            }
        };
    }
}
