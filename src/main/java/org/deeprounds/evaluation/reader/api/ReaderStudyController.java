package org.deeprounds.evaluation.reader.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.deeprounds.base.api.ApiProblems;
import org.deeprounds.evaluation.reader.Phase;
import org.deeprounds.evaluation.reader.ReaderCase;
import org.deeprounds.evaluation.reader.ReaderResults;
import org.deeprounds.evaluation.reader.ReaderStudies;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Reader studies over HTTP. Paths and field names are an API contract that a checking tool relies on. */
@RestController
class ReaderStudyController {

    private final ReaderStudies studies;

    ReaderStudyController(ReaderStudies studies) {
        this.studies = studies;
    }

    /** {"cases": N, "seed": S}; the seed is optional (a fresh one is drawn and returned). */
    record CreateRequest(Integer cases, Long seed) {}

    @PostMapping("/api/v1/runs/{id}/reader-studies")
    ResponseEntity<Map<String, Object>> create(@PathVariable("id") long runId, @RequestBody CreateRequest request) {
        if (request == null || request.cases() == null) {
            throw new IllegalArgumentException("cases: required, the number of test cases to read");
        }
        long seed = request.seed() != null ? request.seed() : new java.security.SecureRandom().nextInt(1_000_000);
        var study = studies.create(runId, request.cases(), seed);
        return ResponseEntity.status(HttpStatus.CREATED).body(describe(study, seed));
    }

    @GetMapping("/api/v1/runs/{id}/reader-studies")
    List<ReaderStudies.Summary> ofRun(@PathVariable("id") long runId) {
        return studies.ofRun(runId);
    }

    @GetMapping("/api/v1/reader-studies/{id}")
    Map<String, Object> get(@PathVariable("id") long id) {
        return describe(studies.get(id), null);
    }

    @GetMapping("/api/v1/reader-studies/{id}/cases/{caseId}")
    ReaderCase readerCase(
            @PathVariable("id") long id,
            @PathVariable("caseId") String caseId,
            @RequestParam(name = "phase", defaultValue = "unassisted") String phase) {
        return studies.caseView(id, caseId, Phase.of(phase));
    }

    /** {"phase": "unassisted" | "assisted", "label": "<class name>", "confidence": 1..5}. */
    record ReadRequest(String phase, String label, Integer confidence) {}

    @PutMapping("/api/v1/reader-studies/{id}/reads/{caseId}")
    ResponseEntity<Void> read(
            @PathVariable("id") long id, @PathVariable("caseId") String caseId, @RequestBody ReadRequest request) {
        if (request == null || request.phase() == null) {
            throw new IllegalArgumentException("phase: required, 'unassisted' or 'assisted'");
        }
        studies.read(id, caseId, Phase.of(request.phase()), request.label(), request.confidence());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/reader-studies/{id}/results")
    ReaderResults results(@PathVariable("id") long id) {
        return studies.results(id);
    }

    private Map<String, Object> describe(ReaderStudies.Summary study, Long seed) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", study.id());
        body.put("runId", study.runId());
        body.put("reader", study.reader());
        if (seed != null) {
            body.put("seed", seed);
        }
        body.put(
                "cases",
                studies.order(study.id(), Phase.UNASSISTED).stream()
                        .map(c -> Map.of("caseId", c))
                        .toList());
        body.put("unassistedRead", study.unassistedRead());
        body.put("assistedRead", study.assistedRead());
        return body;
    }

    /** {@link ApiProblems}: 404 for a study or run not yours, 409 out of order, 400 for bad input, 403 not the reader. */
    @RestControllerAdvice(assignableTypes = ReaderStudyController.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Errors {

        @ExceptionHandler(NoSuchElementException.class)
        ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
            return ApiProblems.answer(HttpStatus.NOT_FOUND, e.getMessage());
        }

        @ExceptionHandler(IllegalStateException.class)
        ResponseEntity<ProblemDetail> outOfOrder(IllegalStateException e) {
            return ApiProblems.answer(HttpStatus.CONFLICT, e.getMessage());
        }

        @ExceptionHandler(IllegalArgumentException.class)
        ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
            return ApiProblems.answer(HttpStatus.BAD_REQUEST, String.valueOf(e.getMessage()));
        }

        @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
        ResponseEntity<ProblemDetail> denied(org.springframework.security.access.AccessDeniedException e) {
            return ApiProblems.answer(HttpStatus.FORBIDDEN, e.getMessage());
        }
    }
}
