package org.deeprounds.training.api;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeprounds.base.api.ApiProblems;
import org.deeprounds.datasets.model.DatasetFormatException;
import org.deeprounds.models.InvalidSpecException;
import org.deeprounds.models.NetworkSpec;
import org.deeprounds.training.RunInfo;
import org.deeprounds.training.RunService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Training runs over HTTP. Field names are a contract other tools rely on. */
@RestController
@RequestMapping("/api/v1/runs")
class RunController {

    private final RunService runs;

    RunController(RunService runs) {
        this.runs = runs;
    }

    /** {"datasetId", "template" + "overrides"} or {"datasetId", "spec"}. */
    record SubmitRequest(Long datasetId, String template, RunService.Overrides overrides, NetworkSpec spec) {}

    @PostMapping
    ResponseEntity<Map<String, Long>> submit(@RequestBody SubmitRequest request) {
        if (request.datasetId() == null) {
            throw new InvalidSpecException(List.of("datasetId is required"));
        }
        var run = runs.submit(request.datasetId(), request.template(), request.overrides(), request.spec());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", run.id()));
    }

    /** Runs in one page unless the caller asks for another size: enough for a trainee's whole history. */
    static final int DEFAULT_PAGE_SIZE = 100;

    /**
     * The runs the caller may see, newest first, one page at a time: still a JSON array, as before paging. The
     * {@code X-Total-Count} header says how many there are in all, and a {@code Link} header names the next and
     * previous pages.
     */
    @GetMapping
    ResponseEntity<List<RunInfo>> list(
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "" + DEFAULT_PAGE_SIZE) int size) {
        var found = runs.list(page, size);
        var links = new java.util.ArrayList<String>();
        if (found.hasNext()) {
            links.add("</api/v1/runs?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
        }
        if (page > 0) {
            links.add("</api/v1/runs?page=" + (page - 1) + "&size=" + size + ">; rel=\"prev\"");
        }
        var response = ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total()));
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(found.runs());
    }

    @GetMapping("/{id}")
    RunInfo get(@PathVariable("id") long id) {
        return runs.get(id);
    }

    @PostMapping("/{id}/cancel")
    RunInfo cancel(@PathVariable("id") long id) {
        return runs.cancel(id);
    }

    /** An INTERRUPTED run goes on from its last checkpoint: 202 with the run; 409 when it cannot. */
    @PostMapping("/{id}/resume")
    ResponseEntity<RunInfo> resume(@PathVariable("id") long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(runs.resume(id));
    }

    /** The same design on the same dataset as a new run of the caller's: 202 {"id"}. */
    @PostMapping("/{id}/rerun")
    ResponseEntity<Map<String, Long>> rerun(@PathVariable("id") long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("id", runs.rerun(id).id()));
    }

    /** Errors as {@link ApiProblems}: 400 for a bad design or request, 404 for a run or dataset that is not yours. */
    @RestControllerAdvice(assignableTypes = RunController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Errors {

        @ExceptionHandler(InvalidSpecException.class)
        ResponseEntity<ProblemDetail> badSpec(InvalidSpecException e) {
            return ApiProblems.answer(HttpStatus.BAD_REQUEST, e.getMessage());
        }

        @ExceptionHandler({
            DatasetFormatException.class,
            IllegalArgumentException.class,
            org.springframework.http.converter.HttpMessageNotReadableException.class,
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class
        })
        ResponseEntity<ProblemDetail> badRequest(Exception e) {
            return ApiProblems.answer(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
        }

        @ExceptionHandler(IllegalStateException.class)
        ResponseEntity<ProblemDetail> conflict(IllegalStateException e) {
            return ApiProblems.answer(HttpStatus.CONFLICT, e.getMessage());
        }

        @ExceptionHandler(NoSuchElementException.class)
        ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
            return ApiProblems.answer(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
