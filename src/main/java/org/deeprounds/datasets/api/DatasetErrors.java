package org.deeprounds.datasets.api;

import java.util.Map;
import java.util.NoSuchElementException;
import org.deeprounds.datasets.ColumnType;
import org.deeprounds.datasets.DatasetFormatException;
import org.deeprounds.datasets.DatasetInUseException;
import org.deeprounds.datasets.DatasetTooLargeException;
import org.deeprounds.datasets.HeaderlessCsvException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Dataset API errors as {"error": "..."}: 400 bad content, 413 too large (or over the storage quota), 403 not allowed,
 * 404 not found, 409 in use (with what uses it).
 */
@RestControllerAdvice(assignableTypes = DatasetController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatasetErrors {

    @ExceptionHandler(DatasetFormatException.class)
    ResponseEntity<Map<String, String>> badContent(DatasetFormatException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** A table whose first row looks like data: the message, the row, and the names header=false would give. */
    @ExceptionHandler(HeaderlessCsvException.class)
    ResponseEntity<Map<String, Object>> headerless(HeaderlessCsvException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .body(Map.of(
                        "error", e.getMessage(),
                        "headerless", true,
                        "firstRow", e.firstRow(),
                        "proposedColumnNames", e.proposedColumnNames()));
    }

    /** A JSON body that does not parse, or names a column type that does not exist. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                "the request body is not valid JSON of the expected shape; column types are "
                        + java.util.Arrays.toString(ColumnType.values()));
    }

    @ExceptionHandler(DatasetTooLargeException.class)
    ResponseEntity<Map<String, String>> tooLarge(DatasetTooLargeException e) {
        return error(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    /** In use: the message, every use the caller may see, and how many others there are. */
    @ExceptionHandler(DatasetInUseException.class)
    ResponseEntity<Map<String, Object>> inUse(DatasetInUseException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Map.of(
                        "error", e.getMessage(),
                        "usedBy", e.uses().shown(),
                        "othersNotShown", e.uses().notShown()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<Map<String, String>> notFound(NoSuchElementException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(AccessDeniedException e) {
        return error(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, String>> missing(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> badValue(MethodArgumentTypeMismatchException e) {
        return error(
                HttpStatus.BAD_REQUEST,
                e.getName() + ": '" + e.getValue() + "' is not allowed"
                        + (e.getName().equals("modality") ? " (IMAGING, GENOMICS or EHR)" : ""));
    }

    static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
