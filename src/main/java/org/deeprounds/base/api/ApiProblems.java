package org.deeprounds.base.api;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one shape of every error answer under {@code /api/v1}: an RFC 9457 problem detail
 * ({@code application/problem+json}) with {@code status}, {@code title} (the reason phrase) and {@code detail} (the
 * message). The message is also the extension property {@code error}, the field the API answered with before problem
 * details and that scripts and tools still read; extra fields of an error (a list of problems, what uses a dataset)
 * are further extension properties under their own names.
 */
public final class ApiProblems {

    /** The extension property that repeats {@code detail}. */
    public static final String ERROR = "error";

    private ApiProblems() {}

    /** A problem detail with {@code message} as its detail and its {@code error}. */
    public static ProblemDetail problem(HttpStatusCode status, String message) {
        var problem = ProblemDetail.forStatusAndDetail(status, message);
        var known = HttpStatus.resolve(status.value());
        if (known != null) {
            problem.setTitle(known.getReasonPhrase());
        }
        problem.setProperty(ERROR, message);
        return problem;
    }

    /** A problem detail with further fields, in the order of {@code extra}, after {@code error}. */
    public static ProblemDetail problem(HttpStatusCode status, String message, Map<String, ?> extra) {
        var problem = problem(status, message);
        extra.forEach(problem::setProperty);
        return problem;
    }

    /** The answer for {@code problem}, as {@code application/problem+json} whatever the request accepts. */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The answer with status {@code status} and {@code message}. */
    public static ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String message) {
        return answer(problem(status, message));
    }

    /** The answer with status {@code status}, {@code message} and further fields. */
    public static ResponseEntity<ProblemDetail> answer(HttpStatusCode status, String message, Map<String, ?> extra) {
        return answer(problem(status, message, extra));
    }
}
