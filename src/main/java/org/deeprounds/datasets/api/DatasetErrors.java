package org.deeprounds.datasets.api;

import java.util.LinkedHashMap;
import java.util.NoSuchElementException;
import org.deeprounds.base.api.ApiProblems;
import org.deeprounds.datasets.DatasetInUseException;
import org.deeprounds.datasets.DatasetTooLargeException;
import org.deeprounds.datasets.formats.HeaderlessCsvException;
import org.deeprounds.datasets.model.ColumnType;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Dataset API errors as {@link ApiProblems}: 400 bad content, 413 too large (or over the storage quota), 403 not
 * allowed, 404 not found, 409 in use (with what uses it).
 */
@RestControllerAdvice(assignableTypes = DatasetController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatasetErrors {

    @ExceptionHandler(DatasetFormatException.class)
    ResponseEntity<ProblemDetail> badContent(DatasetFormatException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A table whose first row looks like data: the message, the row, and the names header=false would give. */
    @ExceptionHandler(HeaderlessCsvException.class)
    ResponseEntity<ProblemDetail> headerless(HeaderlessCsvException e) {
        var extra = new LinkedHashMap<String, Object>();
        extra.put("headerless", true);
        extra.put("firstRow", e.firstRow());
        extra.put("proposedColumnNames", e.proposedColumnNames());
        return ApiProblems.answer(HttpStatus.BAD_REQUEST, e.getMessage(), extra);
    }

    /** A JSON body that does not parse, or names a column type that does not exist. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON of the expected shape; column types are "
                        + java.util.Arrays.toString(ColumnType.values()));
    }

    @ExceptionHandler(DatasetTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(DatasetTooLargeException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    /** In use: the message, every use the caller may see, and how many others there are. */
    @ExceptionHandler(DatasetInUseException.class)
    ResponseEntity<ProblemDetail> inUse(DatasetInUseException e) {
        var extra = new LinkedHashMap<String, Object>();
        extra.put("usedBy", e.uses().shown());
        extra.put("othersNotShown", e.uses().notShown());
        return ApiProblems.answer(HttpStatus.CONFLICT, e.getMessage(), extra);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> missing(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badValue(MethodArgumentTypeMismatchException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                e.getName() + ": '" + e.getValue() + "' is not allowed"
                        + (e.getName().equals("modality") ? " (IMAGING, GENOMICS, EHR or SIGNAL)" : ""));
    }

    static ResponseEntity<ProblemDetail> error(HttpStatus status, String message) {
        return ApiProblems.answer(status, message);
    }
}
